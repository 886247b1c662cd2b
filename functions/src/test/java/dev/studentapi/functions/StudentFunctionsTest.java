package dev.studentapi.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.core.StoreException;
import dev.studentapi.core.backup.BackupNoticeEmail;
import dev.studentapi.core.backup.BackupService;
import dev.studentapi.core.student.ConfirmationEmail;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.student.StudentService;
import dev.studentapi.core.student.StudentSink;
import dev.studentapi.core.student.StudentStore;
import dev.studentapi.core.student.StudentValidator;
import dev.studentapi.core.text.Language;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryObjectStore;
import dev.studentapi.testkit.fake.RecordingMailer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudentFunctionsTest {

    private static final String THANG = "{\"studentid\":\"SV001\",\"name\":\"Nguyễn Tri Bão Thắng\","
            + "\"class\":\"21DTHA1\",\"birthdate\":\"2003-02-28\",\"email\":\"thang@example.edu.vn\"}";
    private static final String MAI = "{\"studentid\":\"SV002\",\"name\":\"Trần Thị Mai\",\"class\":\"CNTT1\","
            + "\"birthdate\":\"2004-11-05\",\"email\":\"mai@example.edu.vn\"}";
    private static final String KEY = "backups/backup-20261127-123456.json";

    private final MutableClock clock = MutableClock.at("2026-11-27T12:34:56Z");
    private final VersionedStudentStore store = new VersionedStudentStore();
    private final RecordingMailer mailer = new RecordingMailer();
    private final InMemoryObjectStore bucket = new InMemoryObjectStore("student-backup-20250706");
    private final StudentFunctions english = functionsIn(Language.EN);
    private final StudentFunctions vietnamese = functionsIn(Language.VI);

    private StudentFunctions functionsIn(Language language) {
        return DataPlaneAssembly.assemble(store, bucket, mailer,
                new DataPlaneAssembly.Mailing(language, "noreply@school.test", "registrar@school.test"), clock)
                .functions();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The reference page's envelope: the student object as a JSON string under "body". */
    private static byte[] envelope(String student) {
        try {
            return new ObjectMapper().writeValueAsBytes(java.util.Map.of("body", student));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(ApiResponse response) {
        try {
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class ListStudents {

        @Test
        void anEmptyStoreIsAnEmptyArray() {
            ApiResponse response = english.listStudents();

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers()).isEmpty();
            assertThat(response.bodyText()).isEqualTo("[]");
        }

        @Test
        void everyStudentOrderedByIdIncludingTheOneJustSaved() {
            english.insertStudent(bytes(MAI));
            assertThat(english.listStudents().bodyText()).isEqualTo("[" + MAI + "]");

            english.insertStudent(bytes(THANG));

            assertThat(english.listStudents().bodyText()).isEqualTo("[" + THANG + "," + MAI + "]");
        }

        @Test
        void anEngineFailureReachesTheEntryPointWhichAnswers503() {
            StudentStore down = new StudentStore() {
                @Override
                public boolean insert(Student student) {
                    throw new StoreException("table unreachable");
                }

                @Override
                public void forEachOrdered(StudentSink sink) {
                    throw new StoreException("table unreachable");
                }
            };
            StudentFunctions functions = new StudentFunctions(new StudentService(down, new StudentValidator(clock),
                    mailer, new ConfirmationEmail(Language.EN, "noreply@school.test")), null, null,
                    PageCursor.ofRandomSecret(), Language.EN);

            assertThatThrownBy(functions::listStudents).isInstanceOf(StoreException.class);
            assertThatThrownBy(() -> functions.insertStudent(bytes(THANG))).isInstanceOf(StoreException.class);
            assertThat(functions.replies().failure(new StoreException("table unreachable")).status()).isEqualTo(503);
        }
    }

    @Nested
    class InsertStudent {

        @Test
        void savesTheStudentObjectAndMailsTheConfirmation() {
            ApiResponse response = english.insertStudent(bytes(THANG));

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Student data saved and confirmation email "
                    + "sent!\",\"code\":\"STUDENT_SAVED\",\"student\":" + THANG + "}");
            assertThat(mailer.sent()).singleElement().satisfies(mail -> {
                assertThat(mail.to()).isEqualTo("thang@example.edu.vn");
                assertThat(mail.text()).startsWith("Hello Nguyễn Tri Bão Thắng,");
            });
            assertThat(english.listStudents().bodyText()).isEqualTo("[" + THANG + "]");
        }

        @Test
        void savesTheEnvelopeOfTheReferencePage() {
            ApiResponse response = english.insertStudent(envelope(MAI));

            assertThat(response.status()).isEqualTo(201);
            assertThat(json(response).get("student").toString()).isEqualTo(MAI);
        }

        @Test
        void savesAnEnvelopeHoldingTheObjectItself() {
            ApiResponse response = english.insertStudent(bytes("{\"body\":" + MAI + "}"));

            assertThat(response.status()).isEqualTo(201);
            assertThat(json(response).get("student").toString()).isEqualTo(MAI);
        }

        @Test
        void trimsAndComposesTheValuesItStoresAndAnswers() {
            ApiResponse response = english.insertStudent(bytes(MAI.replace("\"Trần Thị Mai\"",
                    "\"  Tra\\u0302\\u0300n Thi\\u0323 Mai \"")));

            assertThat(response.status()).isEqualTo(201);
            assertThat(json(response).get("student").toString()).isEqualTo(MAI);
            assertThat(english.listStudents().bodyText()).isEqualTo("[" + MAI + "]");
        }

        @Test
        void savesButReportsAConfirmationThatFailed() {
            mailer.refuseWith("mailbox unavailable");

            ApiResponse response = english.insertStudent(bytes(THANG));

            assertThat(response.status()).isEqualTo(201);
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Student data saved, but email to "
                    + "thang@example.edu.vn failed: mailbox unavailable\",\"code\":\"STUDENT_SAVED_MAIL_FAILED\","
                    + "\"mailError\":\"mailbox unavailable\",\"student\":" + THANG + "}");
            assertThat(english.listStudents().bodyText()).isEqualTo("[" + THANG + "]");
        }

        @Test
        void aTakenIdIsAConflictThatKeepsTheFirstStudent() {
            english.insertStudent(bytes(THANG));

            ApiResponse response = english.insertStudent(bytes(THANG.replace("Nguyễn Tri Bão Thắng", "Other")));

            assertThat(response.status()).isEqualTo(409);
            assertThat(response.bodyText())
                    .isEqualTo("{\"message\":\"Student ID 'SV001' already exists.\",\"code\":\"DUPLICATE_STUDENT_ID\"}");
            assertThat(english.listStudents().bodyText()).isEqualTo("[" + THANG + "]");
            assertThat(mailer.sent()).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "not json", "[1,2]", "\"text\"", "42", "null", "{\"body\":\"not json\"}",
                "{\"body\":\"[]\"}", "{\"studentid\":\"SV001\",\"studentid\":\"SV002\"}", "{\"studentid\":"})
        void aBodyThatIsNoStudentObjectIsInvalidJson(String body) {
            ApiResponse response = english.insertStudent(bytes(body));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Invalid data sent.\",\"code\":\"INVALID_JSON\"}");
            assertThat(store.listAll()).isEmpty();
        }

        @Test
        void aNullBodyIsInvalidJson() {
            assertThat(english.insertStudent(null).bodyText()).contains("\"code\":\"INVALID_JSON\"");
        }
    }

    @Nested
    class Validation {

        private ApiResponse insert(String student) {
            ApiResponse response = english.insertStudent(bytes(student));
            assertThat(response.status()).isEqualTo(400);
            assertThat(store.listAll()).isEmpty();
            assertThat(mailer.sent()).isEmpty();
            return response;
        }

        @Test
        void aMissingFieldIsMissingInformationWithItsCode() {
            ApiResponse response = insert(THANG.replace(",\"email\":\"thang@example.edu.vn\"", ""));

            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Missing required student information.\","
                    + "\"code\":\"VALIDATION_FAILED\","
                    + "\"errors\":{\"email\":{\"code\":\"REQUIRED\",\"message\":\"is required\"}}}");
        }

        @Test
        void anImpossibleDateNamesTheField() {
            ApiResponse response = insert(THANG.replace("2003-02-28", "2003-02-29"));

            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Invalid student information: birthdate must "
                    + "be a real date YYYY-MM-DD\",\"code\":\"VALIDATION_FAILED\",\"errors\":{\"birthdate\":"
                    + "{\"code\":\"INVALID_DATE\",\"message\":\"must be a real date YYYY-MM-DD\"}}}");
        }

        @Test
        void everyBrokenFieldIsListedInTheDocumentedOrderThenUnknownFieldsSorted() {
            ApiResponse response = insert("{\"zeta\":1,\"email\":\"plain\",\"birthdate\":\"2026-12-01\","
                    + "\"class\":\"" + "C".repeat(65) + "\",\"name\":42,\"studentid\":\"SV 1\",\"alpha\":\"x\"}");

            JsonNode body = json(response);
            assertThat(body.get("message").asText())
                    .isEqualTo("Invalid student information: studentid must be 1-64 letters, digits, '-' or '_'");
            assertThat(body.get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(body.get("errors").fieldNames()).toIterable()
                    .containsExactly("studentid", "name", "class", "birthdate", "email", "alpha", "zeta");
            assertThat(body.get("errors").toString()).isEqualTo("{"
                    + "\"studentid\":{\"code\":\"INVALID_FORMAT\",\"message\":\"must be 1-64 letters, digits, '-' or '_'\"},"
                    + "\"name\":{\"code\":\"INVALID_TYPE\",\"message\":\"must be a string\"},"
                    + "\"class\":{\"code\":\"TOO_LONG\",\"message\":\"is too long\"},"
                    + "\"birthdate\":{\"code\":\"DATE_IN_FUTURE\",\"message\":\"must not be in the future\"},"
                    + "\"email\":{\"code\":\"INVALID_EMAIL\",\"message\":\"must be an e-mail address like name@example.com\"},"
                    + "\"alpha\":{\"code\":\"UNKNOWN_FIELD\",\"message\":\"is not a student field\"},"
                    + "\"zeta\":{\"code\":\"UNKNOWN_FIELD\",\"message\":\"is not a student field\"}}");
        }

        @Test
        void onlyUnknownFieldsAreNamedInTheMessage() {
            ApiResponse response = insert(THANG.replace("}", ",\"zeta\":\"z\",\"age\":20}"));

            JsonNode body = json(response);
            assertThat(body.get("message").asText()).isEqualTo("Unknown field(s): age, zeta");
            assertThat(body.get("errors").get("age").get("code").asText()).isEqualTo("UNKNOWN_FIELD");
        }

        @Test
        void anUnpairedSurrogateIsInvalidCharactersInThatField() {
            ApiResponse response = insert(THANG.replace("Nguyễn Tri Bão Thắng", "Th\\ud800ng"));

            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Invalid student information: name must not "
                    + "contain control, bidi override or unpaired surrogate characters\",\"code\":\"VALIDATION_FAILED\","
                    + "\"errors\":{\"name\":{\"code\":\"INVALID_CHARACTERS\",\"message\":\"must not contain control, "
                    + "bidi override or unpaired surrogate characters\"}}}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\\u0000", "\\u001b", "\\u0085", "\\u202e", "\\u2066"})
        void controlAndBidiCharactersAreInvalidCharacters(String escaped) {
            ApiResponse response = insert(THANG.replace("21DTHA1", "21" + escaped + "DTHA1"));

            assertThat(json(response).get("errors").get("class").get("code").asText()).isEqualTo("INVALID_CHARACTERS");
        }
    }

    @Nested
    class Backup {

        @Test
        void storesTheSnapshotAndMailsTheLink() {
            english.insertStudent(bytes(MAI));
            english.insertStudent(bytes(THANG));

            ApiResponse response = english.backup();

            assertThat(response.status()).isEqualTo(200);
            String snapshot = "[" + THANG + "," + MAI + "]";
            assertThat(bucket.text(KEY)).isEqualTo(snapshot);
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Backup and email sent successfully!\","
                    + "\"code\":\"BACKUP_DONE\",\"bucket\":\"student-backup-20250706\",\"key\":\"" + KEY + "\","
                    + "\"count\":2,\"bytes\":" + bytes(snapshot).length + ","
                    + "\"downloadUrl\":\"https://student-backup-20250706.test/" + KEY + "?expires=1795786496\","
                    + "\"expiresAt\":\"2026-11-27T13:34:56Z\"}");
            assertThat(mailer.sent()).last().satisfies(mail -> {
                assertThat(mail.to()).isEqualTo("registrar@school.test");
                assertThat(mail.text()).contains("?expires=1795786496", "2026-11-27 13:34:56 UTC");
            });
        }

        @Test
        void anEmptyStoreIsAnEmptySnapshot() {
            ApiResponse response = english.backup();

            assertThat(response.status()).isEqualTo(200);
            assertThat(json(response).get("count").asLong()).isZero();
            assertThat(bucket.text(KEY)).isEqualTo("[]");
        }

        @Test
        void aFailedNoticeKeepsTheBackupAndAnswers500WithItsKey() {
            english.insertStudent(bytes(THANG));
            mailer.refuseWith("mailbox unavailable");

            ApiResponse response = english.backup();

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Backup successful but email failed: mailbox "
                    + "unavailable\",\"code\":\"BACKUP_MAIL_FAILED\",\"mailError\":\"mailbox unavailable\","
                    + "\"key\":\"" + KEY + "\"}");
            assertThat(bucket.text(KEY)).contains("SV001");
        }

        @Test
        void aBackupThatCannotBeStoredIsABackupFailureWithTheReason() {
            bucket.failPutsWith(new IOException("bucket unreachable"));

            ApiResponse response = english.backup();

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Backup failed: bucket unreachable\","
                    + "\"code\":\"BACKUP_FAILED\",\"reason\":\"bucket unreachable\"}");
            assertThat(mailer.sent()).isEmpty();
        }

        @Test
        void aFailureWithoutAMessageIsNamedByItsKind() {
            bucket.failPutsWith(new IllegalStateException());

            assertThat(json(english.backup()).get("reason").asText()).isEqualTo("IllegalStateException");
        }
    }

    @Nested
    class InVietnamese {

        private String message(ApiResponse response) {
            return json(response).get("message").asText();
        }

        @Test
        void insertAnswers() {
            assertThat(message(vietnamese.insertStudent(bytes("no")))).isEqualTo("Dữ liệu gửi lên không hợp lệ.");
            assertThat(message(vietnamese.insertStudent(bytes("{}"))))
                    .isEqualTo("Thiếu thông tin bắt buộc của sinh viên.");
            JsonNode invalid = json(vietnamese.insertStudent(bytes(THANG.replace("2003-02-28", "2003-02-30"))));
            assertThat(invalid.get("message").asText())
                    .isEqualTo("Thông tin sinh viên không hợp lệ: birthdate phải là ngày hợp lệ dạng YYYY-MM-DD");
            assertThat(invalid.get("errors").get("birthdate").toString())
                    .isEqualTo("{\"code\":\"INVALID_DATE\",\"message\":\"phải là ngày hợp lệ dạng YYYY-MM-DD\"}");
            assertThat(message(vietnamese.insertStudent(bytes(THANG.replace("}", ",\"age\":1}")))))
                    .isEqualTo("Trường không được hỗ trợ: age");
            assertThat(message(vietnamese.insertStudent(bytes(THANG))))
                    .isEqualTo("Đã lưu dữ liệu sinh viên và gửi email xác nhận!");
            assertThat(message(vietnamese.insertStudent(bytes(THANG))))
                    .isEqualTo("Mã sinh viên 'SV001' đã tồn tại.");
            mailer.refuseWith("hộp thư đầy");
            JsonNode unmailed = json(vietnamese.insertStudent(bytes(MAI)));
            assertThat(unmailed.get("message").asText())
                    .isEqualTo("Đã lưu dữ liệu sinh viên, nhưng gửi email tới mai@example.edu.vn thất bại: hộp thư đầy");
            assertThat(unmailed.get("code").asText()).isEqualTo("STUDENT_SAVED_MAIL_FAILED");
        }

        @Test
        void backupAnswers() {
            assertThat(message(vietnamese.backup())).isEqualTo("Sao lưu và gửi email thành công!");
            assertThat(mailer.sent()).last().extracting(mail -> mail.subject()).isEqualTo("Sao lưu dữ liệu sinh viên");
            mailer.refuseWith("hộp thư đầy");
            assertThat(message(vietnamese.backup())).isEqualTo("Sao lưu thành công nhưng gửi email thất bại: hộp thư đầy");
            bucket.failPutsWith(new IOException("không kết nối được"));
            assertThat(message(vietnamese.backup())).isEqualTo("Sao lưu thất bại: không kết nối được");
        }

        @Test
        void codesStayTheSameInEveryLanguage() {
            assertThat(json(vietnamese.insertStudent(bytes("no"))).get("code").asText()).isEqualTo("INVALID_JSON");
            assertThat(json(vietnamese.insertStudent(bytes(THANG))).get("code").asText()).isEqualTo("STUDENT_SAVED");
            assertThat(json(vietnamese.insertStudent(bytes(THANG))).get("code").asText())
                    .isEqualTo("DUPLICATE_STUDENT_ID");
        }
    }
}
