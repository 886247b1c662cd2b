package dev.studentapi.server.cli;

import dev.studentapi.core.usage.DailyUsage;
import dev.studentapi.core.usage.UsageDays;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.server.Components;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Shows a key's requests per UTC day on each of its plans, with the quota left. */
@Command(name = "usage", description = "Show an API key's usage per day.")
final class UsageCommand implements Runnable {

    @ParentCommand
    Main main;
    @Option(names = "--key", required = true, paramLabel = "KEY_ID")
    String keyId;
    @Option(names = "--plan", paramLabel = "PLAN_ID", description = "Default: every plan of the key.")
    String planId;
    @Option(names = "--from", description = "First day (yyyy-MM-dd), default 6 days ago.")
    LocalDate from;
    @Option(names = "--to", description = "Last day (yyyy-MM-dd), default today.")
    LocalDate to;

    @Override
    public void run() {
        LocalDate last = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
        UsageDays days = new UsageDays(from == null ? last.minusDays(6) : from, last);
        try (Components c = Stores.open(main)) {
            c.keys.get(keyId);
            List<UsagePlan> plans = planId == null ? c.plans.plansOfKey(keyId) : List.of(c.plans.get(planId));
            PrintWriter out = main.spec.commandLine().getOut();
            for (UsagePlan plan : plans) {
                out.println("plan " + plan.id() + " (" + plan.name() + ")");
                out.printf("  %-10s  %8s  %9s%n", "DAY", "USED", "REMAINING");
                for (DailyUsage day : c.usage.daily(plan.id(), keyId, days)) {
                    out.printf("  %-10s  %8d  %9s%n", day.day(), day.used(),
                            day.remaining() < 0 ? "-" : Long.toString(day.remaining()));
                }
            }
        }
    }
}
