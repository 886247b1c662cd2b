package dev.studentapi.core.student;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a listing: its students in id order, and the id to continue after while more remain. */
public record StudentPage(List<Student> students, Optional<String> nextAfter) {
    public StudentPage {
        students = List.copyOf(students);
        Objects.requireNonNull(nextAfter, "nextAfter");
    }
}
