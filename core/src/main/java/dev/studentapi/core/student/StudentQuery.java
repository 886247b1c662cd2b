package dev.studentapi.core.student;

import java.util.Objects;
import java.util.Optional;

/**
 * Which students a listing wants: an exact class, a case- and accent-insensitive substring of id, name or
 * e-mail, only ids after {@code afterId} (in {@code studentId} order), and at most {@code limit} of them.
 */
public record StudentQuery(Optional<String> className, Optional<String> text, Optional<String> afterId, int limit) {

    public StudentQuery {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(afterId, "afterId");
        if (limit < 1) {
            throw new IllegalArgumentException("a query wants at least one student");
        }
    }

    /** Every student: no filter, no limit. */
    public static StudentQuery all() {
        return new StudentQuery(Optional.empty(), Optional.empty(), Optional.empty(), Integer.MAX_VALUE);
    }

    /** This query with the same filters and no limit. */
    public StudentQuery unlimited() {
        return new StudentQuery(className, text, afterId, Integer.MAX_VALUE);
    }

    /** This query continuing after {@code id}. */
    public StudentQuery after(String id) {
        return new StudentQuery(className, text, Optional.of(id), limit);
    }

    /** This query with at most {@code max} students. */
    public StudentQuery withLimit(int max) {
        return new StudentQuery(className, text, afterId, max);
    }

    /** Whether the query filters on anything but the class (then a store filters in Java with {@link #matches}). */
    public boolean hasText() {
        return text.isPresent();
    }

    /**
     * The one filter rule, on class and text (not on {@code afterId} or {@code limit}): the class equals exactly,
     * and the folded text is contained in the folded id, name or e-mail.
     */
    public boolean matches(Student s) {
        if (className.isPresent() && !className.get().equals(s.className())) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        String wanted = SearchText.fold(text.get());
        return SearchText.fold(s.studentId()).contains(wanted) || SearchText.fold(s.name()).contains(wanted)
                || SearchText.fold(s.email()).contains(wanted);
    }
}
