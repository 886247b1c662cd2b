package dev.studentapi.core.student;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    void dropsVietnameseMarksAndCase() {
        assertThat(SearchText.fold("Nguyễn Tri Bão Thắng")).isEqualTo("nguyen tri bao thang");
        assertThat(SearchText.fold("Trần Thị Mỹ Duyên")).isEqualTo("tran thi my duyen");
    }

    @Test
    void foldsTheBarredDBothCases() {
        assertThat(SearchText.fold("Đặng Văn Đức đi")).isEqualTo("dang van duc di");
    }

    @Test
    void foldsDecomposedInputLikeComposedInput() {
        assertThat(SearchText.fold("Tra\u0302\u0300n")).isEqualTo(SearchText.fold("Trần")).isEqualTo("tran");
    }

    @Test
    void lowersAsciiWithoutTouchingDigitsOrPunctuation() {
        assertThat(SearchText.fold("SV-001_A@Example.COM")).isEqualTo("sv-001_a@example.com");
    }
}
