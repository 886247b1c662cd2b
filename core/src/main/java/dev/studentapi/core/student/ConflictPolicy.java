package dev.studentapi.core.student;

/** How an import or a merge restore treats an id that is already stored. */
public enum ConflictPolicy {
    /** Refuse the whole write. */
    FAIL,
    /** Keep the stored student. */
    SKIP,
    /** Overwrite the stored student. */
    REPLACE
}
