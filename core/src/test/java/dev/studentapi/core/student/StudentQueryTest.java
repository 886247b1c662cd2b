package dev.studentapi.core.student;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudentQueryTest {

    private static final Student THANG = new Student("2180601452", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28",
            "thang.nguyen@sinhvien.hutech.edu.vn");

    private static StudentQuery text(String q) {
        return new StudentQuery(Optional.empty(), Optional.of(q), Optional.empty(), 10);
    }

    private static StudentQuery inClass(String className) {
        return new StudentQuery(Optional.of(className), Optional.empty(), Optional.empty(), 10);
    }

    @Test
    void allMatchesEveryStudentWithoutLimit() {
        assertThat(StudentQuery.all().matches(THANG)).isTrue();
        assertThat(StudentQuery.all().limit()).isEqualTo(Integer.MAX_VALUE);
        assertThat(StudentQuery.all().afterId()).isEmpty();
    }

    @Test
    void findsTextWithoutAccentsOrCaseInTheName() {
        assertThat(text("nguyen").matches(THANG)).isTrue();
        assertThat(text("thang").matches(THANG)).isTrue();
        assertThat(text("THẮNG").matches(THANG)).isTrue();
        assertThat(text("bao th").matches(THANG)).isTrue();
        assertThat(text("tran").matches(THANG)).isFalse();
    }

    @Test
    void findsTextInTheIdAndTheEmailButNotInClassOrBirthdate() {
        assertThat(text("0601").matches(THANG)).isTrue();
        assertThat(text("HUTECH.edu").matches(THANG)).isTrue();
        assertThat(text("21dtha").matches(THANG)).isFalse();
        assertThat(text("2003-02").matches(THANG)).isFalse();
    }

    @Test
    void matchesTheClassExactly() {
        assertThat(inClass("21DTHA1").matches(THANG)).isTrue();
        assertThat(inClass("21dtha1").matches(THANG)).isFalse();
        assertThat(inClass("21DTHA").matches(THANG)).isFalse();
    }

    @Test
    void combinesClassAndText() {
        StudentQuery both = new StudentQuery(Optional.of("21DTHA1"), Optional.of("thang"), Optional.empty(), 5);

        assertThat(both.matches(THANG)).isTrue();
        assertThat(both.withLimit(1).matches(new Student("X1", "Thắng", "21DTHA2", "2003-02-28", "x@example.vn")))
                .isFalse();
    }

    @Test
    void continuesAfterAnIdWithTheSameFilters() {
        StudentQuery next = text("thang").after("SV9");

        assertThat(next.afterId()).contains("SV9");
        assertThat(next.text()).contains("thang");
        assertThat(next.limit()).isEqualTo(10);
        assertThat(next.unlimited().limit()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void wantsAtLeastOneStudent() {
        assertThatThrownBy(() -> new StudentQuery(Optional.empty(), Optional.empty(), Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
