package dev.studentapi.core.student;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StudentTagTest {

    private static final Student THANG = new Student("2180601452", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28",
            "thang@example.edu.vn");
    private final String tag = StudentTag.of(THANG).value();

    @Test
    void isAQuotedHashOfSixteenHexDigits() {
        assertThat(tag).matches("\"[0-9a-f]{16}\"");
        assertThat(StudentTag.of(new Student(THANG.studentId(), THANG.name(), THANG.className(), THANG.birthdate(),
                THANG.email()))).isEqualTo(StudentTag.of(THANG));
    }

    @Test
    void changesWithEveryField() {
        assertThat(java.util.List.of(
                new Student("2180601453", THANG.name(), THANG.className(), THANG.birthdate(), THANG.email()),
                new Student(THANG.studentId(), "Nguyễn Tri Bão Thang", THANG.className(), THANG.birthdate(),
                        THANG.email()),
                new Student(THANG.studentId(), THANG.name(), "21DTHA2", THANG.birthdate(), THANG.email()),
                new Student(THANG.studentId(), THANG.name(), THANG.className(), "2003-02-27", THANG.email()),
                new Student(THANG.studentId(), THANG.name(), THANG.className(), THANG.birthdate(), "t@example.vn")))
                .extracting(s -> StudentTag.of(s).value()).doesNotContain(tag).doesNotHaveDuplicates();
    }

    @Test
    void keepsFieldsApartSoThatMovingTextBetweenThemChangesTheTag() {
        Student a = new Student("SV1", "Ab", "c", "2000-01-01", "a@example.com");
        Student b = new Student("SV1", "A", "bc", "2000-01-01", "a@example.com");

        assertThat(StudentTag.of(a)).isNotEqualTo(StudentTag.of(b));
    }

    @Test
    void matchesItselfTheWildcardAndAListHoldingIt() {
        StudentTag own = StudentTag.of(THANG);

        assertThat(own.matches(tag)).isTrue();
        assertThat(own.matches(" " + tag + " ")).isTrue();
        assertThat(own.matches("*")).isTrue();
        assertThat(own.matches("\"0000000000000000\", " + tag)).isTrue();
        assertThat(own.matches("\"0000000000000000\"," + tag + ",\"1111111111111111\"")).isTrue();
    }

    @Test
    void neverMatchesAnotherTagAWeakTagOrGarbage() {
        StudentTag own = StudentTag.of(THANG);

        assertThat(own.matches("\"0000000000000000\"")).isFalse();
        assertThat(own.matches("W/" + tag)).isFalse();
        assertThat(own.matches("\"0000000000000000\", W/" + tag)).isFalse();
        assertThat(own.matches(tag.replace("\"", ""))).isFalse();
        assertThat(own.matches("")).isFalse();
        assertThat(own.matches(null)).isFalse();
        assertThat(own.matches("\"" + tag)).isFalse();
        assertThat(own.matches("**")).isFalse();
    }
}
