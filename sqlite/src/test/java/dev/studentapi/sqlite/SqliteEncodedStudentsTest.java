package dev.studentapi.sqlite;

import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The export and backup read the stored UTF-8 bytes: the same students, in the same order, as the decoded read. */
class SqliteEncodedStudentsTest {

    @TempDir
    Path folder;
    private SqliteDatabase database;
    private SqliteStudentStore store;

    @BeforeEach
    void open() {
        database = SqliteDatabase.open(folder.resolve("studentapi.db"));
        store = new SqliteStudentStore(database);
        store.insert(new Student("SV003", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28", "thang@example.edu.vn"));
        store.insert(new Student("SV001", "Quote \" comma , 😀", "CNTT1", "2004-11-05", "mai@example.edu.vn"));
        store.insert(new Student("SV002", "Lê Văn Lan", "21DTHA1", "2004-01-01", "lan@example.edu.vn"));
        store.insert(new Student("SV004", "Phạm Hùng", "CNTT1", "2002-02-02", "hung@example.edu.vn"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void everyQueryGivesTheSameStudentsAsTheDecodedRead() throws IOException {
        List<StudentQuery> queries = List.of(StudentQuery.all(),
                new StudentQuery(Optional.of("21DTHA1"), Optional.empty(), Optional.empty(), Integer.MAX_VALUE),
                new StudentQuery(Optional.empty(), Optional.empty(), Optional.of("SV001"), 2),
                new StudentQuery(Optional.empty(), Optional.of("thang"), Optional.empty(), 10),
                new StudentQuery(Optional.of("CNTT1"), Optional.empty(), Optional.of("SV001"), 1));
        for (StudentQuery query : queries) {
            List<Student> decoded = new ArrayList<>();
            store.forEachMatching(query, decoded::add);
            assertThat(encoded(query)).as("%s", query).isEqualTo(decoded).isNotEmpty();
        }
        List<Student> ordered = new ArrayList<>();
        store.forEachOrderedEncoded((id, name, className, birthdate, email) -> ordered.add(new Student(text(id),
                text(name), text(className), text(birthdate), text(email))));
        assertThat(ordered).extracting(Student::studentId).containsExactly("SV001", "SV002", "SV003", "SV004");
        assertThat(ordered.get(0).name()).isEqualTo("Quote \" comma , 😀");
    }

    private List<Student> encoded(StudentQuery query) throws IOException {
        List<Student> students = new ArrayList<>();
        store.forEachMatchingEncoded(query, (id, name, className, birthdate, email) -> students.add(new Student(
                text(id), text(name), text(className), text(birthdate), text(email))));
        return students;
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
