package dev.studentapi.functions;

import dev.studentapi.core.backup.SnapshotFormat;
import dev.studentapi.core.backup.SnapshotProblem;
import dev.studentapi.core.backup.UnreadableSnapshotException;
import dev.studentapi.core.student.Student;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonSnapshotFormatTest {

    private static final Student THANG = new Student("SV001", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28",
            "thang@example.edu.vn");
    private static final Student MAI = new Student("SV002", "Trần Thị Mai", "CNTT1", "2004-11-05",
            "mai@example.edu.vn");

    private final JsonSnapshotFormat format = new JsonSnapshotFormat();

    private List<Map<String, ?>> read(String json) throws IOException {
        List<Map<String, ?>> rows = new ArrayList<>();
        format.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), (row, fields) -> {
            assertThat(row).isEqualTo(rows.size() + 1);
            rows.add(fields);
        });
        return rows;
    }

    private SnapshotProblem problemOf(String json) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> read(json));
        assertThat(thrown).isInstanceOf(UnreadableSnapshotException.class);
        return ((UnreadableSnapshotException) thrown).problem();
    }

    @Test
    void studentsGivenAsUtf8BytesAreWrittenAsStudentsGivenAsText() throws IOException {
        Student odd = new Student("SV-9_x", "Quote \" back\\slash / Thắng \u2028", "C,1", "2003-02-28",
                "a.b+c@example.edu.vn");
        Student emoji = new Student("SV-10", "Lan 😀", "C1", "2003-02-28", "lan@example.edu.vn");
        ByteArrayOutputStream asText = new ByteArrayOutputStream();
        try (SnapshotFormat.Writer writer = format.open(asText)) {
            writer.accept(THANG);
            writer.accept(odd);
        }
        ByteArrayOutputStream asBytes = new ByteArrayOutputStream();
        try (SnapshotFormat.Writer writer = format.open(asBytes)) {
            for (Student student : List.of(THANG, odd)) {
                writer.acceptEncoded(utf8(student.studentId()), utf8(student.name()), utf8(student.className()),
                        utf8(student.birthdate()), utf8(student.email()));
            }
            assertThat(writer.count()).isEqualTo(2);
        }

        assertThat(asBytes.toString(StandardCharsets.UTF_8)).isEqualTo(asText.toString(StandardCharsets.UTF_8));
        assertThat(read(asBytes.toString(StandardCharsets.UTF_8)).get(1).get("name")).isEqualTo(odd.name());

        // outside the BMP the bytes go in as UTF-8 where text is written as a \\uD83D\\uDE00 escape: the same value
        ByteArrayOutputStream emojiBytes = new ByteArrayOutputStream();
        try (SnapshotFormat.Writer writer = format.open(emojiBytes)) {
            writer.acceptEncoded(utf8(emoji.studentId()), utf8(emoji.name()), utf8(emoji.className()),
                    utf8(emoji.birthdate()), utf8(emoji.email()));
        }
        assertThat(read(emojiBytes.toString(StandardCharsets.UTF_8))).containsExactly(Map.of("studentid", "SV-10",
                "name", "Lan 😀", "class", "C1", "birthdate", "2003-02-28", "email", "lan@example.edu.vn"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsBackWhatItWroteRowByRow() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SnapshotFormat.Writer writer = format.open(out)) {
            writer.accept(THANG);
            writer.accept(MAI);
        }

        List<Map<String, ?>> rows = read(out.toString(StandardCharsets.UTF_8));

        assertThat(rows).containsExactly(
                Map.of("studentid", "SV001", "name", "Nguyễn Tri Bão Thắng", "class", "21DTHA1",
                        "birthdate", "2003-02-28", "email", "thang@example.edu.vn"),
                Map.of("studentid", "SV002", "name", "Trần Thị Mai", "class", "CNTT1", "birthdate", "2004-11-05",
                        "email", "mai@example.edu.vn"));
    }

    @Test
    void anEmptyArrayHasNoRows() throws IOException {
        assertThat(read(" [ ] \n")).isEmpty();
    }

    @Test
    void keepsNonStringsAsWhatTheyAreSoThatTheRulesRefuseThem() throws IOException {
        Map<String, ?> row = read("[{\"studentid\": 5, \"name\": {\"first\": \"Mai\"}, \"class\": [1], "
                + "\"birthdate\": null, \"email\": true}]").get(0);

        assertThat(row.get("studentid")).isEqualTo(5);
        assertThat(row.get("name")).isEqualTo(List.of());
        assertThat(row.get("class")).isEqualTo(List.of());
        assertThat(row.containsKey("birthdate")).isTrue();
        assertThat(row.get("birthdate")).isNull();
        assertThat(row.get("email")).isEqualTo(true);
    }

    @Test
    void streamsRowsBeforeItReachesAProblem() {
        List<Long> seen = new ArrayList<>();

        assertThatThrownBy(() -> format.read(new ByteArrayInputStream(
                "[{\"studentid\":\"SV001\"}, {\"studentid\":\"SV002\"}, 7]".getBytes(StandardCharsets.UTF_8)),
                (row, fields) -> seen.add(row))).isInstanceOf(UnreadableSnapshotException.class);

        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void aSinkFailurePassesThroughAsItIs() {
        IOException stop = new IOException("store unreachable");

        assertThatThrownBy(() -> format.read(new ByteArrayInputStream("[{}]".getBytes(StandardCharsets.UTF_8)),
                (row, fields) -> {
                    throw stop;
                })).isSameAs(stop);
    }

    @Nested
    class Refusals {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "not json at all|NOT_JSON",
                "[{\"studentid\": \"SV001\"|NOT_JSON",
                "[{\"studentid\": \"SV001\"},|NOT_JSON",
                "{\"Items\": [{\"studentid\": {\"S\": \"SV001\"}}]}|NOT_A_BACKUP",
                "\"a string\"|NOT_A_BACKUP",
                "[] []|NOT_A_BACKUP",
                "[]]|NOT_JSON",
                "''|NOT_A_BACKUP"})
        void refusesWhatIsNoArrayOfObjects(String json, String code) {
            assertThat(problemOf(json).code()).isEqualTo(code);
        }

        @Test
        void namesTheRowThatIsNoObject() {
            SnapshotProblem problem = problemOf("[{}, [\"SV001\"]]");

            assertThat(problem.code()).isEqualTo(SnapshotProblem.NOT_A_BACKUP);
            assertThat(problem.row()).isEqualTo(2);
        }
    }
}
