package kz.kosh.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one YAML mapping into typed values, checking type and range, and
 * collecting every problem (with the file and the dotted field path) instead of stopping at
 * the first. {@link #done()} reports the keys that were present but never read: unknown keys
 * are errors, never silently ignored.
 */
public final class Fields {
    private final JsonNode node;
    private final String path;
    private final Problems problems;
    private final Set<String> read = new LinkedHashSet<>();

    /** Collects problems of one file; shared by all readers of that file. */
    public static class Problems {
        private final String file;
        private final List<String> list = new ArrayList<>();

        public Problems(String file) {
            this.file = file;
        }

        public void add(String path, String message) {
            list.add(file + ": " + (path.isEmpty() ? "(top level)" : cutPath(path)) + ": " + message);
        }

        public boolean isEmpty() {
            return list.isEmpty();
        }

        public List<String> list() {
            return list;
        }

        public String file() {
            return file;
        }
    }

    public Fields(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        if (node != null && !node.isObject()) {
            problems.add(path, "expected a mapping of fields, found " + describe(node));
        }
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private JsonNode get(String key) {
        read.add(key);
        JsonNode v = node != null && node.isObject() ? node.get(key) : null;
        if (v == null || v.isNull()) {
            if (node == null || node.isObject()) {
                problems.add(at(key), "required field is missing");
            }
            return null;
        }
        return v;
    }

    /** True when the mapping has this key (it is then treated as known). */
    public boolean has(String key) {
        read.add(key);
        return node != null && node.isObject() && node.has(key) && !node.get(key).isNull();
    }

    public double num(String key, double min, double max) {
        JsonNode v = get(key);
        if (v == null) {
            return Double.NaN;
        }
        return checkNumber(at(key), v, min, max);
    }

    private double checkNumber(String p, JsonNode v, double min, double max) {
        if (!v.isNumber()) {
            problems.add(p, "expected a number in [" + fmt(min) + ", " + fmt(max) + "], found " + describe(v));
            return Double.NaN;
        }
        double d = v.doubleValue();
        if (!(d >= min && d <= max)) {
            problems.add(p, "value " + fmt(d) + " is out of range; allowed [" + fmt(min) + ", " + fmt(max) + "]");
        }
        return d;
    }

    public int integer(String key, int min, int max) {
        return (int) longValue(key, min, max);
    }

    public long longValue(String key, long min, long max) {
        JsonNode v = get(key);
        if (v == null) {
            return min;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            problems.add(at(key), "expected a whole number in [" + min + ", " + max + "], found " + describe(v));
            return min;
        }
        long d = v.longValue();
        if (d < min || d > max) {
            problems.add(at(key), "value " + d + " is out of range; allowed [" + min + ", " + max + "]");
            return min;
        }
        return d;
    }

    public boolean bool(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            problems.add(at(key), "expected true or false, found " + describe(v));
            return false;
        }
        return v.booleanValue();
    }

    public String text(String key) {
        JsonNode v = get(key);
        if (v == null) {
            return "";
        }
        if (!v.isTextual()) {
            problems.add(at(key), "expected text, found " + describe(v));
            return "";
        }
        return v.textValue();
    }

    /** Optional text; {@code fallback} when absent. */
    public String text(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    /**
     * The {@code name} of an input file (experiment, calibration, history match, search): the
     * field when given, else the file's name without {@code .yaml}/{@code .yml}; a name that breaks
     * {@link ScenarioLoader#nameProblem} (it becomes part of output paths) is a problem of this file.
     */
    public String name(java.nio.file.Path file) {
        String name = text("name", file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        String problem = ScenarioLoader.nameProblem(name);
        if (problem != null) {
            problems.add(at("name"), problem);
        }
        return name;
    }

    /** A list of exactly {@code length} numbers each in [min, max]. */
    public double[] nums(String key, int length, double min, double max) {
        double[] out = new double[length];
        JsonNode v = get(key);
        if (v == null) {
            return out;
        }
        if (!v.isArray() || v.size() != length) {
            problems.add(at(key), "expected a list of " + length + " numbers in [" + fmt(min) + ", " + fmt(max)
                    + "], found " + describe(v));
            return out;
        }
        for (int i = 0; i < length; i++) {
            out[i] = checkNumber(at(key) + "[" + i + "]", v.get(i), min, max);
        }
        return out;
    }

    /** A list of texts each one of {@code allowed}. */
    public List<String> ids(String key, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        JsonNode v = get(key);
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            problems.add(at(key), "expected a list of ids from " + allowed + ", found " + describe(v));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual() || !allowed.contains(e.textValue())) {
                problems.add(at(key) + "[" + i + "]", "unknown id " + describe(e) + "; allowed: " + allowed);
            } else if (out.contains(e.textValue())) {
                problems.add(at(key) + "[" + i + "]", "repeated id '" + e.textValue() + "'; each id may appear once in the list");
            } else {
                out.add(e.textValue());
            }
        }
        return out;
    }

    /** The raw node of a field (marked as known), or null when absent; for structures read elsewhere. */
    public JsonNode raw(String key) {
        read.add(key);
        return node != null && node.isObject() ? node.get(key) : null;
    }

    /** A nested mapping. */
    public Fields group(String key) {
        JsonNode v = get(key);
        return new Fields(v, at(key), problems);
    }

    /**
     * The mapping under {@code key} after checking that it is a mapping whose keys are all in
     * {@code allowed}; null (with the problem recorded) when absent or not a mapping.
     */
    private JsonNode idMapping(String key, List<String> allowed, String what) {
        JsonNode v = get(key);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            problems.add(at(key), "expected a mapping from ids " + allowed + what + ", found " + describe(v));
            return null;
        }
        for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            if (!allowed.contains(id)) {
                problems.add(at(key) + "." + id, "unknown id; allowed: " + allowed);
            }
        }
        return v;
    }

    /**
     * A mapping from ids (each one of {@code allowed}) to values read by {@code reader}; ids
     * keep the order of {@code allowed}. When {@code complete}, every allowed id must appear.
     */
    public <T> Map<String, T> byId(String key, List<String> allowed, boolean complete, Function<Fields, T> reader) {
        Map<String, T> out = new LinkedHashMap<>();
        JsonNode v = idMapping(key, allowed, "");
        if (v == null) {
            return out;
        }
        for (String id : allowed) {
            JsonNode e = v.get(id);
            if (e == null) {
                if (complete) {
                    problems.add(at(key) + "." + id, "missing; every id of " + allowed + " needs a row");
                }
                continue;
            }
            Fields f = new Fields(e, at(key) + "." + id, problems);
            T t = reader.apply(f);
            f.done();
            out.put(id, t);
        }
        return out;
    }

    /** A mapping from ids to numbers in [min, max]. */
    public Map<String, Double> numbersById(String key, List<String> allowed, double min, double max) {
        Map<String, Double> out = new LinkedHashMap<>();
        JsonNode v = idMapping(key, allowed, " to numbers");
        if (v == null) {
            return out;
        }
        for (String id : allowed) {
            JsonNode e = v.get(id);
            if (e != null) {
                out.put(id, checkNumber(at(key) + "." + id, e, min, max));
            }
        }
        return out;
    }

    /** Reports every key of this mapping that no reader asked for. */
    public void done() {
        if (node == null || !node.isObject()) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!read.contains(k)) {
                unknown.add(k);
            }
        });
        for (String k : unknown) {
            problems.add(at(cut(k)), "unknown field; allowed fields here: " + read);
        }
    }

    /** The raw node (for merging); null when absent. */
    JsonNode node() {
        return node;
    }

    static String describe(JsonNode v) {
        if (v == null || v.isNull()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list of " + v.size();
        }
        if (v.isTextual()) {
            return "text '" + cut(v.textValue()) + "'";
        }
        if (v.isBoolean()) {
            return "boolean " + v.booleanValue();
        }
        return v.getNodeType().name().toLowerCase() + " " + cut(v.asText());
    }

    /** Longest user text quoted in a message; longer values are cut and end with "…". */
    public static final int MAX_QUOTED = 80;

    /**
     * A user-supplied value made safe to quote in a one-line message: control characters
     * (newlines, escapes) become spaces and anything beyond {@link #MAX_QUOTED} characters is
     * cut with "…", so a huge or multi-line value never floods the terminal.
     */
    public static String cut(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_QUOTED + 1));
        int n = 0;
        for (int i = 0; i < s.length() && n < MAX_QUOTED; ) {
            int cp = s.codePointAt(i);
            sb.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp);
            i += Character.charCount(cp);
            n++;
        }
        if (s.codePointCount(0, s.length()) > MAX_QUOTED) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** A field path made safe for a message: each user-given segment cut like a value. */
    static String cutPath(String path) {
        if (path.length() <= MAX_QUOTED * 2) {
            return cut(path);
        }
        StringBuilder sb = new StringBuilder();
        for (String seg : path.split("\\.", -1)) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(cut(seg));
        }
        return sb.toString();
    }

    public static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    static ObjectNode asObject(JsonNode n) {
        return n instanceof ObjectNode o ? o : null;
    }
}
