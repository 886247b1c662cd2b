package dev.studentapi.functions;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a listing of students asks for: the path it was sent to (the next page's link repeats it), its query
 * parameters (the first value of each) and its {@code Accept} header.
 */
public record ListRequest(String path, Map<String, String> query, Optional<String> accept) {

    public ListRequest {
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        Objects.requireNonNull(accept, "accept");
    }
}
