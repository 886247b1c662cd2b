package dev.studentapi.functions;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading import files row by row, and writing CSV that reads back the same. */
class ImportFileReaderTest {

    private static List<String> csvRows(String text) throws IOException {
        List<String> rows = new ArrayList<>();
        ImportFileReader.csv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                (row, fields) -> rows.add(row + " " + fields));
        return rows;
    }

    @Test
    void readsQuotedFieldsLineBreaksInsideQuotesAByteOrderMarkAndEitherLineEnd() throws IOException {
        assertThat(csvRows("\uFEFFname,studentid\r\n\"Nguyễn, \"\"An\"\"\",SV1\n\"two\r\nlines\",SV2\r\n\r\n,SV3"))
                .containsExactly("1 {name=Nguyễn, \"An\", studentid=SV1}", "2 {name=two\r\nlines, studentid=SV2}",
                        "3 {name=, studentid=SV3}");
    }

    @Test
    void namesAFieldPastTheHeaderAsAnUnknownColumn() throws IOException {
        assertThat(csvRows("studentid\nSV1,extra\n")).containsExactly("1 {studentid=SV1, column 2=extra}");
    }

    @Test
    void stopsAtTheRowOfABrokenQuote() {
        assertThatThrownBy(() -> csvRows("studentid\nSV1\n\"SV2\nSV3\n")).isInstanceOfSatisfying(
                MalformedFileException.class, e -> assertThat(e.row()).isEqualTo(2));
        assertThatThrownBy(() -> csvRows("studentid\nS\"V1\n")).isInstanceOf(MalformedFileException.class);
        assertThatThrownBy(() -> csvRows("studentid\n\"SV1\"x\n")).isInstanceOf(MalformedFileException.class);
    }

    @Test
    void readsAJsonArrayKeepingNonStringsForValidation() throws IOException {
        List<String> rows = new ArrayList<>();
        ImportFileReader.jsonArray(new ByteArrayInputStream(
                "[{\"studentid\":\"SV1\",\"name\":5},7]".getBytes(StandardCharsets.UTF_8)),
                (row, fields) -> rows.add(row + " " + fields.keySet() + " " + (fields.get("name") instanceof String)));
        assertThat(rows).containsExactly("1 [studentid, name] false", "2 [] false");
        assertThatThrownBy(() -> ImportFileReader.jsonArray(new ByteArrayInputStream(
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), (row, fields) -> { }))
                .isInstanceOf(MalformedFileException.class);
        assertThatThrownBy(() -> ImportFileReader.jsonArray(new ByteArrayInputStream(
                "[{\"a\":\"1\",\"a\":\"2\"}]".getBytes(StandardCharsets.UTF_8)), (row, fields) -> { }))
                .isInstanceOfSatisfying(MalformedFileException.class, e -> assertThat(e.row()).isEqualTo(1));
    }

    @Test
    void writtenCsvReadsBackTheSame() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (StudentCsv csv = StudentCsv.open(out)) {
            csv.write(new dev.studentapi.core.student.Student("SV1", "A \"quoted\", name", "C\r\nD", "2003-02-28",
                    "a@b.cd"));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        ImportFileReader.csv(new ByteArrayInputStream(out.toByteArray()), (row, fields) -> rows.add(fields));
        assertThat(rows).containsExactly(Map.of("studentid", "SV1", "name", "A \"quoted\", name", "class", "C\r\nD",
                "birthdate", "2003-02-28", "email", "a@b.cd"));
    }
}
