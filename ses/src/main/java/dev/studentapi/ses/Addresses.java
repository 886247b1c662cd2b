package dev.studentapi.ses;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Prepares e-mail addresses for SES, which takes them as ASCII header values: splits a comma-separated list
 * and writes a non-ASCII display name ("Phòng Đào tạo &lt;daotao@truong.test&gt;") as a MIME encoded-word.
 */
final class Addresses {
    private Addresses() {
    }

    /** The addresses in {@code list}, split at commas outside quotes and angle brackets, trimmed. */
    static List<String> split(String list) {
        List<String> addresses = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean bracketed = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"' && (i == 0 || list.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                bracketed = true;
            } else if (!quoted && c == '>') {
                bracketed = false;
            } else if (!quoted && !bracketed && c == ',') {
                add(addresses, current);
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        add(addresses, current);
        return addresses;
    }

    private static void add(List<String> addresses, CharSequence address) {
        String trimmed = address.toString().strip();
        if (!trimmed.isEmpty()) {
            addresses.add(trimmed);
        }
    }

    /** {@code address} with its display name as a UTF-8 encoded-word when the name is not plain ASCII. */
    static String encoded(String address) {
        int open = address.lastIndexOf('<');
        if (open <= 0 || !address.endsWith(">")) {
            return address;
        }
        String name = address.substring(0, open).strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if (name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return address;
        }
        String word = Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
        return "=?UTF-8?B?" + word + "?= " + address.substring(open);
    }
}
