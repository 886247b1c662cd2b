package dev.studentapi.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.core.audit.AuditEntry;
import dev.studentapi.core.audit.AuditQuery;
import dev.studentapi.core.audit.AuditSummary;
import dev.studentapi.server.Components;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.util.Optional;

/** Prints the audit log, newest first, one line per change: time, who, operation, target, before, after. */
@Command(name = "audit", description = "Show who changed keys, plans and usage, newest first.")
final class AuditCommand implements Runnable {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    Main main;
    @Option(names = "--target", paramLabel = "ID", description = "Only changes of this key, plan or plan:key.")
    String target;
    @Option(names = "--who", paramLabel = "WHO", description = "Only changes by this access key id, or cli.")
    String who;
    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N entries (1-500).")
    int limit;

    @Override
    public void run() {
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw new CommandLine.ParameterException(main.spec.commandLine(),
                    "error: --limit must be between 1 and " + AuditQuery.MAX_LIMIT);
        }
        try (Components c = Stores.open(main)) {
            PrintWriter out = main.spec.commandLine().getOut();
            AuditQuery query = new AuditQuery(Optional.ofNullable(target), Optional.ofNullable(who), limit,
                    Optional.empty());
            for (AuditEntry entry : c.audit.list(query).entries()) {
                out.println(entry.time() + "  " + entry.who() + "  " + entry.operation() + "  " + entry.target()
                        + "  before=" + json(entry.before()) + "  after=" + json(entry.after()));
            }
        }
    }

    private static String json(AuditSummary summary) {
        if (summary == null) {
            return "-";
        }
        try {
            return JSON.writeValueAsString(summary.fields());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render an audit summary", e);
        }
    }
}
