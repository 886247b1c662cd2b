package dev.studentapi.sqlite;

import dev.studentapi.core.usage.QuotaCharge;
import dev.studentapi.core.usage.QuotaWindow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Run in a child JVM by {@link SqliteOtherProcessTest}: opens the database file, prints {@code ready}, waits
 * for a line on standard input, charges until refused (at most {@code attempts} times), closes the database and
 * prints how many were charged.
 */
final class ChargeFromAnotherProcess {
    private ChargeFromAnotherProcess() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int attempts = Integer.parseInt(args[1]);
        long limit = Long.parseLong(args[2]);
        LocalDate day = LocalDate.parse(args[3]);
        SqliteDatabase database = SqliteDatabase.open(file);
        int charged = 0;
        try {
            SqliteUsageCounter counter = new SqliteUsageCounter(database);
            System.out.println("ready");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            QuotaWindow window = new QuotaWindow(day, day.plusDays(1));
            while (charged < attempts
                    && counter.tryCharge("p1", "k1", window, day, limit) instanceof QuotaCharge.Charged) {
                charged++;
            }
        } finally {
            database.close();
        }
        System.out.println(charged);
    }
}
