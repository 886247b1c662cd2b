package dev.studentapi.server.http;

import org.eclipse.jetty.http.HttpMethod;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes in the order they were added, matched against a request's method and raw path: the first route of
 * that method whose template fits answers. A trailing slash is the same path; path parameters are percent-decoded.
 */
final class RouteTable {

    /** A route that fits a request, with the values of its path parameters. */
    record Match(Route route, Map<String, String> params) {
        String param(String name) {
            return params.get(name);
        }
    }

    /** A compiled template: literal segments, {@code {name}} for one segment, a last {@code <name>} for the rest. */
    private record Template(Route route, String[] segments, boolean rest) {
        static Template of(Route route) {
            String[] segments = split(route.path());
            boolean rest = segments.length > 0 && segments[segments.length - 1].startsWith("<");
            return new Template(route, segments, rest);
        }

        Match match(String[] path) {
            if (rest ? path.length < segments.length : path.length != segments.length) {
                return null;
            }
            Map<String, String> params = null;
            for (int i = 0; i < segments.length; i++) {
                String segment = segments[i];
                char first = segment.isEmpty() ? 0 : segment.charAt(0);
                if (first == '{' || first == '<') {
                    String value = first == '<' ? String.join("/", List.of(path).subList(i, path.length)) : path[i];
                    if (value.isEmpty()) {
                        return null;
                    }
                    if (params == null) {
                        params = new HashMap<>(4);
                    }
                    params.put(segment.substring(1, segment.length() - 1), decode(value));
                } else if (!segment.equals(path[i])) {
                    return null;
                }
            }
            return new Match(route, params == null ? Map.of() : params);
        }
    }

    private final Map<HttpMethod, List<Template>> byMethod = new HashMap<>();

    RouteTable(List<Route> routes) {
        for (Route route : routes) {
            byMethod.computeIfAbsent(route.method(), method -> new ArrayList<>()).add(Template.of(route));
        }
    }

    /** The first route of {@code method} that fits {@code rawPath}, or null. */
    Match match(HttpMethod method, String rawPath) {
        List<Template> templates = method == null ? null : byMethod.get(method);
        if (templates == null || rawPath == null) {
            return null;
        }
        String[] path = split(rawPath);
        for (Template template : templates) {
            Match match = template.match(path);
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    /** Percent-decoded, {@code +} kept, bytes that are no UTF-8 as U+FFFD (malformed escapes never get here). */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The segments of a path without its leading and one trailing slash: {@code "/a/b/"} is {@code [a, b]}. */
    private static String[] split(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.length() > start && path.endsWith("/") ? path.length() - 1 : path.length();
        if (end <= start) {
            return new String[0];
        }
        return path.substring(start, end).split("/", -1);
    }
}
