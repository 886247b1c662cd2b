package dev.studentapi.sqlite;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Tags in one text column: {@code key=value} pairs, each side form-encoded, joined by {@code &}; empty for none. */
final class TagText {
    private TagText() {
    }

    static String write(Map<String, String> tags) {
        StringBuilder text = new StringBuilder();
        tags.forEach((key, value) -> {
            if (!text.isEmpty()) {
                text.append('&');
            }
            text.append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return text.toString();
    }

    static Map<String, String> read(String text) {
        Map<String, String> tags = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return tags;
        }
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            tags.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return tags;
    }
}
