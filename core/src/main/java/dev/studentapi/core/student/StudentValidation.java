package dev.studentapi.core.student;

import java.util.Map;

/** The outcome of checking a submitted student: a valid {@link Student} or the problems by field. */
public sealed interface StudentValidation {

    record Valid(Student student) implements StudentValidation {}

    /** Problems keyed by field name, in the order the fields are documented. */
    record Invalid(Map<String, FieldProblem> problems) implements StudentValidation {
        public Invalid {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid student has at least one problem");
            }
            problems = Map.copyOf(problems);
        }

        public boolean anyMissing() {
            return problems.containsValue(FieldProblem.REQUIRED);
        }
    }
}
