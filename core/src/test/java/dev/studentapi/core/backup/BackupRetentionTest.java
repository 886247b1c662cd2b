package dev.studentapi.core.backup;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupRetentionTest {

    @Test
    void readsAnAgeInDaysOrACount() {
        assertThat(BackupRetention.parse("30d")).isEqualTo(new BackupRetention.MaxAge(Duration.ofDays(30)));
        assertThat(BackupRetention.parse("keep=50")).isEqualTo(new BackupRetention.KeepLatest(50));
        assertThat(BackupRetention.parse(" 7d ")).isEqualTo(new BackupRetention.MaxAge(Duration.ofDays(7)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "0d", "-1d", "30 d", "30days", "keep=0", "keep=", "keep=-1", "keep=5x", "forever",
            "1w", "keep=99999999999"})
    void refusesAnythingElseSayingWhatItTakes(String text) {
        assertThatThrownBy(() -> BackupRetention.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("30d").hasMessageContaining("keep=50");
    }

    @Test
    void namesRefuseSlashesDotsAndControls() {
        for (String bad : new String[] {"", "a/b", "..", "../x.json", "x..json", ".hidden", "a\\b", "a\u0000b",
                "a\nb"}) {
            assertThat(BackupName.parse(bad)).as(bad).isEmpty();
        }
        assertThat(BackupName.parse("backup-20261201-101500.json")).isPresent();
        assertThat(BackupName.ofKey("backups/backup-20261201-101500.json"))
                .contains(new BackupName("backup-20261201-101500.json"));
        assertThat(BackupName.ofKey("backups/sub/backup.json")).isEmpty();
        assertThat(BackupName.ofKey("other/backup.json")).isEmpty();
    }
}
