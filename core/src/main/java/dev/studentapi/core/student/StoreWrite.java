package dev.studentapi.core.student;

/** What a conditional write of one student found. */
public enum StoreWrite {
    /** Written. */
    DONE,
    /** Nothing written: no student with that id (only when no expected state was given). */
    ABSENT,
    /** Nothing written: the stored student is not the expected one, or is gone. */
    CHANGED
}
