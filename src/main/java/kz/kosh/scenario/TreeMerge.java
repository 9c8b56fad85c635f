package kz.kosh.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The scenario tree and its merging: the built-in defaults as a tree, the deep merge of a file
 * over them (mappings merge, everything else replaces) recording which file set each field, and
 * the path helpers the timeline needs. Part of {@link ScenarioLoader}.
 */
final class TreeMerge {
    private TreeMerge() {
    }

    static final String DEFAULTS = "defaults (built in)";

    /** The built-in defaults as a tree. */
    static ObjectNode defaults(Map<String, String> origin) {
        try (InputStream in = TreeMerge.class.getResourceAsStream("defaults.yaml")) {
            ObjectNode tree = (ObjectNode) StrictYaml.MAPPER.readTree(in);
            tree.set("regions", DefaultTables.regionsTree());
            tree.set("destinations", DefaultTables.destinationsTree());
            // the defaults of a programme added to the registry that defaults.yaml does not hold
            ObjectNode policy = (ObjectNode) tree.get("policy");
            for (SectionReader r : SectionReaders.all()) {
                if (r.defaults() != null && !policy.has(r.section())) {
                    policy.set(r.section(), StrictYaml.MAPPER.valueToTree(r.defaults()));
                }
            }
            markOrigin(tree, "", DEFAULTS, origin);
            origin.remove("");
            Map<String, String> fixed = new HashMap<>();
            origin.forEach((k, v) -> fixed.put(k.startsWith(".") ? k.substring(1) : k, v));
            origin.clear();
            origin.putAll(fixed);
            return tree;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in defaults", e);
        }
    }

    /** Deep merge of {@code over} into {@code base}: mappings merge, everything else replaces. */
    static void merge(ObjectNode base, ObjectNode over, String path, String file, Map<String, String> origin) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) {
                if (file != null) {
                    origin.put(p, file);
                }
                merge(eo, vo, p, file, origin);
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
                if (file != null) {
                    markOrigin(e.getValue(), p, file, origin);
                }
            }
        }
    }

    private static void markOrigin(JsonNode n, String path, String file, Map<String, String> origin) {
        origin.put(path, file);
        if (n instanceof ObjectNode o) {
            o.fields().forEachRemaining(e -> markOrigin(e.getValue(), path + "." + e.getKey(), file, origin));
        } else if (n instanceof ArrayNode) {
            origin.put(path, file);
        }
    }

    /** Dotted paths of the leaves (values that are not mappings) under a mapping. */
    static void collectLeafPaths(JsonNode n, String prefix, Set<String> out) {
        n.fields().forEachRemaining(e -> {
            String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() instanceof ObjectNode o && o.size() > 0) {
                collectLeafPaths(o, p, out);
            } else {
                out.add(p);
            }
        });
    }

    /** Removes the field at a dotted path, when present. */
    static void removePath(ObjectNode n, String path) {
        String[] parts = path.split("\\.");
        ObjectNode cur = n;
        for (int k = 0; k < parts.length - 1; k++) {
            if (!(cur.get(parts[k]) instanceof ObjectNode next)) {
                return;
            }
            cur = next;
        }
        cur.remove(parts[parts.length - 1]);
    }

    /** The fields of {@code b} that differ from {@code a}, as a nested mapping (lists whole; a field b lacks as null). */
    static ObjectNode changedFields(JsonNode a, JsonNode b) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode av = a.get(e.getKey());
            if (e.getValue().equals(av)) {
                continue;
            }
            if (e.getValue().isObject() && av != null && av.isObject()) {
                out.set(e.getKey(), changedFields(av, e.getValue()));
            } else {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!b.has(k)) {
                out.putNull(k);
            }
        }
        return out;
    }
}
