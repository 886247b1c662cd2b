package dev.studentapi.core.student;

/** A bulk write with {@link ConflictPolicy#FAIL} met an id already stored; the store wrote what it documents. */
public final class DuplicateStudentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String studentId;

    public DuplicateStudentException(String studentId) {
        super("Student ID '" + studentId + "' already exists.");
        this.studentId = studentId;
    }

    public String studentId() {
        return studentId;
    }
}
