package dev.studentapi.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.core.backup.BackupNoticeEmail;
import dev.studentapi.core.backup.BackupRetention;
import dev.studentapi.core.backup.BackupService;
import dev.studentapi.core.student.Student;
import dev.studentapi.core.text.Language;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryObjectStore;
import dev.studentapi.testkit.fake.InMemoryStudentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BackupFunctionsTest {

    private static final Student THANG = new Student("SV001", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28",
            "thang@example.edu.vn");
    private static final Student MAI = new Student("SV002", "Trần Thị Mai", "CNTT1", "2004-11-05",
            "mai@example.edu.vn");
    private static final String FIRST = "backup-20261201-101500.json";

    private final MutableClock clock = MutableClock.at("2026-12-01T10:15:00Z");
    private final InMemoryStudentStore store = new InMemoryStudentStore();
    private final InMemoryObjectStore bucket = new InMemoryObjectStore("student-backup-20250706", clock);
    private final BackupService service = service(Language.EN);
    private final BackupFunctions english = new BackupFunctions(service, Language.EN);
    private final BackupFunctions vietnamese = new BackupFunctions(service(Language.VI), Language.VI);

    private BackupService service(Language language) {
        return new BackupService(store, bucket, new JsonSnapshotFormat(), message -> { },
                new BackupNoticeEmail(language, "noreply@school.test"), "registrar@school.test", clock,
                new BackupRetention.KeepAll());
    }

    private static JsonNode json(ApiResponse response) throws IOException {
        return new ObjectMapper().readTree(response.body());
    }

    @BeforeEach
    void oneBackupOfOneStudentThenASecondStudent() throws IOException {
        store.insert(THANG);
        service.run();
        clock.advance(Duration.ofHours(1));
        store.insert(MAI);
    }

    @Nested
    class Listing {

        @Test
        void listsNameKeyTimeCountAndBytes() throws IOException {
            ApiResponse response = english.list("/prod/backups", Optional.empty(), Optional.empty());

            assertThat(response.status()).isEqualTo(200);
            JsonNode backup = json(response).get("backups").get(0);
            assertThat(backup.get("name").asText()).isEqualTo(FIRST);
            assertThat(backup.get("key").asText()).isEqualTo("backups/" + FIRST);
            assertThat(backup.get("time").asText()).isEqualTo("2026-12-01T10:15:00Z");
            assertThat(backup.get("count").asLong()).isEqualTo(1);
            assertThat(backup.get("bytes").asLong()).isEqualTo(bucket.content("backups/" + FIRST).orElseThrow().length);
            assertThat(response.headers()).doesNotContainKey("Link");
            assertThat(json(response).has("nextCursor")).isFalse();
        }

        @Test
        void aFullPageLinksToTheNext() throws IOException {
            service.run();

            ApiResponse first = english.list("/prod/backups", Optional.of("1"), Optional.empty());

            String cursor = json(first).get("nextCursor").asText();
            assertThat(first.headers()).containsEntry("Link", "</prod/backups?limit=1&cursor=" + cursor
                    + ">; rel=\"next\"");
            assertThat(json(first).get("backups").get(0).get("name").asText())
                    .isEqualTo("backup-20261201-111500.json");
            ApiResponse second = english.list("/prod/backups", Optional.of("1"), Optional.of(cursor));
            assertThat(json(second).get("backups").get(0).get("name").asText()).isEqualTo(FIRST);
            assertThat(second.headers()).doesNotContainKey("Link");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "1001", "-1", "ten", "", "1.5"})
        void refusesALimitOutsideOneToAThousand(String limit) throws IOException {
            ApiResponse response = english.list("/prod/backups", Optional.of(limit), Optional.empty());

            assertThat(response.status()).isEqualTo(400);
            assertThat(json(response).get("code").asText()).isEqualTo("INVALID_PARAMETER");
            assertThat(json(response).get("parameter").asText()).isEqualTo("limit");
        }

        @Test
        void refusesACursorItDidNotMake() throws IOException {
            ApiResponse response = english.list("/prod/backups", Optional.empty(), Optional.of("garbage!"));

            assertThat(response.status()).isEqualTo(400);
            assertThat(json(response).get("parameter").asText()).isEqualTo("cursor");
        }
    }

    @Nested
    class Details {

        @Test
        void carryAFreshLinkValidForAnHour() throws IOException {
            ApiResponse response = english.details(FIRST);

            assertThat(response.status()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("name").asText()).isEqualTo(FIRST);
            assertThat(body.get("count").asLong()).isEqualTo(1);
            assertThat(body.get("expiresAt").asText()).isEqualTo("2026-12-01T12:15:00Z");
            assertThat(body.get("downloadUrl").asText()).isEqualTo("https://student-backup-20250706.test/backups/"
                    + FIRST + "?expires=" + clock.instant().plus(Duration.ofHours(1)).getEpochSecond());
        }

        @Test
        void anUnknownNameIsNotFoundInEitherLanguage() throws IOException {
            assertThat(english.details("backup-20000101-000000.json").bodyText()).isEqualTo(
                    "{\"message\":\"Backup 'backup-20000101-000000.json' not found.\",\"code\":\"BACKUP_NOT_FOUND\"}");
            assertThat(english.details("backup-20000101-000000.json").status()).isEqualTo(404);
            assertThat(vietnamese.details("x.json").bodyText())
                    .contains("Không tìm thấy bản sao lưu 'x.json'.", "BACKUP_NOT_FOUND");
        }

        @ParameterizedTest
        @ValueSource(strings = {"../secrets/link-secret", "a/b.json", "..", ".backup.json.count", ""})
        void namesThatCouldClimbOrHideAreRefused(String name) throws IOException {
            ApiResponse response = english.details(name);

            assertThat(response.status()).isEqualTo(400);
            assertThat(json(response).get("code").asText()).isEqualTo("INVALID_PARAMETER");
            assertThat(english.restore(name, Optional.of("merge"), Optional.empty()).status()).isEqualTo(400);
        }
    }

    @Nested
    class Restore {

        @Test
        void mergeAnswersTheCountsAndTheSafetyBackup() throws IOException {
            ApiResponse response = english.restore(FIRST, Optional.of("merge"), Optional.empty());

            assertThat(response.status()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("code").asText()).isEqualTo("BACKUP_RESTORED");
            assertThat(body.get("mode").asText()).isEqualTo("merge");
            assertThat(body.get("safetyBackup").asText()).isEqualTo("backup-20261201-111500-000-before-restore.json");
            assertThat(body.get("message").asText()).isEqualTo("Backup " + FIRST + " restored; the table before it "
                    + "was saved as backup-20261201-111500-000-before-restore.json.");
            assertThat(body.get("inserted").asLong()).isZero();
            assertThat(body.get("skipped").asLong()).isEqualTo(1);
            assertThat(store.listAll()).containsExactly(THANG, MAI);
        }

        @Test
        void replaceWithConfirmationMakesTheTableTheBackup() throws IOException {
            ApiResponse response = english.restore(FIRST, Optional.of("replace"), Optional.of(FIRST));

            assertThat(response.status()).isEqualTo(200);
            assertThat(json(response).get("inserted").asLong()).isEqualTo(1);
            assertThat(store.listAll()).containsExactly(THANG);
        }

        @Test
        void theModeDefaultsToMerge() throws IOException {
            assertThat(json(english.restore(FIRST, Optional.empty(), Optional.empty())).get("mode").asText())
                    .isEqualTo("merge");
        }

        @Test
        void replaceWithoutConfirmationIsRefused() throws IOException {
            ApiResponse response = english.restore(FIRST, Optional.of("replace"), Optional.of("other.json"));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.bodyText()).isEqualTo("{\"message\":\"Replacing the table with backup '" + FIRST
                    + "' requires confirm=" + FIRST + ".\",\"code\":\"CONFIRMATION_REQUIRED\"}");
            assertThat(store.listAll()).containsExactly(THANG, MAI);
        }

        @Test
        void anUnknownModeIsAnInvalidParameter() throws IOException {
            ApiResponse response = english.restore(FIRST, Optional.of("overwrite"), Optional.of(FIRST));

            assertThat(response.status()).isEqualTo(400);
            assertThat(json(response).get("code").asText()).isEqualTo("INVALID_PARAMETER");
            assertThat(json(response).get("parameter").asText()).isEqualTo("mode");
        }

        @Test
        void aMissingBackupIsNotFound() throws IOException {
            ApiResponse response = english.restore("backup-20000101-000000.json", Optional.of("merge"),
                    Optional.empty());

            assertThat(response.status()).isEqualTo(404);
            assertThat(json(response).get("code").asText()).isEqualTo("BACKUP_NOT_FOUND");
        }

        @Test
        void anInvalidRowIsNamedAndNothingChanges() throws IOException {
            bucket.upload("backups/edited.json", "[{\"studentid\":\"SV009\",\"name\":\"Lan\",\"class\":\"CNTT1\","
                    + "\"birthdate\":\"2004-02-30\",\"email\":\"lan@example.edu.vn\"}]");

            ApiResponse response = english.restore("edited.json", Optional.of("replace"), Optional.of("edited.json"));

            assertThat(response.status()).isEqualTo(400);
            JsonNode body = json(response);
            assertThat(body.get("code").asText()).isEqualTo("INVALID_BACKUP");
            assertThat(body.get("message").asText()).isEqualTo("Backup 'edited.json' cannot be restored: row 1: "
                    + "birthdate must be a real date YYYY-MM-DD");
            assertThat(body.get("problem").toString())
                    .isEqualTo("{\"row\":1,\"field\":\"birthdate\",\"code\":\"INVALID_DATE\"}");
            assertThat(store.listAll()).containsExactly(THANG, MAI);
            assertThat(bucket.keys()).containsExactly("backups/" + FIRST, "backups/edited.json");
        }

        @Test
        void aForeignFileIsRefusedInEitherLanguage() throws IOException {
            bucket.upload("backups/export.json", "{\"Items\":[]}");

            ApiResponse english = BackupFunctionsTest.this.english.restore("export.json", Optional.empty(),
                    Optional.empty());
            ApiResponse vietnamese = BackupFunctionsTest.this.vietnamese.restore("export.json", Optional.empty(),
                    Optional.empty());

            assertThat(english.status()).isEqualTo(400);
            assertThat(json(english).get("message").asText()).startsWith(
                    "Backup 'export.json' cannot be restored: the file is not a list of students");
            assertThat(json(english).get("problem").toString()).isEqualTo("{\"code\":\"NOT_A_BACKUP\"}");
            assertThat(json(vietnamese).get("message").asText())
                    .startsWith("Không thể khôi phục bản sao lưu 'export.json': tệp không phải danh sách sinh viên");
            assertThat(store.listAll()).containsExactly(THANG, MAI);
        }

        @Test
        void aFileThatDoesNotParseIsRefused() throws IOException {
            bucket.upload("backups/cut.json", "[{\"studentid\":\"SV001\",\"na");

            ApiResponse response = english.restore("cut.json", Optional.empty(), Optional.empty());

            assertThat(response.status()).isEqualTo(400);
            assertThat(json(response).get("message").asText())
                    .startsWith("Backup 'cut.json' cannot be restored: the file is not JSON (");
        }
    }
}
