package dev.studentapi.functions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.studentapi.core.student.Student;

import java.io.IOException;

/** Writes a student as the JSON object clients see: studentid, name, class, birthdate, email. */
final class StudentJson {
    private StudentJson() {
    }

    static void write(JsonGenerator json, Student student) throws IOException {
        json.writeStartObject();
        json.writeStringField("studentid", student.studentId());
        json.writeStringField("name", student.name());
        json.writeStringField("class", student.className());
        json.writeStringField("birthdate", student.birthdate());
        json.writeStringField("email", student.email());
        json.writeEndObject();
    }
}
