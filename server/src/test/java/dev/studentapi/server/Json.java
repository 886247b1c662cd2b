package dev.studentapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Parses JSON response bodies in tests. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String student(String id, String name) {
        return "{\"studentid\":\"" + id + "\",\"name\":\"" + name + "\",\"class\":\"CNTT1\","
                + "\"birthdate\":\"2003-02-28\",\"email\":\"" + id.toLowerCase() + "@example.com\"}";
    }
}
