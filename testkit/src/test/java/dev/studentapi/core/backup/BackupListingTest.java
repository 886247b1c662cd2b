package dev.studentapi.core.backup;

import dev.studentapi.core.student.Student;
import dev.studentapi.core.text.Language;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryObjectStore;
import dev.studentapi.testkit.fake.InMemoryStudentStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BackupListingTest {

    final MutableClock clock = MutableClock.at("2026-12-01T10:15:00Z");
    final InMemoryStudentStore store = new InMemoryStudentStore();
    final InMemoryObjectStore bucket = new InMemoryObjectStore("student-backups", clock);

    BackupService service(BackupRetention retention) {
        return new BackupService(store, bucket, new LineSnapshotFormat(), message -> { },
                new BackupNoticeEmail(Language.EN, "noreply@school.test"), "registrar@school.test", clock, retention);
    }

    final BackupService service = service(new BackupRetention.KeepAll());

    /** Runs a backup of {@code students} students, then moves the clock on by an hour. */
    String backupOf(int students) throws IOException {
        for (int i = 0; i < students; i++) {
            store.insert(new Student(String.format("SV%05d", store.listAll().size() + 1), "Mai", "CNTT1",
                    "2004-11-05", "mai@example.edu.vn"));
        }
        String key = service.run().object().key();
        clock.advance(Duration.ofHours(1));
        return key.substring("backups/".length());
    }

    static List<String> names(BackupPage page) {
        return page.backups().stream().map(backup -> backup.name().value()).toList();
    }

    @Test
    void listsTheBackupsNewestFirstWithTimeCountAndSize() throws IOException {
        backupOf(1);
        backupOf(2);

        BackupPage page = service.list(10, Optional.empty());

        assertThat(names(page)).containsExactly("backup-20261201-111500.json", "backup-20261201-101500.json");
        Backup newest = page.backups().get(0);
        assertThat(newest.key()).isEqualTo("backups/backup-20261201-111500.json");
        assertThat(newest.time()).isEqualTo(Instant.parse("2026-12-01T11:15:00Z"));
        assertThat(newest.count()).hasValue(3);
        assertThat(newest.bytes()).isEqualTo(bucket.text(newest.key()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void pagesFollowTheCursorToTheLastOne() throws IOException {
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            taken.add(0, backupOf(1));
        }

        List<String> seen = new ArrayList<>();
        Optional<BackupCursor> cursor = Optional.empty();
        int pages = 0;
        do {
            BackupPage page = service.list(2, cursor.map(BackupCursor::token).flatMap(BackupCursor::parse));
            seen.addAll(names(page));
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());

        assertThat(seen).isEqualTo(taken);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void onlyFilesDirectlyInTheBackupsFolderAreBackups() throws IOException {
        backupOf(1);
        bucket.upload("exports/students.json", "");
        bucket.upload("backups/archive/backup-20200101-000000.json", "");

        assertThat(names(service.list(10, Optional.empty()))).containsExactly("backup-20261201-101500.json");
    }

    @Test
    void anUploadedFileWithoutACountIsListedWithoutOne() throws IOException {
        bucket.upload("backups/manual.json", "[]");

        assertThat(service.list(10, Optional.empty()).backups()).singleElement()
                .satisfies(backup -> assertThat(backup.count()).isEmpty());
    }

    @Test
    void detailsCarryALinkValidForOneHour() throws IOException {
        String name = backupOf(1);

        BackupDetails details = service.details(new BackupName(name)).orElseThrow();

        assertThat(details.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(details.downloadUrl().toString()).contains("backups/" + name,
                "expires=" + details.expiresAt().getEpochSecond());
        assertThat(service.details(new BackupName("backup-20000101-000000.json"))).isEmpty();
    }

    @Nested
    class Cursors {

        @Test
        void aTokenRoundTrips() {
            BackupCursor cursor = new BackupCursor(Instant.parse("2026-12-01T10:15:00.123Z"),
                    new BackupName("backup-20261201-101500.json"));

            assertThat(BackupCursor.parse(cursor.token())).contains(cursor);
        }

        @Test
        void anythingElseIsNoCursor() {
            assertThat(BackupCursor.parse("not base64!")).isEmpty();
            assertThat(BackupCursor.parse("")).isEmpty();
            assertThat(BackupCursor.parse(java.util.Base64.getUrlEncoder().encodeToString("12:../x".getBytes())))
                    .isEmpty();
        }
    }

    @Nested
    class Retention {

        @Test
        void keepDeletesAllButTheNewestAfterEachBackup() throws IOException {
            var keepTwo = service(new BackupRetention.KeepLatest(2));
            store.insert(new Student("SV1", "Mai", "CNTT1", "2004-11-05", "mai@example.edu.vn"));
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                keys.add(keepTwo.run().object().key());
                clock.advance(Duration.ofHours(1));
            }

            assertThat(bucket.keys()).containsExactly(keys.get(2), keys.get(3));
        }

        @Test
        void anAgeDeletesWhatIsOlderAfterTheNextBackup() throws IOException {
            var thirtyDays = service(BackupRetention.parse("30d"));
            String old = thirtyDays.run().object().key();
            clock.advance(Duration.ofDays(20));
            String recent = thirtyDays.run().object().key();
            clock.advance(Duration.ofDays(11));
            assertThat(bucket.keys()).containsExactly(old, recent);

            String newest = thirtyDays.run().object().key();

            assertThat(bucket.keys()).containsExactly(recent, newest);
        }

        @Test
        void aRestoreSparesTheRestoredBackupAndCountsItsSafetyBackup() throws IOException {
            var keepOne = service(new BackupRetention.KeepLatest(1));
            store.insert(new Student("SV1", "Mai", "CNTT1", "2004-11-05", "mai@example.edu.vn"));
            String restored = keepOne.run().object().key();
            clock.advance(Duration.ofHours(1));

            var outcome = (RestoreOutcome.Restored) keepOne.restore(BackupName.ofKey(restored).orElseThrow(),
                    RestoreMode.MERGE, Optional.empty());

            assertThat(bucket.keys()).containsExactly(restored, outcome.safetyBackup().key());
            clock.advance(Duration.ofHours(1));
            String next = keepOne.run().object().key();
            assertThat(bucket.keys()).containsExactly(next);
        }
    }
}
