package dev.studentapi.core.student;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape rules are loops for speed; each must decide exactly as the rule it stands for, written here as the
 * regular expression or formatter of SPEC §2, on many generated values made of the characters that matter.
 */
class StudentRuleShapesTest {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)*\\.[^@\\s.]{2,}");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final int CASES = 200_000;

    private final Random random = new Random(20261201);
    private final StudentValidator validator =
            new StudentValidator(Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void emailShapeIsTheRegularExpression() {
        String[] pieces = {"a", "b", "Z", "9", ".", "@", " ", "\t", "\u000B", "-", "ễ", "\uD83D\uDE00", "\u00A0",
                "example", "com", "vn"};
        int matched = 0;
        for (int i = 0; i < CASES; i++) {
            String value = i % 2 == 0 ? generated(pieces, 12)
                    : generated(pieces, 3) + "@" + generated(pieces, 3) + "." + generated(pieces, 2);
            boolean expected = EMAIL.matcher(value).matches();
            assertThat(StudentValidator.hasEmailShape(value)).as("%s", value).isEqualTo(expected);
            matched += expected ? 1 : 0;
        }
        assertThat(matched).as("generated addresses that have the shape").isGreaterThan(CASES / 100);
    }

    @Test
    void idShapeIsTheRegularExpression() {
        String[] pieces = {"a", "Z", "0", "9", "_", "-", " ", ".", "/", "ễ", "SV00", "x".repeat(30)};
        for (int i = 0; i < CASES; i++) {
            String value = generated(pieces, 8);
            assertThat(StudentValidator.isWellFormedId(value)).as("%s", value)
                    .isEqualTo(ID.matcher(value).matches());
        }
    }

    @Test
    void birthdateIsTheStrictFormatter() {
        String[] pieces = {"0", "1", "2", "9", "-", "+", "2003", "02", "29", "31", "12", "13", "00", " ", "٣"};
        int valid = 0;
        for (int i = 0; i < CASES; i++) {
            String value = i % 2 == 0 ? generated(pieces, 6) : plausibleDate();
            if (value.isBlank()) {
                continue;
            }
            Map<String, Object> input = student();
            input.put("birthdate", value);
            StudentValidation result = validator.validate(input);
            FieldProblem expected = expectedDateProblem(value.strip());
            if (expected == null) {
                valid++;
                assertThat(result).as("%s", value).isInstanceOf(StudentValidation.Valid.class);
            } else {
                assertThat(result).as("%s", value).isInstanceOf(StudentValidation.Invalid.class);
                assertThat(((StudentValidation.Invalid) result).problems()).as("%s", value)
                        .isEqualTo(Map.of("birthdate", expected));
            }
        }
        assertThat(valid).isGreaterThan(CASES / 10);
    }

    @Test
    void textIsStrippedAndInNfcWhetherOrNotItWasSent() {
        String[] pieces = {"a", " ", "e\u0301", "é", "ễ", "Nguyê\u0303n", "\u00A0", "Ω", "\u212B", "x"};
        for (int i = 0; i < CASES / 10; i++) {
            String value = "N" + generated(pieces, 6) + "n";
            Map<String, Object> input = student();
            input.put("name", value);
            StudentValidation result = validator.validate(input);
            String expected = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
            if (expected.codePointCount(0, expected.length()) <= 200) {
                assertThat(((StudentValidation.Valid) result).student().name()).isEqualTo(expected);
            }
        }
    }

    @Test
    void normalisedTextIsWhatTheNormalizerGivesForLatinVietnameseAndCombiningMarks() {
        for (int i = 0; i < CASES; i++) {
            StringBuilder value = new StringBuilder();
            int length = 1 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                int range = random.nextInt(4);
                char c = (char) switch (range) {
                    case 0 -> 0x21 + random.nextInt(0x300 - 0x21);
                    case 1 -> 0x1E00 + random.nextInt(0x100);
                    case 2 -> 0x300 + random.nextInt(0x70);
                    default -> "aeouAEOUđ".charAt(random.nextInt(9));
                };
                value.append(c);
            }
            String text = value.toString();
            assertThat(SubmittedText.normalise(text)).as("%s", text)
                    .isEqualTo(Normalizer.normalize(text.strip(), Normalizer.Form.NFC));
        }
    }

    private FieldProblem expectedDateProblem(String value) {
        try {
            LocalDate date = LocalDate.parse(value, DATE);
            return date.isAfter(LocalDate.of(2026, 11, 28)) ? FieldProblem.DATE_IN_FUTURE : null;
        } catch (DateTimeParseException e) {
            return FieldProblem.INVALID_DATE;
        }
    }

    private String plausibleDate() {
        return String.format("%04d-%02d-%02d", random.nextInt(2100), random.nextInt(14), random.nextInt(33));
    }

    private String generated(String[] pieces, int maxPieces) {
        StringBuilder value = new StringBuilder();
        int count = 1 + random.nextInt(maxPieces);
        for (int i = 0; i < count; i++) {
            value.append(pieces[random.nextInt(pieces.length)]);
        }
        return value.toString();
    }

    private static Map<String, Object> student() {
        Map<String, Object> map = new HashMap<>();
        map.put("studentid", "SV001");
        map.put("name", "Nguyễn Tri Bão Thắng");
        map.put("class", "21DTHA1");
        map.put("birthdate", "2003-02-28");
        map.put("email", "thang@example.edu.vn");
        return map;
    }
}
