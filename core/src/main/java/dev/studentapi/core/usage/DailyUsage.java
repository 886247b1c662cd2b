package dev.studentapi.core.usage;

import java.time.LocalDate;

/** One key's requests on one UTC day, and the quota that was left after that day (-1 without a quota). */
public record DailyUsage(LocalDate day, long used, long remaining) {}
