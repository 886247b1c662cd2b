package dev.studentapi.core.backup;

import dev.studentapi.core.student.BulkCounts;
import dev.studentapi.core.student.Student;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.fake.InMemoryObjectStore;
import dev.studentapi.testkit.fake.InMemoryStudentStore;
import dev.studentapi.core.text.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class BackupRestoreTest {

    static final Student THANG = new Student("SV001", "Nguyễn Tri Bão Thắng", "21DTHA1", "2003-02-28",
            "thang@example.edu.vn");
    static final Student MAI = new Student("SV002", "Trần Thị Mai", "CNTT1", "2004-11-05", "mai@example.edu.vn");
    static final Student LAN = new Student("SV003", "Lê Văn Lan", "CNTT2", "2004-01-01", "lan@example.edu.vn");
    static final Student THANG_RENAMED = new Student("SV001", "Nguyễn Văn Thắng", "21DTHA1", "2003-02-28",
            "thang@example.edu.vn");
    static final BackupName NAME = new BackupName("backup-20261130-000000.json");

    final MutableClock clock = MutableClock.at("2026-12-01T10:15:00Z");
    final InMemoryStudentStore store = new InMemoryStudentStore();
    final InMemoryObjectStore bucket = new InMemoryObjectStore("student-backups", clock);
    final BackupService service = new BackupService(store, bucket, new LineSnapshotFormat(), message -> { },
            new BackupNoticeEmail(Language.EN, "noreply@school.test"), "registrar@school.test", clock);

    @BeforeEach
    void aTableOfTwo() {
        store.insert(THANG);
        store.insert(MAI);
    }

    static String lines(Student... students) {
        return Arrays.stream(students).map(s -> LineSnapshotFormat.line(s) + "\n").collect(Collectors.joining());
    }

    void upload(BackupName name, String content) {
        bucket.upload(name.key(), content);
    }

    List<String> backupKeys() {
        return bucket.keys().stream().filter(key -> key.startsWith("backups/")).toList();
    }

    @Test
    void mergeInsertsWhatIsMissingAndKeepsWhatExists() throws IOException {
        upload(NAME, lines(THANG_RENAMED, LAN));

        RestoreOutcome outcome = service.restore(NAME, RestoreMode.MERGE, Optional.empty());

        assertThat(outcome).isInstanceOfSatisfying(RestoreOutcome.Restored.class, restored -> {
            assertThat(restored.counts()).isEqualTo(new BulkCounts(1, 0, 1));
            assertThat(restored.mode()).isEqualTo(RestoreMode.MERGE);
        });
        assertThat(store.listAll()).containsExactly(THANG, MAI, LAN);
    }

    @Test
    void replaceMakesTheTableExactlyTheBackup() throws IOException {
        upload(NAME, lines(THANG_RENAMED, LAN));

        RestoreOutcome outcome = service.restore(NAME, RestoreMode.REPLACE, Optional.of(NAME.value()));

        assertThat(outcome).isInstanceOfSatisfying(RestoreOutcome.Restored.class,
                restored -> assertThat(restored.counts().inserted()).isEqualTo(2));
        assertThat(store.listAll()).containsExactly(THANG_RENAMED, LAN);
    }

    @Test
    void anEmptyBackupReplacesTheTableWithNothing() throws IOException {
        upload(NAME, "");

        service.restore(NAME, RestoreMode.REPLACE, Optional.of(NAME.value()));

        assertThat(store.listAll()).isEmpty();
    }

    @Test
    void takesASafetyBackupOfTheTableFirstAndNamesIt() throws IOException {
        upload(NAME, lines(LAN));

        var restored = (RestoreOutcome.Restored) service.restore(NAME, RestoreMode.REPLACE,
                Optional.of(NAME.value()));

        assertThat(restored.safetyBackup().value()).isEqualTo("backup-20261201-101500-000-before-restore.json");
        assertThat(bucket.text(restored.safetyBackup().key())).isEqualTo(lines(THANG, MAI));
        assertThat(bucket.find(restored.safetyBackup().key()).orElseThrow().count()).hasValue(2);
    }

    @Test
    void restoringTheSafetyBackupUndoesAWrongRestore() throws IOException {
        upload(NAME, lines(LAN));
        var wrong = (RestoreOutcome.Restored) service.restore(NAME, RestoreMode.REPLACE, Optional.of(NAME.value()));
        clock.advance(java.time.Duration.ofMinutes(1));

        service.restore(wrong.safetyBackup(), RestoreMode.REPLACE, Optional.of(wrong.safetyBackup().value()));

        assertThat(store.listAll()).containsExactly(THANG, MAI);
    }

    @Test
    void aRowOrderOtherThanByIdIsRestoredToo() throws IOException {
        upload(NAME, lines(LAN, THANG_RENAMED));

        service.restore(NAME, RestoreMode.REPLACE, Optional.of(NAME.value()));

        assertThat(store.listAll()).containsExactly(THANG_RENAMED, LAN);
    }

    @Nested
    class Refusals {

        @Test
        void aMissingBackupIsNotFound() throws IOException {
            assertThat(service.restore(NAME, RestoreMode.MERGE, Optional.empty()))
                    .isEqualTo(new RestoreOutcome.NotFound(NAME));
            assertThat(backupKeys()).isEmpty();
        }

        @Test
        void aReplaceNeedsTheNameAsConfirmation() throws IOException {
            upload(NAME, lines(LAN));

            assertThat(service.restore(NAME, RestoreMode.REPLACE, Optional.empty()))
                    .isEqualTo(new RestoreOutcome.ConfirmationRequired(NAME));
            assertThat(service.restore(NAME, RestoreMode.REPLACE, Optional.of("backup-20261129-000000.json")))
                    .isEqualTo(new RestoreOutcome.ConfirmationRequired(NAME));
            assertThat(store.listAll()).containsExactly(THANG, MAI);
            assertThat(backupKeys()).containsExactly(NAME.key());
        }

        @Test
        void aRowThatFailsTheRulesRefusesTheWholeFileBeforeAnythingChanges() throws IOException {
            upload(NAME, lines(LAN) + "SV004|Phạm Hùng|CNTT1|2004-02-30|hung@example.edu.vn\n");

            RestoreOutcome outcome = service.restore(NAME, RestoreMode.REPLACE, Optional.of(NAME.value()));

            assertThat(outcome).isEqualTo(new RestoreOutcome.InvalidBackup(NAME,
                    SnapshotProblem.ofField(2, "birthdate", "INVALID_DATE")));
            assertThat(store.listAll()).containsExactly(THANG, MAI);
            assertThat(backupKeys()).containsExactly(NAME.key());
        }

        @Test
        void aForeignFileIsRefused() throws IOException {
            upload(NAME, "{\"Items\": []}\n");

            RestoreOutcome outcome = service.restore(NAME, RestoreMode.MERGE, Optional.empty());

            assertThat(outcome).isInstanceOfSatisfying(RestoreOutcome.InvalidBackup.class,
                    invalid -> assertThat(invalid.problem().code()).isEqualTo(SnapshotProblem.NOT_A_BACKUP));
            assertThat(store.listAll()).containsExactly(THANG, MAI);
            assertThat(backupKeys()).containsExactly(NAME.key());
        }

        @Test
        void anIdTwiceInARowIsADuplicate() throws IOException {
            upload(NAME, lines(LAN, LAN));

            assertThat(service.restore(NAME, RestoreMode.MERGE, Optional.empty())).isEqualTo(
                    new RestoreOutcome.InvalidBackup(NAME, SnapshotProblem.ofField(2, "studentid", "DUPLICATE_IN_FILE")));
            assertThat(store.listAll()).containsExactly(THANG, MAI);
        }

        @Test
        void anIdTwiceInAnUnorderedFileIsADuplicateToo() throws IOException {
            upload(NAME, lines(MAI, THANG, LAN, MAI));

            assertThat(service.restore(NAME, RestoreMode.MERGE, Optional.empty())).isEqualTo(
                    new RestoreOutcome.InvalidBackup(NAME, SnapshotProblem.ofField(4, "studentid", "DUPLICATE_IN_FILE")));
            assertThat(store.listAll()).containsExactly(THANG, MAI);
        }

        @Test
        void aSafetyBackupThatCannotBeStoredStopsTheRestore() {
            upload(NAME, lines(LAN));
            bucket.failPutsWith(new IOException("bucket unreachable"));

            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> service.restore(NAME, RestoreMode.REPLACE, Optional.of(NAME.value())))
                    .hasMessage("bucket unreachable");
            assertThat(store.listAll()).containsExactly(THANG, MAI);
        }
    }
}
