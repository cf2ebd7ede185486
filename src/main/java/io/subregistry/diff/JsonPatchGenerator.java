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
     * Linear-logarithmic in the array's length, however many entries move:
     * <ol>
     *   <li>remove what the target lacks, from the end so that indices stay valid;</li>
     *   <li>keep in place the longest run of survivors already in target order, and move every
     *       other survivor to the end of the array;</li>
     *   <li>walk the target: a kept element is already at its index, a moved one is taken from
     *       the end and put in place, a new one is added;</li>
     *   <li>patch the fields of every survivor, now at its final index.</li>
     * </ol>
     * A renamed sub-processor that sorts elsewhere thus costs two moves, not one move of every
     * entry between its old and new place.
     */
    private static void diffIdentifiedArray(String path, JsonNode from, JsonNode to, ArrayNode operations) {
        List<String> fromIds = identities(from);
        List<String> toIds = identities(to);
        Map<String, JsonNode> oldElements = new HashMap<>();
        for (int i = 0; i < fromIds.size(); i++) {
            oldElements.put(fromIds.get(i), from.get(i));
        }
        Map<String, Integer> targetIndex = new HashMap<>();
        for (int i = 0; i < toIds.size(); i++) {
            targetIndex.put(toIds.get(i), i);
        }

        List<String> survivors = new ArrayList<>();
        for (int i = fromIds.size() - 1; i >= 0; i--) {
            if (!targetIndex.containsKey(fromIds.get(i))) {
                operations.add(operation("remove", path + "/" + i));
            }
        }
        for (String id : fromIds) {
            if (targetIndex.containsKey(id)) {
                survivors.add(id);
            }
        }

        Set<String> kept = longestRunInTargetOrder(survivors, targetIndex);
        List<String> tail = new ArrayList<>();
        for (int i = survivors.size() - 1; i >= 0; i--) {
            if (!kept.contains(survivors.get(i))) {
                operations.add(operation("move", path + "/-").put("from", path + "/" + i));
                tail.add(survivors.get(i));
            }
        }

        Map<String, Integer> tailRank = new HashMap<>();
        for (int i = 0; i < tail.size(); i++) {
            tailRank.put(tail.get(i), i);
        }
        FenwickTree stillInTail = new FenwickTree(tail.size());
        for (int i = 0; i < tail.size(); i++) {
            stillInTail.add(i, 1);
        }
        int keptLeft = kept.size();
        for (int i = 0; i < toIds.size(); i++) {
            String id = toIds.get(i);
            if (kept.contains(id)) {
                keptLeft--;
            } else if (tailRank.containsKey(id)) {
                int rank = tailRank.get(id);
                int at = i + keptLeft + stillInTail.sumBefore(rank);
                stillInTail.add(rank, -1);
                if (at != i) {
                    operations.add(operation("move", path + "/" + i).put("from", path + "/" + at));
                }
            } else {
                operations.add(operation("add", path + "/" + i).set("value", to.get(i)));
            }
        }
        for (int i = 0; i < toIds.size(); i++) {
            JsonNode old = oldElements.get(toIds.get(i));
            if (old != null) {
                diffNode(path + "/" + i, old, to.get(i), operations);
            }
        }
    }

    /** The largest set of ids whose order in {@code ids} is already their order in the target (patience sorting). */
    private static Set<String> longestRunInTargetOrder(List<String> ids, Map<String, Integer> targetIndex) {
        int n = ids.size();
        int[] tails = new int[n];
        int[] tailAt = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int value = targetIndex.get(ids.get(i));
            int low = 0;
            int high = length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (tails[middle] < value) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            tails[low] = value;
            tailAt[low] = i;
            previous[i] = low > 0 ? tailAt[low - 1] : -1;
            if (low == length) {
                length++;
            }
        }
        Set<String> run = new HashSet<>();
        for (int i = length > 0 ? tailAt[length - 1] : -1; i >= 0; i = previous[i]) {
            run.add(ids.get(i));
        }
        return run;
    }

    /** Counts of elements still waiting at the end of the array, by their order there. */
    private static final class FenwickTree {
        private final int[] tree;

        FenwickTree(int size) {
            tree = new int[size + 1];
        }

        void add(int index, int delta) {
            for (int i = index + 1; i < tree.length; i += i & -i) {
                tree[i] += delta;
            }
        }

        /** The sum over indices before {@code index}. */
        int sumBefore(int index) {
            int sum = 0;
            for (int i = index; i > 0; i -= i & -i) {
                sum += tree[i];
            }
            return sum;
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
