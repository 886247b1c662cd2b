package dev.studentapi.core.backup;

import java.io.IOException;

/** Thrown while reading a file that is no backup this product can restore; carries the first problem found. */
public final class UnreadableSnapshotException extends IOException {

    private final transient SnapshotProblem problem;

    public UnreadableSnapshotException(SnapshotProblem problem) {
        super(problem.describe());
        this.problem = problem;
    }

    public SnapshotProblem problem() {
        return problem;
    }
}
