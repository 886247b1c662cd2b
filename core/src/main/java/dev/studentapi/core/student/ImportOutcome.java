package dev.studentapi.core.student;

import java.util.List;

/** What an import did: stored (or, in a dry run, would store) the counts, or refused the file. */
public sealed interface ImportOutcome {

    /** Every row was valid; the counts are what was stored, or in a dry run what would be. */
    record Imported(BulkCounts counts, boolean dryRun) implements ImportOutcome {}

    /** Some rows failed; nothing was stored. The first errors by row (at most 100) and how many there were. */
    record Refused(List<RowError> firstErrors, long totalErrors) implements ImportOutcome {
        public Refused {
            firstErrors = List.copyOf(firstErrors);
        }
    }
}
