package dev.studentapi.server.cli;

import dev.studentapi.core.audit.AuditOperation;
import dev.studentapi.core.audit.AuditTrail;
import dev.studentapi.core.usage.ApiStage;
import dev.studentapi.core.usage.QuotaInput;
import dev.studentapi.core.usage.ThrottleInput;
import dev.studentapi.core.usage.UsagePlan;
import dev.studentapi.core.usage.UsagePlanDraft;
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
        @Option(names = "--period", description = "DAY (the default with --quota), WEEK or MONTH.")
        String period;
        @Option(names = "--offset", description = "Days the quota window starts late (default 0).")
        Integer offset;
        @Option(names = "--stage", description = "The API stage as apiId:stage; only this server's stage (the default).")
        List<String> stages;

        @Override
        public void run() {
            try (Components c = Stores.open(plans.main)) {
                List<ApiStage> apiStages = stages == null
                        ? List.of(c.plans.servedStage().stage())
                        : stages.stream().map(ApiStage::parse).toList();
                String quotaPeriod = quota != null && period == null ? "DAY" : period;
                UsagePlan plan = c.audit.creation(AuditTrail.CLI, AuditOperation.CREATE_USAGE_PLAN,
                        () -> c.plans.create(new UsagePlanDraft(name, description, new ThrottleInput(rate, burst),
                                new QuotaInput(quota, quotaPeriod, offset), apiStages)), UsagePlan::id);
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
                c.audit.change(AuditTrail.CLI, AuditOperation.DELETE_USAGE_PLAN, id, () -> {
                    c.plans.delete(id);
                    return id;
                });
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
            c.audit.change(AuditTrail.CLI, bound ? AuditOperation.CREATE_USAGE_PLAN_KEY
                    : AuditOperation.DELETE_USAGE_PLAN_KEY, AuditTrail.planKey(planId, keyId), () -> {
                        if (bound) {
                            c.plans.bind(planId, keyId);
                        } else {
                            c.plans.unbind(planId, keyId);
                        }
                        return keyId;
                    });
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
