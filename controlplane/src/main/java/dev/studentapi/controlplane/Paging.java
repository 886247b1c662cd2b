package dev.studentapi.controlplane;

import io.javalin.http.Context;

import java.util.List;
import java.util.function.Function;

/**
 * API Gateway's paging: {@code limit} items (default 25, at most 500) from {@code position}, the opaque token
 * that the previous page returned (here: the offset of the next item). A negative limit is an empty page, as on
 * API Gateway.
 */
record Paging(int offset, int limit) {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 500;

    static Paging of(Context ctx) {
        String limit = ctx.queryParam("limit");
        if (limit != null && limit.strip().matches("-[0-9]+")) {
            return new Paging(0, 0);
        }
        return new Paging(parse(ctx.queryParam("position"), 0, "position", Integer.MAX_VALUE),
                parse(limit, DEFAULT_LIMIT, "limit", MAX_LIMIT));
    }

    <T, R> Representations.Page<R> page(List<T> all, Function<T, R> render) {
        if (limit == 0) {
            return new Representations.Page<>(List.of(), null);
        }
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        List<R> items = all.subList(from, to).stream().map(render).toList();
        return new Representations.Page<>(items, nextPosition(all.size(), to));
    }

    /** The position of the next page, or null when this one reaches the end of {@code size} items. */
    String nextPosition(int size, int end) {
        return end < size ? Integer.toString(end) : null;
    }

    private static int parse(String text, int fallback, String name, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 0 || value > max || ("limit".equals(name) && value == 0)) {
                throw new AwsBadRequest("Invalid " + name + " '" + text + "'.");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new AwsBadRequest("Invalid " + name + " '" + text + "'.");
        }
    }
}
