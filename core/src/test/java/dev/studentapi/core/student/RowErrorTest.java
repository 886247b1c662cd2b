package dev.studentapi.core.student;

import dev.studentapi.core.text.Language;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowErrorTest {

    @Test
    void wordsAFieldProblemAfterTheFieldName() {
        RowError error = RowError.of(12, "name", FieldProblem.REQUIRED.name());

        assertThat(error).isEqualTo(new RowError(12, "name", "REQUIRED", "name is required"));
        assertThat(error.messageIn(Language.VI)).isEqualTo("name là bắt buộc");
    }

    @Test
    void wordsTheDuplicateCodes() {
        assertThat(RowError.of(3, "studentid", RowError.DUPLICATE_IN_FILE).message())
                .isEqualTo("studentid appears more than once in the file");
        assertThat(RowError.of(3, "studentid", RowError.DUPLICATE_STUDENT_ID).message())
                .isEqualTo("studentid already exists");
    }
}
