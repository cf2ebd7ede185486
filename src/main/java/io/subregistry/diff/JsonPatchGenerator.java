package io.subregistry.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an RFC 6902 JSON Patch that turns one JSON document into another.
 *
 * <p>Arrays whose elements are objects carrying an {@code id} (sub-processors) or a {@code key}
 * (sections) are matched by that identity, so a changed field becomes one {@code replace} on
 * that field instead of a rewrite of the whole list; other arrays are replaced whole. Paths in
 * each operation refer to the document as the operations before it left it.
 */
public final class JsonPatchGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonPatchGenerator() {
    }

    public static ArrayNode diff(JsonNode from, JsonNode to) {
        ArrayNode operations = NODES.arrayNode();
        diffNode("", from, to, operations);
        return operations;
    }

    private static void diffNode(String path, JsonNode from, JsonNode to, ArrayNode operations) {
        if (from.equals(to)) {
            return;
        }
        if (from.isObject() && to.isObject()) {
            diffObject(path, from, to, operations);
        } else if (from.isArray() && to.isArray() && identities(from) != null && identities(to) != null) {
            diffIdentifiedArray(path, from, to, operations);
        } else {
            operations.add(operation("replace", path).set("value", to));
        }
    }

    private static void diffObject(String path, JsonNode from, JsonNode to, ArrayNode operations) {
        for (Iterator<String> names = from.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!to.has(name)) {
                operations.add(operation("remove", path + "/" + escape(name)));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = to.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path + "/" + escape(field.getKey());
            JsonNode old = from.get(field.getKey());
            if (old == null) {
                operations.add(operation("add", fieldPath).set("value", field.getValue()));
            } else {
                diffNode(fieldPath, old, field.getValue(), operations);
            }
        }
    }

    /**
     * Three passes: remove what the target lacks (from the end, so indices stay valid), bring
     * every target element to its index by {@code move} or {@code add}, then patch the
     * elements both sides share, now at their final indices.
     */
    private static void diffIdentifiedArray(String path, JsonNode from, JsonNode to, ArrayNode operations) {
        List<String> fromIds = identities(from);
        List<String> toIds = identities(to);
        Map<String, JsonNode> oldElements = new HashMap<>();
        for (int i = 0; i < fromIds.size(); i++) {
            oldElements.put(fromIds.get(i), from.get(i));
        }
        Set<String> wanted = new HashSet<>(toIds);

        List<String> working = new ArrayList<>(fromIds);
        for (int i = working.size() - 1; i >= 0; i--) {
            if (!wanted.contains(working.get(i))) {
                operations.add(operation("remove", path + "/" + i));
                working.remove(i);
            }
        }
        for (int i = 0; i < toIds.size(); i++) {
            String id = toIds.get(i);
            if (i < working.size() && working.get(i).equals(id)) {
                continue;
            }
            int at = oldElements.containsKey(id) ? working.indexOf(id) : -1;
            if (at < 0) {
                operations.add(operation("add", path + "/" + i).set("value", to.get(i)));
            } else {
                operations.add(operation("move", path + "/" + i).put("from", path + "/" + at));
                working.remove(at);
            }
            working.add(i, id);
        }
        for (int i = 0; i < toIds.size(); i++) {
            JsonNode old = oldElements.get(toIds.get(i));
            if (old != null) {
                diffNode(path + "/" + i, old, to.get(i), operations);
            }
        }
    }

    /** The identities of an array's elements, or null when they have none or repeat. */
    private static List<String> identities(JsonNode array) {
        List<String> ids = new ArrayList<>(array.size());
        Set<String> seen = new HashSet<>();
        for (JsonNode element : array) {
            String id = identity(element);
            if (id == null || !seen.add(id)) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    private static String identity(JsonNode element) {
        if (!element.isObject()) {
            return null;
        }
        if (element.path("id").isTextual()) {
            return "id:" + element.get("id").asText();
        }
        if (element.path("key").isTextual()) {
            return "key:" + element.get("key").asText();
        }
        return null;
    }

    private static ObjectNode operation(String op, String path) {
        ObjectNode operation = NODES.objectNode();
        operation.put("op", op);
        operation.put("path", path);
        return operation;
    }

    /** RFC 6901: '~' and '/' inside a name. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
