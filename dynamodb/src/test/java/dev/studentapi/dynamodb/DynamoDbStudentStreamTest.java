package dev.studentapi.dynamodb;

import dev.studentapi.core.student.Student;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.stream.IntStream;

import static dev.studentapi.testkit.Students.student;
import static org.assertj.core.api.Assertions.assertThat;

class DynamoDbStudentStreamTest {

    @RegisterExtension
    static final MotoDynamoDb MOTO = new MotoDynamoDb();

    @Test
    void streamsInOrderAcrossManyChunks() {
        DynamoDbStudentStore store = new DynamoDbStudentStore(MOTO.freshTables(), 7);
        List<String> ids = IntStream.range(0, 45).map(i -> (i * 17) % 45)
                .mapToObj(i -> String.format("SV%03d", i)).toList();
        ids.forEach(id -> store.insert(student(id)));

        assertThat(store.listAll()).extracting(Student::studentId).isEqualTo(ids.stream().sorted().toList());
    }
}
