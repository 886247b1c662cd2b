package dev.studentapi.dynamodb;

import dev.studentapi.core.student.Student;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

import static dev.studentapi.dynamodb.Attributes.s;
import static dev.studentapi.dynamodb.Attributes.string;
import static dev.studentapi.dynamodb.DynamoDbTables.STUDENT_ID;

/**
 * The item of a student in {@code studentData} and the expressions of its conditional writes: the four
 * attributes besides the key go by placeholder names, since {@code name} and {@code class} are reserved words.
 */
final class StudentItems {

    /** The condition of every write that requires the student to be stored. */
    static final String EXISTS = "attribute_exists(" + STUDENT_ID + ")";
    /** The condition of every write that requires the id to be free. */
    static final String ABSENT = "attribute_not_exists(" + STUDENT_ID + ")";
    /** Sets the four attributes besides the key to the values {@code :name}, {@code :class} … of {@link #values}. */
    static final String SET_FIELDS = "SET #name = :name, #class = :class, #birthdate = :birthdate, #email = :email";
    /** Holds when the stored attributes equal the values {@code :oldName} … of {@link #expectedValues}. */
    static final String UNCHANGED = EXISTS + " AND #name = :oldName AND #class = :oldClass"
            + " AND #birthdate = :oldBirthdate AND #email = :oldEmail";
    /** The placeholder names of the four attributes. */
    static final Map<String, String> NAMES = Map.of("#name", "name", "#class", "class", "#birthdate", "birthdate",
            "#email", "email");

    private StudentItems() {
    }

    static Map<String, AttributeValue> key(String studentId) {
        return Map.of(STUDENT_ID, s(studentId));
    }

    static Map<String, AttributeValue> item(Student student) {
        return Map.of(STUDENT_ID, s(student.studentId()), "name", s(student.name()), "class", s(student.className()),
                "birthdate", s(student.birthdate()), "email", s(student.email()));
    }

    static Student student(Map<String, AttributeValue> item) {
        return new Student(string(item, STUDENT_ID), string(item, "name"), string(item, "class"),
                string(item, "birthdate"), string(item, "email"));
    }

    /** The values {@code :name}, {@code :class}, {@code :birthdate}, {@code :email} of {@code student}. */
    static Map<String, AttributeValue> values(Student student) {
        return Map.of(":name", s(student.name()), ":class", s(student.className()),
                ":birthdate", s(student.birthdate()), ":email", s(student.email()));
    }

    /** The values {@code :oldName} … that {@link #UNCHANGED} compares the stored attributes with. */
    static Map<String, AttributeValue> expectedValues(Student expected) {
        return Map.of(":oldName", s(expected.name()), ":oldClass", s(expected.className()),
                ":oldBirthdate", s(expected.birthdate()), ":oldEmail", s(expected.email()));
    }

    /** The values of both maps. */
    static Map<String, AttributeValue> union(Map<String, AttributeValue> first, Map<String, AttributeValue> second) {
        Map<String, AttributeValue> both = new HashMap<>(first);
        both.putAll(second);
        return both;
    }
}
