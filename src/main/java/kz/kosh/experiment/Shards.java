package kz.kosh.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Sharded experiments (Slurm job arrays, Kubernetes indexed jobs, AWS Batch arrays): each shard
 * directory holds a {@code shard.json} (the experiment, its fingerprint, the shard's pair range,
 * whether it finished) and the replications it ran under {@code runs/}. {@link #merge} gathers
 * shards in a fixed order into the same summary.csv, differences.csv and report as a local run.
 */
public final class Shards {
    static final String INFO = "shard.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Shards() {
    }

    /** A shard found on disk. */
    record Shard(Path dir, ExperimentSpec spec, String fingerprint, int k, int n, long from, long to, boolean complete) {
    }

    static void writeShardInfo(Path shardDir, ExperimentSpec spec, String fingerprint, int k, int n, long from, long to,
                               boolean complete) {
        ObjectNode o = JSON.createObjectNode();
        o.put("fingerprint", fingerprint);
        o.put("shard", k);
        o.put("shards", n);
        o.put("fromPair", from);
        o.put("toPair", to);
        o.put("complete", complete);
        o.put("written", Instant.now().toString());
        ObjectNode e = o.putObject("experiment");
        e.put("name", spec.name());
        e.put("referenceIndex", spec.referenceIndex());
        e.put("replications", spec.replications());
        e.put("baseSeed", spec.baseSeed());
        e.put("scale", spec.scale());
        ExperimentSpec.putRunYears(e, spec.startYear(), spec.endYear(), spec.spinUpYears());
        if (spec.agentPaymentsFromYear() != null) {
            e.put("agentPaymentsFromYear", spec.agentPaymentsFromYear());
        }
        if (spec.ensemble() != null) {
            ObjectNode pe = e.putObject("parameterEnsemble");
            pe.put("file", spec.ensemble().file().toString());
            pe.put("sha256", spec.ensemble().sha256());
        }
        ArrayNode list = e.putArray("scenarios");
        for (ExperimentSpec.Entry x : spec.scenarios()) {
            ObjectNode xe = list.addObject();
            xe.put("name", x.name());
            xe.put("file", x.file().toAbsolutePath().toString());
            if (x.overlay() != null) {
                xe.set("overlay", x.overlay());
            }
        }
        try {
            Files.createDirectories(shardDir);
            Path tmp = shardDir.resolve(INFO + ".tmp");
            JSON.writeValue(tmp.toFile(), o);
            Files.move(tmp, shardDir.resolve(INFO), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + shardDir.resolve(INFO), ex);
        }
    }

    /** Largest shard.json read (it lists every scenario and design point with its overlay). */
    static final long MAX_INFO_BYTES = 50_000_000L;

    /**
     * Reads a shard.json strictly: JSON syntax, the fields' types and ranges (a 64-digit
     * fingerprint, 0 <= shard < shards, pair range inside the experiment, replications in
     * [1, 1,000,000]); a problem is one line naming the file and the field, never a parser's text.
     */
    static Shard readShard(Path dir) {
        Path info = dir.resolve(INFO);
        JsonNode o;
        try {
            if (Files.size(info) > MAX_INFO_BYTES) {
                throw new IllegalStateException(info + ": larger than 50 MB; not a shard.json Kosh wrote");
            }
            o = JSON.readTree(info.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            com.fasterxml.jackson.core.JsonLocation at = ex.getLocation();
            throw new IllegalStateException(info + ": not valid JSON" + (at != null && at.getLineNr() > 0 ? " (line "
                    + at.getLineNr() + ")" : "") + "; the file is damaged: run the shard again (kosh experiment FILE --shard k/N)");
        } catch (IOException ex) {
            throw new IllegalStateException(info + ": cannot be read; run the shard again (kosh experiment FILE --shard k/N)");
        }
        List<String> problems = new ArrayList<>();
        JsonNode e = o == null ? null : o.get("experiment");
        if (o == null || !o.isObject() || e == null || !e.isObject()) {
            throw new IllegalStateException(info + ": not a shard.json Kosh wrote (no experiment); run the shard again");
        }
        if (!o.path("fingerprint").asText("").matches("[0-9a-f]{64}")) {
            problems.add("fingerprint: expected 64 hex digits");
        }
        long k = whole(o, "shard", 0, 1_000_000, problems);
        long n = whole(o, "shards", 1, 1_000_000, problems);
        long reps = whole(e, "replications", 1, 1_000_000, problems);
        JsonNode sc = e.get("scenarios");
        if (sc == null || !sc.isArray() || sc.isEmpty() || sc.size() > 1_000_000) {
            problems.add("experiment.scenarios: expected a non-empty list");
        }
        long pairs = sc == null ? 0 : reps * sc.size();
        long from = whole(o, "fromPair", 0, pairs, problems);
        long to = whole(o, "toPair", from, pairs, problems);
        if (k >= n) {
            problems.add("shard: must be below shards (" + n + ")");
        }
        if (!o.path("complete").isBoolean()) {
            problems.add("complete: expected true or false");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(info + ": not a valid shard.json (" + String.join("; ", problems)
                    + "); run the shard again (kosh experiment FILE --shard k/N)");
        }
        try {
            List<ExperimentSpec.Entry> entries = new ArrayList<>();
            for (JsonNode x : e.get("scenarios")) {
                entries.add(new ExperimentSpec.Entry(x.get("name").asText(), Path.of(x.get("file").asText()),
                        x.has("overlay") ? (ObjectNode) x.get("overlay") : null));
            }
            ExperimentSpec spec = new ExperimentSpec(e.get("name").asText(), List.copyOf(entries),
                    e.get("referenceIndex").asInt(), e.get("replications").asInt(), e.get("baseSeed").asLong(),
                    e.get("scale").asDouble(), e.has("startYear") ? e.get("startYear").asInt() : null,
                    e.has("endYear") ? e.get("endYear").asInt() : null,
                    e.has("spinUpYears") ? e.get("spinUpYears").asInt() : null)
                    .withAgentPayments(e.has("agentPaymentsFromYear") ? e.get("agentPaymentsFromYear").asInt() : null);
            if (e.has("parameterEnsemble")) {
                JsonNode pe = e.get("parameterEnsemble");
                ParameterEnsemble ens = ParameterEnsemble.read(Path.of(pe.get("file").asText()));
                if (!ens.sha256().equals(pe.get("sha256").asText())) {
                    throw new IllegalStateException("the parameter ensemble " + ens.file()
                            + " changed since shard " + dir + " ran (SHA-256 differs); restore it or re-run the shards");
                }
                spec = spec.withEnsemble(ens);
            }
            return new Shard(dir, spec, o.get("fingerprint").asText(), o.get("shard").asInt(), o.get("shards").asInt(),
                    o.get("fromPair").asLong(), o.get("toPair").asLong(), o.get("complete").asBoolean());
        } catch (IllegalStateException | kz.kosh.scenario.ScenarioException | ParameterEnsemble.InvalidEnsembleException ex) {
            throw new IllegalStateException(ex.getMessage(), ex);
        } catch (RuntimeException ex) {
            throw new IllegalStateException(info + ": not a valid shard.json (a field of the experiment is missing or "
                    + "of the wrong type); run the shard again (kosh experiment FILE --shard k/N)", ex);
        }
    }

    private static long whole(JsonNode o, String field, long min, long max, List<String> problems) {
        JsonNode v = o.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            problems.add(field + ": expected a whole number in [" + min + ", " + max + "]");
            return min;
        }
        return v.asLong();
    }

    /** Refuses shards of different experiments (fingerprints differ) or of different splits of one. */
    static void sameExperiment(List<Shard> shards) {
        Shard first = shards.get(0);
        for (Shard sh : shards) {
            if (!sh.fingerprint().equals(first.fingerprint())) {
                throw new IllegalStateException("shards of different experiments: " + first.dir() + " and " + sh.dir());
            }
        }
    }

    /** Shard directories given directly or found under {@code <dir>/shards/}, in a fixed (sorted) order. */
    static List<Shard> find(List<Path> dirs) {
        List<Path> found = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.exists(d.resolve(INFO))) {
                found.add(d.toAbsolutePath().normalize());
            } else if (Files.isDirectory(d.resolve("shards"))) {
                try (Stream<Path> s = Files.list(d.resolve("shards"))) {
                    s.filter(p -> Files.exists(p.resolve(INFO))).map(p -> p.toAbsolutePath().normalize()).forEach(found::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                throw new IllegalArgumentException("no shard found in " + d + " (expected " + INFO + " or a shards/ folder)");
            }
        }
        List<Shard> shards = new ArrayList<>();
        found.stream().distinct().sorted().forEach(p -> shards.add(readShard(p)));
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shard directories found in " + dirs);
        }
        return shards;
    }

    /** Where each (scenario, replication) pair's file is, by pair index r·S + s; several when duplicated. */
    static Map<Long, List<Path>> files(List<Shard> shards) {
        ExperimentSpec spec = shards.get(0).spec();
        int scenarios = spec.scenarios().size();
        java.util.regex.Pattern rep = java.util.regex.Pattern.compile("rep-(\\d+)\\.csv\\.gz");
        Map<Long, List<Path>> out = new TreeMap<>();
        for (Shard sh : shards) {
            Path runs = sh.dir().resolve("runs");
            for (int s = 0; s < scenarios; s++) {
                // one directory listing per scenario instead of a file check per (scenario, replication)
                Path dir = ExperimentDirectory.runFile(spec, runs, s, 0).getParent();
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                List<Path> found;
                try (Stream<Path> list = Files.list(dir)) {
                    found = list.sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + dir, e);
                }
                for (Path f : found) {
                    java.util.regex.Matcher m = rep.matcher(f.getFileName().toString());
                    if (m.matches() && Integer.parseInt(m.group(1)) < spec.replications()) {
                        long q = Long.parseLong(m.group(1)) * scenarios + s;
                        out.computeIfAbsent(q, x -> new ArrayList<>()).add(f);
                    }
                }
            }
        }
        return out;
    }

    /** Progress of a sharded experiment, one line per shard and a total. */
    public static String status(List<Path> dirs) {
        List<Shard> shards = find(dirs);
        sameExperiment(shards);
        ExperimentSpec spec = shards.get(0).spec();
        Map<Long, List<Path>> files = files(shards);
        // a pair counts as done only when a file of it matches its checksum (a cut or edited file is not done)
        int damaged = 0;
        for (var it = files.entrySet().iterator(); it.hasNext(); ) {
            var en = it.next();
            if (en.getValue().stream().noneMatch(IndicatorTable::intact)) {
                it.remove();
                damaged++;
            }
        }
        int scenarios = spec.scenarios().size();
        StringBuilder sb = new StringBuilder();
        sb.append("experiment ").append(spec.name()).append(": ").append(scenarios).append(" scenarios x ")
                .append(spec.replications()).append(" replications = ").append((long) scenarios * spec.replications())
                .append(" pairs\n");
        for (Shard sh : shards) {
            long done = files.keySet().stream().filter(q -> q >= sh.from() && q < sh.to()).count();
            sb.append(String.format("  shard %d/%d: pairs %d..%d, %d of %d done%s%n", sh.k(), sh.n(), sh.from(),
                    sh.to() - 1, done, sh.to() - sh.from(), sh.complete() ? ", finished" : ""));
        }
        sb.append(String.format("  total: %d of %d pairs done%n", files.size(), (long) scenarios * spec.replications()));
        if (damaged > 0) {
            sb.append(String.format("  %d pair%s with a damaged or unchecksummed file (not counted; its shard recomputes it)%n",
                    damaged, damaged == 1 ? "" : "s"));
        }
        return sb.toString();
    }

    /**
     * Merges shards into {@code out} (summary.csv, differences.csv, manifest.json, report),
     * byte for byte the same as a local run of the experiment. Missing or duplicated
     * (scenario, replication) pairs are named and refused unless {@code allowIncomplete}, in
     * which case only replications complete for every scenario are used, and of duplicates the
     * first in shard order.
     */
    public static ExperimentRunner.Result merge(List<Path> dirs, Path out, boolean allowIncomplete, boolean overwrite) {
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        checkMergeTarget(out.toAbsolutePath().normalize());
        List<Shard> shards = find(dirs);
        Shard first = shards.get(0);
        sameExperiment(shards);
        ExperimentSpec spec = first.spec();
        List<ScenarioLoader.Loaded> loaded = ExperimentRunner.loadAll(spec);
        if (!ExperimentRunner.fingerprint(spec, loaded).equals(first.fingerprint())) {
            throw new IllegalStateException("the scenario files changed since the shards ran (fingerprint differs); re-run the shards");
        }
        int scenarios = spec.scenarios().size();
        Map<Long, List<Path>> files = files(shards);
        List<String> missing = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        for (int r = 0; r < spec.replications(); r++) {
            for (int s = 0; s < scenarios; s++) {
                List<Path> f = files.get((long) r * scenarios + s);
                String label = "(" + spec.scenarios().get(s).name() + ", replication " + r + ")";
                if (f == null) {
                    missing.add(label);
                } else if (f.size() > 1) {
                    duplicated.add(label + " in " + f);
                }
            }
        }
        if ((!missing.isEmpty() || !duplicated.isEmpty()) && !allowIncomplete) {
            StringBuilder sb = new StringBuilder("incomplete set of shards; refusing to merge (pass --allow-incomplete to merge what is there)");
            if (!missing.isEmpty()) {
                sb.append("\n  missing ").append(missing.size()).append(": ").append(head(missing));
            }
            if (!duplicated.isEmpty()) {
                sb.append("\n  duplicated ").append(duplicated.size()).append(": ").append(head(duplicated));
            }
            throw new IllegalStateException(sb.toString());
        }
        Path dir = out.toAbsolutePath().normalize();
        try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
            return mergeLocked(spec, loaded, files, shards, dir, scenarios, overwrite, start, t0);
        }
    }

    private static ExperimentRunner.Result mergeLocked(ExperimentSpec spec, List<ScenarioLoader.Loaded> loaded,
                                                       Map<Long, List<Path>> files, List<Shard> shards, Path dir,
                                                       int scenarios, boolean overwrite, Instant start, long t0) {
        try {
            if (Files.exists(dir.resolve("summary.csv")) && !Files.exists(dir.resolve(ExperimentRunner.INCOMPLETE_MARKER))) {
                if (!overwrite) {
                    throw new UncheckedIOException(new FileAlreadyExistsException(dir.toString(), null,
                            "holds a finished experiment; pass --overwrite to replace its summary"));
                }
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(ExperimentRunner.INCOMPLETE_MARKER), "merge under way\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        Aggregator agg = Aggregator.forExperiment(spec, loaded);
        int used = 0;
        for (int r = 0; r < spec.replications(); r++) {
            IndicatorTable[] tables = new IndicatorTable[scenarios];
            boolean complete = true;
            for (int s = 0; s < scenarios; s++) {
                List<Path> f = files.get((long) r * scenarios + s);
                if (f == null) {
                    complete = false;
                    break;
                }
                try {
                    tables[s] = IndicatorTable.readVerified(f.get(0));
                } catch (IndicatorTable.DamagedFileException e) {
                    throw new IllegalStateException(e.getMessage() + "; refusing to merge. Run its shard again "
                            + "(kosh experiment FILE --shard k/N --out DIR): the shard recomputes damaged replications", e);
                }
            }
            if (complete) {
                agg.addInOrder(r, tables);
                used++;
            }
        }
        if (used == 0) {
            throw new IllegalStateException("no replication is complete for every scenario; nothing to merge");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        ExperimentOutputs.writeOutputs(spec, dir, agg, loaded, start, wall, 0, 0);
        return new ExperimentRunner.Result(dir, 0, used * scenarios, wall);
    }

    /**
     * The merge writes only into a new or empty folder or a Kosh experiment directory (its own,
     * with the shards, or a finished merge); never through a symbolic link, never into a folder
     * inside another experiment.
     */
    static void checkMergeTarget(Path dir) {
        ExperimentDirectory.checkPlace(dir);
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new UncheckedIOException(new FileAlreadyExistsException(dir.toString(), null,
                        "is a file, not a directory; choose another --out DIR"));
            }
            if (Files.isDirectory(dir)) {
                boolean empty;
                try (var s = Files.list(dir)) {
                    empty = s.findAny().isEmpty();
                }
                String why = empty ? null : ExperimentDirectory.notAKoshExperiment(dir);
                if (why != null) {
                    throw new UncheckedIOException(new FileAlreadyExistsException(dir.toString(), null,
                            "is not a Kosh experiment directory (" + why + "); refusing to merge into it; choose another --out DIR"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + dir, e);
        }
    }

    private static String head(List<String> xs) {
        return String.join("; ", xs.subList(0, Math.min(10, xs.size()))) + (xs.size() > 10 ? "; ..." : "");
    }
}
