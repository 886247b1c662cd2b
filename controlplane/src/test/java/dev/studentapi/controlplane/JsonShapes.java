package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Compares two JSON documents by shape: the same field names and the same JSON value types (any number is a
 * number), never the values. A null or absent reference field is "not sent"; arrays compare their first
 * elements; objects at {@code mapPaths} are maps whose keys are data (ids), so only their values are compared.
 */
final class JsonShapes {
    private final Set<String> mapPaths;
    private final Set<String> exempt;

    /** {@code exempt} lists paths (like {@code $.value}) where a difference is known and explained by the caller. */
    JsonShapes(Set<String> mapPaths, Set<String> exempt) {
        this.mapPaths = mapPaths;
        this.exempt = exempt;
    }

    List<String> differences(JsonNode ours, JsonNode reference) {
        List<String> out = new ArrayList<>();
        compare("$", ours, reference, out);
        return out;
    }

    private void compare(String path, JsonNode ours, JsonNode reference, List<String> out) {
        if (exempt.contains(path)) {
            return;
        }
        boolean oursAbsent = ours == null || ours.isNull() || ours.isMissingNode();
        boolean referenceAbsent = reference == null || reference.isNull() || reference.isMissingNode();
        if (referenceAbsent || oursAbsent) {
            if (oursAbsent && !referenceAbsent) {
                out.add(path + ": missing, reference has " + reference.getNodeType());
            }
            return;
        }
        if (ours.getNodeType() != reference.getNodeType()) {
            out.add(path + ": " + ours.getNodeType() + " but reference has " + reference.getNodeType());
            return;
        }
        if (ours.isArray() && !ours.isEmpty() && !reference.isEmpty()) {
            compare(path + "[]", ours.get(0), reference.get(0), out);
        } else if (ours.isObject() && mapPaths.contains(path)) {
            if (!ours.isEmpty() && !reference.isEmpty()) {
                compare(path + ".*", ours.elements().next(), reference.elements().next(), out);
            }
        } else if (ours.isObject()) {
            for (Iterator<String> names = reference.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                compare(path + "." + name, ours.get(name), reference.get(name), out);
            }
            for (Iterator<String> names = ours.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!reference.has(name) && !exempt.contains(path + "." + name)) {
                    out.add(path + "." + name + ": not in the reference");
                }
            }
        }
    }
}
