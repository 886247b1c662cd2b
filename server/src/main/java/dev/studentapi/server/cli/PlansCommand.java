package dev.studentapi.server.cli;

import dev.studentapi.core.apikey.ApiKeyException;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.QuotaPeriod;
import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.ThrottleSettings;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.server.Components;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.List;

/** Creates, lists and deletes usage plans, and binds keys to them. */
@Command(name = "plans", description = "Manage usage plans.", subcommands = {
        PlansCommand.Create.class, PlansCommand.ListPlans.class, PlansCommand.Delete.class, PlansCommand.Bind.class,
        PlansCommand.Unbind.class})
final class PlansCommand {

    @ParentCommand
    Main main;

    @Command(name = "create", description = "Create a usage plan on this server's stage.")
    static final class Create implements Runnable {
        @ParentCommand
        PlansCommand plans;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--description", defaultValue = "")
        String description;
        @Option(names = "--rate", description = "Requests per second (token refill rate).")
        Double rate;
        @Option(names = "--burst", description = "Token bucket capacity.")
        Integer burst;
        @Option(names = "--quota", description = "Requests per period.")
        Long quota;
        @Option(names = "--period", defaultValue = "DAY", description = "DAY, WEEK or MONTH.")
        QuotaPeriod period;
        @Option(names = "--offset", defaultValue = "0", description = "Days the quota window starts late.")
        int offset;
        @Option(names = "--stage", description = "API stages as apiId:stage (default: this server's stage).")
        List<String> stages;

        @Override
        public void run() {
            if ((rate == null) != (burst == null)) {
                throw ApiKeyException.badRequest("--rate and --burst go together.");
            }
            try (Components c = Stores.open(plans.main)) {
                ThrottleSettings throttle;
                QuotaSettings quotaSettings;
                try {
                    throttle = rate == null ? null : new ThrottleSettings(rate, burst);
                    quotaSettings = quota == null ? null : new QuotaSettings(quota, period, offset);
                } catch (IllegalArgumentException e) {
                    throw ApiKeyException.badRequest(e.getMessage());
                }
                List<ApiStage> apiStages = stages == null
                        ? List.of(new ApiStage(Components.API_ID, c.settings.stage()))
                        : stages.stream().map(ApiStage::parse).toList();
                UsagePlan plan = c.plans.create(name, description, throttle, quotaSettings, apiStages);
                PrintWriter out = plans.main.spec.commandLine().getOut();
                out.println("id: " + plan.id());
                out.println(describe(plan));
            }
        }
    }

    @Command(name = "list", description = "List usage plans with their limits and keys.")
    static final class ListPlans implements Runnable {
        @ParentCommand
        PlansCommand plans;

        @Override
        public void run() {
            try (Components c = Stores.open(plans.main)) {
                PrintWriter out = plans.main.spec.commandLine().getOut();
                for (UsagePlan plan : c.plans.list()) {
                    out.println(plan.id() + "  " + describe(plan) + "  keys=" + c.plans.keyIds(plan.id()));
                }
            }
        }
    }

    @Command(name = "delete", description = "Delete a usage plan.")
    static final class Delete implements Runnable {
        @ParentCommand
        PlansCommand plans;
        @Parameters(paramLabel = "PLAN_ID")
        String id;

        @Override
        public void run() {
            try (Components c = Stores.open(plans.main)) {
                c.plans.delete(id);
                plans.main.spec.commandLine().getOut().println("deleted " + id);
            }
        }
    }

    @Command(name = "bind", description = "Bind an API key to a usage plan.")
    static final class Bind implements Runnable {
        @ParentCommand
        PlansCommand plans;
        @Parameters(index = "0", paramLabel = "PLAN_ID")
        String planId;
        @Parameters(index = "1", paramLabel = "KEY_ID")
        String keyId;

        @Override
        public void run() {
            plans.binding(planId, keyId, true);
        }
    }

    @Command(name = "unbind", description = "Remove an API key from a usage plan.")
    static final class Unbind implements Runnable {
        @ParentCommand
        PlansCommand plans;
        @Parameters(index = "0", paramLabel = "PLAN_ID")
        String planId;
        @Parameters(index = "1", paramLabel = "KEY_ID")
        String keyId;

        @Override
        public void run() {
            plans.binding(planId, keyId, false);
        }
    }

    private void binding(String planId, String keyId, boolean bound) {
        try (Components c = Stores.open(main)) {
            if (bound) {
                c.plans.bind(planId, keyId);
            } else {
                c.plans.unbind(planId, keyId);
            }
            main.spec.commandLine().getOut().println((bound ? "bound " + keyId + " to " : "unbound " + keyId
                    + " from ") + planId);
        }
    }

    static String describe(UsagePlan plan) {
        String throttle = plan.throttleSettings()
                .map(t -> "rate=" + t.rateLimit() + "/s burst=" + t.burstLimit()).orElse("no throttle");
        String quota = plan.quotaSettings()
                .map(q -> "quota=" + q.limit() + "/" + q.period() + (q.offset() == 0 ? "" : "+" + q.offset()))
                .orElse("no quota");
        return plan.name() + "  " + throttle + "  " + quota + "  stages=" + plan.apiStages();
    }
}
