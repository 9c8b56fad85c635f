package kz.kosh.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Evaluations on disk (JSON lines, one line per parameter point and replication), so that an
 * interrupted calibration resumes without recomputing: the optimizer has a fixed seed, so a
 * rerun proposes the same points and finds them here. The key of a line is the SHA-256 of the
 * settings fingerprint, the parameter values and the replication number; a line holds the
 * replication's model value of every target point, and {@code check}: the SHA-256 of the line's
 * other fields ({@link #check}), so an edited value, an emptied or torn line is not trusted: it is
 * ignored (with one warning counting such lines) and that replication recomputed. Lines must have
 * the form Kosh writes (a 64-digit key, number lists, a replication in [0, 10^6]).
 */
public final class EvaluationCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Map<String, double[]> entries = new HashMap<>();
    /** Parameter values and replication of every key, in the order first seen (for the ensemble). */
    private final Map<String, Point> points = new java.util.LinkedHashMap<>();
    private int hits;

    /** The parameter values and replication a cache line was computed for. */
    public record Point(double[] parameters, int replication) {
    }

    /** Opens (and reads) the cache file; a missing file is an empty cache; null: memory only. */
    public EvaluationCache(Path file) {
        this.file = file;
        int untrusted = 0;
        if (file != null && Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode n = JSON.readTree(line);
                        if (!wellFormed(n) || !n.path("check").asText("").equals(check(n))) {
                            untrusted++;
                            continue;
                        }
                        JsonNode v = n.get("values");
                        double[] values = new double[v.size()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = v.get(i).isNull() ? Double.NaN : v.get(i).asDouble();
                        }
                        entries.put(n.get("key").asText(), values);
                        JsonNode ps = n.get("parameters");
                        if (ps != null && ps.isArray() && n.has("replication")) {
                            double[] p = new double[ps.size()];
                            for (int i = 0; i < p.length; i++) {
                                p[i] = ps.get(i).asDouble();
                            }
                            points.putIfAbsent(n.get("key").asText(), new Point(p, n.get("replication").asInt()));
                        }
                    } catch (IOException | RuntimeException torn) {
                        untrusted++; // a line cut short by an interruption: recompute that replication
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the evaluation cache " + file, e);
            }
        }
        this.untrusted = untrusted;
        if (untrusted > 0) {
            org.slf4j.LoggerFactory.getLogger(EvaluationCache.class).warn("{}: {} line(s) are damaged, edited or without a "
                    + "checksum; their replications are recomputed", file, untrusted);
        }
    }

    private final int untrusted;

    /** Lines of the file that were not trusted (damaged, edited, torn or without a checksum). */
    public int untrusted() {
        return untrusted;
    }

    /** The form Kosh writes: a 64-digit key, a number list of values (null for NaN), parameters and a replication. */
    private static boolean wellFormed(JsonNode n) {
        if (n == null || !n.isObject() || !n.path("key").asText("").matches("[0-9a-f]{64}")) {
            return false;
        }
        JsonNode v = n.get("values");
        JsonNode p = n.get("parameters");
        JsonNode r = n.get("replication");
        if (v == null || !v.isArray() || p == null || !p.isArray() || r == null || !r.isInt() || r.asInt() < 0
                || r.asInt() > 1_000_000) {
            return false;
        }
        for (JsonNode x : v) {
            if (!x.isNumber() && !x.isNull()) {
                return false;
            }
        }
        for (JsonNode x : p) {
            if (!x.isNumber()) {
                return false;
            }
        }
        return true;
    }

    /** The checksum of a line: SHA-256 of its key, parameters, replication and values as written. */
    static String check(JsonNode n) {
        return sha256(n.path("key").asText("") + "|" + n.path("parameters") + "|" + n.path("replication") + "|"
                + n.path("values"));
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key of replication r at the parameter values under a settings fingerprint. */
    public static String key(String fingerprint, double[] parameterValues, int replication) {
        StringBuilder sb = new StringBuilder(fingerprint).append('|');
        for (double v : parameterValues) {
            sb.append(Double.toString(v)).append(',');
        }
        return sha256(sb.append('|').append(replication).toString());
    }

    public synchronized double[] get(String key) {
        double[] v = entries.get(key);
        if (v != null) {
            hits++;
        }
        return v == null ? null : v.clone();
    }

    /** Stores (and appends to the file, flushed) one replication's values. */
    public synchronized void put(String key, double[] parameterValues, int replication, double[] values) {
        entries.put(key, values.clone());
        points.putIfAbsent(key, new Point(parameterValues.clone(), replication));
        if (file == null) {
            return;
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("key", key);
        ArrayNode x = n.putArray("parameters");
        for (double v : parameterValues) {
            x.add(v);
        }
        n.put("replication", replication);
        ArrayNode a = n.putArray("values");
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
        n.put("check", check(n));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                w.write(JSON.writeValueAsString(n));
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the evaluation cache " + file, e);
        }
    }

    /**
     * The parameter points cached under {@code fingerprint} with all of replications
     * 0..reps−1, in the order first seen: a line belongs to the fingerprint when its key is
     * {@link #key}(fingerprint, its parameters, its replication).
     */
    public synchronized java.util.List<double[]> points(String fingerprint, int reps) {
        Map<String, double[]> byValues = new java.util.LinkedHashMap<>();
        Map<String, java.util.Set<Integer>> replications = new HashMap<>();
        for (Map.Entry<String, Point> e : points.entrySet()) {
            Point p = e.getValue();
            if (!e.getKey().equals(key(fingerprint, p.parameters(), p.replication()))) {
                continue;
            }
            String id = java.util.Arrays.toString(p.parameters());
            byValues.putIfAbsent(id, p.parameters().clone());
            replications.computeIfAbsent(id, x -> new java.util.HashSet<>()).add(p.replication());
        }
        java.util.List<double[]> out = new java.util.ArrayList<>();
        for (Map.Entry<String, double[]> e : byValues.entrySet()) {
            java.util.Set<Integer> have = replications.get(e.getKey());
            boolean all = true;
            for (int r = 0; r < reps && all; r++) {
                all = have.contains(r);
            }
            if (all) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Replications served from the cache so far. */
    public synchronized int hits() {
        return hits;
    }

    public Path file() {
        return file;
    }
}
