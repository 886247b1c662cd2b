package dev.studentapi.core.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which backups are deleted after each new one: none, those older than an age, or all but the newest few. */
public sealed interface BackupRetention {

    /** What {@link #parse} accepts, for messages. */
    String FORMAT = "an age in days such as 30d, or keep=N such as keep=50 (N at least 1)";

    /** Keeps every backup. */
    record KeepAll() implements BackupRetention {
        @Override
        public List<Backup> expired(List<Backup> backups, Instant now) {
            return List.of();
        }
    }

    /** Deletes backups written longer than {@code age} ago. */
    record MaxAge(Duration age) implements BackupRetention {
        public MaxAge {
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("a retention age is positive: " + age);
            }
        }

        @Override
        public List<Backup> expired(List<Backup> backups, Instant now) {
            Instant oldest = now.minus(age);
            return backups.stream().filter(backup -> backup.time().isBefore(oldest)).toList();
        }
    }

    /** Keeps the {@code count} newest backups. */
    record KeepLatest(int count) implements BackupRetention {
        public KeepLatest {
            if (count < 1) {
                throw new IllegalArgumentException("retention keeps at least one backup: " + count);
            }
        }

        @Override
        public List<Backup> expired(List<Backup> backups, Instant now) {
            return backups.stream().sorted(Backup.NEWEST_FIRST).skip(count).toList();
        }
    }

    /** The backups of {@code backups} this rule deletes at {@code now}. */
    List<Backup> expired(List<Backup> backups, Instant now);

    /** {@code 30d} (an age in days) or {@code keep=50}; IllegalArgumentException naming {@link #FORMAT} otherwise. */
    static BackupRetention parse(String text) {
        String value = text == null ? "" : text.strip();
        Matcher age = Pattern.compile("([1-9][0-9]{0,5})d").matcher(value);
        if (age.matches()) {
            return new MaxAge(Duration.ofDays(Long.parseLong(age.group(1))));
        }
        Matcher keep = Pattern.compile("keep=([1-9][0-9]{0,8})").matcher(value);
        if (keep.matches()) {
            return new KeepLatest(Integer.parseInt(keep.group(1)));
        }
        throw new IllegalArgumentException("'" + text + "' is not " + FORMAT);
    }
}
