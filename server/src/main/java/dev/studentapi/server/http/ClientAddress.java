package dev.studentapi.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The address a request comes from: the socket's, unless the socket is a trusted proxy's, then the nearest hop of
 * {@code X-Forwarded-For} that is no trusted proxy (a client cannot forge the hops a trusted proxy appended).
 */
final class ClientAddress {

    private final Set<String> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        Set<String> normalised = new HashSet<>();
        for (String proxy : trustedProxies) {
            normalised.add(normalise(proxy));
        }
        this.trustedProxies = Set.copyOf(normalised);
    }

    String of(Exchange exchange) {
        String socket = exchange.remoteAddress();
        if (trustedProxies.isEmpty() || !trustedProxies.contains(normalise(socket))) {
            return socket;
        }
        String forwarded = exchange.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return socket;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(normalise(hop))) {
                return hop;
            }
        }
        return socket;
    }

    /** One spelling per address ({@code ::1} and {@code 0:0:0:0:0:0:0:1} are one); never a name lookup. */
    private static String normalise(String address) {
        String literal = address.strip();
        boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = literal.indexOf(':') >= 0 && literal.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return literal;
        }
        try {
            return InetAddress.getByName(literal).getHostAddress();
        } catch (UnknownHostException e) {
            return literal;
        }
    }
}
