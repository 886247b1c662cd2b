package dev.studentapi.ses;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTest {

    @Test
    void splitsAListAtCommasOutsideQuotesAndBrackets() {
        assertThat(Addresses.split(" a@school.test, \"Nguyễn, Ánh\" <anh@truong.test>,,<odd,one@x.test> "))
                .containsExactly("a@school.test", "\"Nguyễn, Ánh\" <anh@truong.test>", "<odd,one@x.test>");
    }

    @Test
    void leavesBareAddressesAndAsciiNamesAsTheyAre() {
        assertThat(Addresses.encoded("registrar@school.test")).isEqualTo("registrar@school.test");
        assertThat(Addresses.encoded("Student Records <noreply@school.test>"))
                .isEqualTo("Student Records <noreply@school.test>");
    }

    @Test
    void writesANonAsciiDisplayNameAsAnEncodedWord() {
        String encoded = Addresses.encoded("\"Phòng Đào tạo\" <daotao@truong.test>");

        assertThat(encoded).matches("=\\?UTF-8\\?B\\?[A-Za-z0-9+/=]+\\?= <daotao@truong\\.test>");
        String word = encoded.substring("=?UTF-8?B?".length(), encoded.indexOf("?= "));
        assertThat(new String(Base64.getDecoder().decode(word), StandardCharsets.UTF_8)).isEqualTo("Phòng Đào tạo");
    }
}
