package dev.studentapi.server;

import dev.studentapi.core.backup.BackupRetention;
import dev.studentapi.server.config.Settings;
import dev.studentapi.server.config.SettingsException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupRetentionSettingTest {

    private static BackupRetention retention(String value) {
        return Settings.fromEnvironment(Map.of("BACKUP_RETENTION", value)).backupRetention();
    }

    @Test
    void keepsEveryBackupUnlessSet() {
        assertThat(Settings.fromEnvironment(Map.of()).backupRetention()).isEqualTo(new BackupRetention.KeepAll());
    }

    @Test
    void takesAnAgeInDaysOrACount() {
        assertThat(retention("30d")).isEqualTo(new BackupRetention.MaxAge(Duration.ofDays(30)));
        assertThat(retention("keep=50")).isEqualTo(new BackupRetention.KeepLatest(50));
    }

    @Test
    void aMalformedValueStopsStartUpNamingTheVariable() {
        assertThatThrownBy(() -> retention("30 days")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("BACKUP_RETENTION").hasMessageContaining("keep=50");
        assertThatThrownBy(() -> retention("keep=0")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("BACKUP_RETENTION");
    }
}
