package kz.kosh.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a scenario YAML file into a validated {@link Scenario}.
 * <ol>
 *   <li>The built-in defaults ({@code kz/kosh/scenario/defaults.yaml} and the region and
 *       destination tables {@code kz/kosh/data/*.csv}) form the base.</li>
 *   <li>A file may say {@code extends: other.yaml} (relative to itself); the chain is merged
 *       from the base outwards, each file overriding only the fields it names (mappings merge,
 *       lists and values replace).</li>
 *   <li>The merged tree is validated in one pass: unknown keys, wrong types, out-of-range values
 *       and unknown region or destination ids are all reported together, each naming the file
 *       that set the field and the field path.</li>
 * </ol>
 */
public final class ScenarioLoader {
    private static final YAMLMapper YAML = StrictYaml.MAPPER;
    /** Largest scenario file read; checked before parsing so that a huge file costs nothing. */
    public static final long MAX_FILE_BYTES = StrictYaml.MAX_FILE_BYTES;
    /** Longest scenario name: it becomes part of the output directory's name. */
    public static final int MAX_NAME_LENGTH = 64;
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String DEFAULTS = "defaults (built in)";
    private static final Set<String> TOP_LEVEL = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "name", "description", "headline", "extends", "run", "population", "study", "decision", "humanCapital", "family",
            "policy", "kazakhstan", "economy", "regions", "destinations", "timeline")));

    private ScenarioLoader() {
    }

    /** A loaded scenario with the merged tree it was built from (for describe and manifests). */
    public static final class Loaded {
        private final Scenario scenario;
        private final ObjectNode tree;

        Loaded(Scenario scenario, ObjectNode tree) {
            this.scenario = scenario;
            this.tree = tree;
        }

        public Scenario scenario() {
            return scenario;
        }

        /** A copy of the fully resolved tree. */
        public ObjectNode tree() {
            return tree.deepCopy();
        }

        /** The same scenario with another seed and scale, in both the object and the tree. */
        public Loaded withRun(long seed, double scale) {
            if (seed < 1) {
                throw new IllegalArgumentException("seed must be at least 1 (MASON rejects seed 0), got " + seed);
            }
            if (!(scale >= RunSettings.MIN_SCALE && scale <= 1)) {
                throw new IllegalArgumentException("scale must be in [" + RunSettings.MIN_SCALE + ", 1] (agents per person), got " + scale);
            }
            ObjectNode t = tree.deepCopy();
            ((ObjectNode) t.get("run")).put("seed", seed).put("scale", scale);
            return new Loaded(scenario.withRun(scenario.run().withSeed(seed).withScale(scale)), t);
        }

        /** The fully resolved scenario as YAML. */
        public String toYaml() {
            try {
                return YAML.writeValueAsString(tree);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Loads and validates a scenario file. */
    public static Loaded load(Path file) {
        return load(file, null, null);
    }

    /**
     * Loads a scenario file with an extra overlay merged last (e.g. a design point of a
     * parameter sweep) and, when {@code name} is given, that name. The overlay is validated
     * like a file; its problems name {@code overlay} as their source.
     */
    public static Loaded load(Path file, ObjectNode overlay, String name) {
        Map<String, String> origin = new HashMap<>();
        ObjectNode tree = defaults(origin);
        List<String> problems = new ArrayList<>();
        List<Path> chain = new ArrayList<>();
        collectChain(file.toAbsolutePath().normalize(), chain, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        ObjectNode leaf = null;
        List<JsonNode> timelineEntries = new ArrayList<>();
        List<String> timelineProblems = new ArrayList<>();
        ObjectNode[] nodes = new ObjectNode[chain.size()];
        for (int i = 0; i < chain.size(); i++) {
            nodes[i] = readYaml(chain.get(i), problems);
        }
        // A field a file sets at its top level holds in every year: the timeline entries of the
        // files it extends (and every entry, for the overlay) do not change it.
        Set<String> setByDerived = new java.util.HashSet<>();
        if (overlay != null) {
            collectLeafPaths(overlay, "", setByDerived);
        }
        // and a field a file's timeline entry sets holds from that entry's year on
        List<Set<String>> derivedOf = new ArrayList<>();
        List<java.util.TreeMap<Integer, Set<String>>> derivedEntriesOf = new ArrayList<>();
        java.util.TreeMap<Integer, Set<String>> setByDerivedEntries = new java.util.TreeMap<>();
        for (int i = 0; i < chain.size(); i++) {
            derivedOf.add(new java.util.HashSet<>(setByDerived));
            java.util.TreeMap<Integer, Set<String>> copy = new java.util.TreeMap<>();
            setByDerivedEntries.forEach((y, paths) -> copy.put(y, new java.util.HashSet<>(paths)));
            derivedEntriesOf.add(copy);
            if (nodes[i] != null) {
                ObjectNode top = nodes[i].deepCopy();
                top.remove(List.of("extends", "timeline", "name", "description"));
                collectLeafPaths(top, "", setByDerived);
                JsonNode tl = nodes[i].get("timeline");
                if (tl != null && tl.isArray()) {
                    for (JsonNode e : tl) {
                        // an entry with toYear holds for a while only: it wins over the files it
                        // extends while in force (applied after them), never removes their fields
                        if (e instanceof ObjectNode o && o.has("fromYear") && o.get("fromYear").isIntegralNumber()
                                && !o.has("toYear")) {
                            ObjectNode c = o.deepCopy();
                            c.remove("fromYear");
                            collectLeafPaths(c, "", setByDerivedEntries.computeIfAbsent(
                                    o.get("fromYear").intValue(), y -> new java.util.HashSet<>()));
                        }
                    }
                }
            }
        }
        List<String> early = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            ObjectNode n = nodes[i];
            if (n == null) {
                continue;
            }
            wholeNumbers(n, "", chain.get(i).toString(), early);
            JsonNode tl = n.get("timeline");
            if (tl != null && tl.isArray()) {
                for (int k = 0; k < tl.size(); k++) {
                    wholeNumbers(tl.get(k), "timeline[" + k + "].", chain.get(i).toString(), early);
                }
            }
            n.remove("extends");
            JsonNode own = n.remove("timeline");
            if (own != null && !own.isNull()) {
                // an overlay that changes the run (GUI, experiment) makes the file's own entries
                // outside the new run apply like inherited ones instead of being refused
                boolean ownRun = i == 0 && (overlay == null || !overlay.has("run"));
                collectTimeline(own, chain.get(i), ownRun, i, derivedOf.get(i), derivedEntriesOf.get(i), timelineEntries,
                        timelineProblems);
            }
            if (i > 0) {
                n.remove("name");
            } else {
                leaf = n;
            }
            merge(tree, n, "", chain.get(i).toString(), origin);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        if (!timelineEntries.isEmpty()) {
            tree.set("timeline", combineTimelines(timelineEntries));
        }
        String stem = file.getFileName().toString().replaceFirst("(?i)\\.ya?ml$", "");
        if (leaf == null || !leaf.has("name")) {
            tree.put("name", safeName(stem));
        } else if (leaf.get("name").isTextual()) {
            String nameProblem = nameProblem(leaf.get("name").textValue());
            if (nameProblem != null) {
                early.add(0, chain.get(0) + ": name: " + nameProblem);
            }
        }
        if (overlay != null) {
            merge(tree, overlay.deepCopy(), "", "overlay of " + file, origin);
        }
        if (name != null) {
            tree.put("name", name);
        }
        if (early.isEmpty()) {
            return bind(tree, origin, chain.get(0).toString(), timelineProblems);
        }
        List<String> all = new ArrayList<>(early);
        try {
            bind(tree, origin, chain.get(0).toString(), timelineProblems);
        } catch (ScenarioException e) {
            all.addAll(e.problems());
        }
        throw new ScenarioException(all);
    }

    /**
     * Checks one file's timeline (a list of mappings with increasing whole-number fromYear) and
     * adds its entries to {@code out}, after those of the files it extends. {@code leaf}: the
     * entries' years are checked against the run. Fields in {@code keep}, and those in
     * {@code keepFrom} from their year on, are removed from the entries (set by an extending file).
     * {@code rank}: the file's place in the chain (0 the loaded file, 1 the file it extends, ...):
     * entries in force together apply from the highest rank down, so an extending file's entries win.
     */
    private static void collectTimeline(JsonNode own, Path file, boolean leaf, int rank, Set<String> keep,
                                        java.util.TreeMap<Integer, Set<String>> keepFrom, List<JsonNode> out,
                                        List<String> problems) {
        if (!own.isArray()) {
            problems.add(file + ": timeline: expected a list of {fromYear: ..., <fields to change>}");
            return;
        }
        int last = Integer.MIN_VALUE;
        for (int k = 0; k < own.size(); k++) {
            JsonNode e = own.get(k);
            if (e.isObject() && e.has("fromYear") && e.get("fromYear").isIntegralNumber()) {
                int y = e.get("fromYear").intValue();
                if (y <= last) {
                    problems.add(file + ": timeline[" + k + "].fromYear: timeline entries must be in strictly increasing "
                            + "fromYear order; " + y + " follows " + last);
                }
                last = y;
            }
            JsonNode copy = e.deepCopy();
            if (copy instanceof ObjectNode o) {
                for (String path : keep) {
                    removePath(o, path);
                }
                if (o.has("fromYear") && o.get("fromYear").isIntegralNumber()) {
                    for (Set<String> paths : keepFrom.headMap(o.get("fromYear").intValue(), true).values()) {
                        for (String path : paths) {
                            removePath(o, path);
                        }
                    }
                }
                o.put(ORIGIN_KEY, file + "\u0000timeline[" + k + "]\u0000" + (leaf ? "leaf" : "extended"));
                o.put(RANK_KEY, rank);
            }
            out.add(copy);
        }
    }

    /** Dotted paths of the leaves (values that are not mappings) under a mapping. */
    private static void collectLeafPaths(JsonNode n, String prefix, Set<String> out) {
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
    private static void removePath(ObjectNode n, String path) {
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

    /** Hidden key of a combined timeline entry: the file and the entry's own label there. */
    private static final String ORIGIN_KEY = "\u0000origin";
    /** Hidden key of a combined timeline entry: its file's rank in the chain (0 the loaded file). */
    private static final String RANK_KEY = "\u0000rank";

    /**
     * The timelines of a file and of the files it extends, combined: entries ordered by fromYear
     * (a file's entries after those of the file it extends, also in the same year). Entries stay
     * separate (each keeps its own toYear); in a year, those in force apply from the extended
     * files to the extending one ({@link #bind}). Malformed entries are kept in place for
     * {@link #bind} to report.
     */
    static ArrayNode combineTimelines(List<JsonNode> entries) {
        java.util.TreeMap<Integer, List<ObjectNode>> byYear = new java.util.TreeMap<>();
        List<JsonNode> malformed = new ArrayList<>();
        for (JsonNode e : entries) {
            if (!(e instanceof ObjectNode o) || !o.has("fromYear") || !o.get("fromYear").isIntegralNumber()) {
                malformed.add(e);
                continue;
            }
            byYear.computeIfAbsent(o.get("fromYear").intValue(), y -> new ArrayList<>()).add(o.deepCopy());
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        malformed.forEach(out::add);
        byYear.values().forEach(l -> l.forEach(out::add));
        return out;
    }

    /** Entries of the same fromYear merged into one, later ones' fields winning (entries without toYear only). */
    private static ArrayNode mergeSameYear(List<ObjectNode> entries) {
        java.util.TreeMap<Integer, ObjectNode> byYear = new java.util.TreeMap<>();
        for (ObjectNode o : entries) {
            ObjectNode existing = byYear.get(o.get("fromYear").intValue());
            if (existing == null) {
                byYear.put(o.get("fromYear").intValue(), o.deepCopy());
            } else {
                merge(existing, o, "", null, new HashMap<>());
            }
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        byYear.values().forEach(out::add);
        return out;
    }

    /**
     * Why a scenario (or experiment) name is not allowed, or null when it is: the name becomes
     * part of an output directory's name, so it must be one harmless path segment.
     */
    public static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "must not be empty; allowed: 1-" + MAX_NAME_LENGTH + " characters A-Z a-z 0-9 . _ -, starting with a letter or digit";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "is " + name.length() + " characters long; allowed: at most " + MAX_NAME_LENGTH
                    + " characters A-Z a-z 0-9 . _ - (it names the output directory)";
        }
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            return "'" + Fields.cut(name) + "' is not allowed; allowed: A-Z a-z 0-9 . _ -, starting with a letter or digit, "
                    + "no '..' or path separators (it names the output directory)";
        }
        return null;
    }

    /**
     * Counts held as numbers (persons, awards) that a scenario file must give as whole numbers
     * ({@link Param#wholeNumberInFiles}). Checked on the files only: a sweep's design points may be
     * fractional (expected counts).
     */
    static List<String> wholeNumberFields() {
        List<String> paths = new ArrayList<>();
        for (Param d : Params.all()) {
            if (d.wholeNumberInFiles()) {
                paths.add(d.path());
            }
        }
        return paths;
    }

    private static void wholeNumbers(JsonNode n, String prefix, String file, List<String> problems) {
        for (String path : wholeNumberFields()) {
            JsonNode v = n;
            for (String seg : path.split("\\.")) {
                v = v != null && v.isObject() ? v.get(seg) : null;
            }
            if (v != null && v.isNumber() && v.doubleValue() != Math.rint(v.doubleValue())) {
                problems.add(file + ": " + prefix + path + ": expected a whole number (a count), found " + Fields.describe(v));
            }
        }
    }

    /** A file stem made into an allowed name (used when a file has no name: field). */
    static String safeName(String stem) {
        String n = stem.replaceAll("[^A-Za-z0-9._-]", "_").replace("..", "__");
        if (n.isEmpty() || !Character.isLetterOrDigit(n.charAt(0))) {
            n = "s" + n;
        }
        return n.length() > MAX_NAME_LENGTH ? n.substring(0, MAX_NAME_LENGTH) : n;
    }

    /** Binds a merged tree; public for tests that build trees in code. */
    static Loaded bind(ObjectNode tree, Map<String, String> origin, String leafFile) {
        return bind(tree, origin, leafFile, List.of());
    }

    /** Binds a merged tree, reporting {@code earlier} problems (of the files' own timelines) with its own. */
    private static Loaded bind(ObjectNode tree, Map<String, String> origin, String leafFile, List<String> earlier) {
        OriginProblems op = new OriginProblems(leafFile, origin);
        op.problems.addAll(earlier);
        JsonNode timelineNode = tree.remove("timeline");
        // a problem of the base state is inherited by every timeline state: report it once
        Set<String> seen = new java.util.HashSet<>();
        Scenario base = bindOne(tree, (path, m) -> {
            seen.add(path + "\u0000" + m);
            op.add(path, m);
        });
        List<Scenario.TimedChange> timeline = new ArrayList<>();
        if (timelineNode != null && !timelineNode.isNull()) {
            if (!timelineNode.isArray()) {
                op.add("timeline", "expected a list of {fromYear: ..., <fields to change>}");
            } else {
                RunSettings run = base.run();
                String allowedYears = run == null ? "" : "; allowed [" + run.firstSimulatedYear() + ", " + run.endYear()
                        + "] (run.startYear - run.spinUpYears to run.endYear)";
                List<TimedEntry> entries = new ArrayList<>();
                int lastYear = Integer.MIN_VALUE;
                for (int i = 0; i < timelineNode.size(); i++) {
                    JsonNode e = timelineNode.get(i);
                    // an entry combined from an extended file carries that file and its own label
                    String label = "timeline[" + i + "]";
                    String entryFile = null;
                    boolean own = true;
                    boolean combined = false;
                    int rank = 0;
                    if (e instanceof ObjectNode eo && eo.has(ORIGIN_KEY)) {
                        String[] o = eo.remove(ORIGIN_KEY).textValue().split("\u0000", 3);
                        entryFile = o[0];
                        label = o[1];
                        own = o[2].equals("leaf");
                        combined = true;
                    }
                    if (e instanceof ObjectNode eo && eo.has(RANK_KEY)) {
                        rank = eo.remove(RANK_KEY).intValue();
                    }
                    String p = label;
                    String file = entryFile;
                    Reporter entry = (path, m) -> {
                        if (file == null) {
                            op.add(p + path, m);
                        } else {
                            op.problems.add(file + ": " + p + path + ": " + m);
                        }
                    };
                    if (!e.isObject() || !e.has("fromYear") || !e.get("fromYear").isIntegralNumber()) {
                        entry.add("", "expected a mapping with a whole-number fromYear and the fields to change"
                                + (e.isObject() && e.has("fromYear") ? ", found fromYear " + Fields.describe(e.get("fromYear")) : ""));
                        continue;
                    }
                    ObjectNode change = ((ObjectNode) e).deepCopy();
                    JsonNode fy = change.remove("fromYear");
                    JsonNode ty = change.remove("toYear");
                    if (!fy.canConvertToInt()) {
                        entry.add(".fromYear", "year " + Fields.cut(fy.asText()) + " is outside the simulated years" + allowedYears);
                        continue;
                    }
                    int year = fy.intValue();
                    // the entries of a loaded file were checked file by file (collectTimeline); combined,
                    // entries of several files may share a year
                    if (!combined) {
                        if (year <= lastYear) {
                            entry.add(".fromYear", "timeline entries must be in strictly increasing fromYear order; "
                                    + year + " follows " + lastYear);
                        }
                        lastYear = year;
                    }
                    // the loaded file's own entries must lie in its run; inherited ones (a history)
                    // outside it apply from the first year (earlier) or never (later)
                    if (own && run != null && (year < run.firstSimulatedYear() || year > run.endYear())) {
                        entry.add(".fromYear", "year " + year + " is outside the simulated years" + allowedYears);
                    }
                    Integer toYear = null;
                    if (ty != null) {
                        String allowedTo = "; allowed: a whole-number year from fromYear (" + year + ")"
                                + (own && run != null ? " to run.endYear (" + run.endYear() + ")" : " on")
                                + ", the last year in which the entry holds";
                        if (!ty.isIntegralNumber()) {
                            entry.add(".toYear", "expected a whole-number year, found " + Fields.describe(ty) + allowedTo);
                        } else if (ty.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(year)) < 0) {
                            entry.add(".toYear", "year " + Fields.cut(ty.asText()) + " is before fromYear " + year + allowedTo);
                        } else if (own && run != null && (!ty.canConvertToInt() || ty.intValue() < run.firstSimulatedYear()
                                || ty.intValue() > run.endYear())) {
                            entry.add(".toYear", "year " + Fields.cut(ty.asText()) + " is outside the simulated years"
                                    + allowedYears);
                        } else if (ty.canConvertToInt() && ty.intValue() < Integer.MAX_VALUE) {
                            toYear = ty.intValue();
                        }
                    }
                    for (String fixed : List.of("run", "name", "headline", "economy")) {
                        if (change.has(fixed)) {
                            entry.add("." + fixed, "cannot change in a timeline entry; allowed: policy, study, decision, humanCapital, family, population, kazakhstan, regions, destinations");
                        }
                    }
                    for (String nested : List.of("timeline", "extends")) {
                        if (change.has(nested)) {
                            entry.add("." + nested, "not allowed inside a timeline entry; allowed: policy, study, decision, humanCapital, family, population, kazakhstan, regions, destinations");
                        }
                    }
                    refuseCalibrationTargets(change, p, op);
                    change.remove("run");
                    change.remove("name");
                    change.remove("timeline");
                    change.remove("extends");
                    change.remove("economy");
                    entries.add(new TimedEntry(entries.size(), year, toYear, ty != null, rank, change, entry));
                }
                // the parameters change at every fromYear and every toYear + 1: in each of these
                // years, the entries in force apply to the scenario in order (rank, fromYear)
                java.util.TreeSet<Integer> breaks = breakpoints(entries);
                for (int year : breaks) {
                    Scenario s = bindOne(stateAt(tree, entries, year), (path, m) -> {
                        if (seen.add(path + "\u0000" + m)) {
                            reportAt(entries, year, path, m);
                        }
                    });
                    timeline.add(new Scenario.TimedChange(year, s));
                }
                tree.set("timeline", exportedTimeline(tree, entries, breaks, run));
            }
        }
        if (!op.problems.isEmpty()) {
            throw new ScenarioException(op.problems);
        }
        Scenario full = new Scenario(base.name(), base.description(), base.headline(), base.run(), base.population(), base.study(),
                base.decision(), base.humanCapital(), base.family(), base.policy(), base.kazakhstan(), base.economy(),
                base.regions(), base.destinations(), List.copyOf(timeline));
        if (timelineNode == null) {
            tree.set("timeline", JsonNodeFactory.instance.arrayNode());
        }
        return new Loaded(full, tree);
    }

    /**
     * Destination fields that only the calibration reads ({@code ./kosh calibrate-study} reads the
     * scenario itself, never a timeline entry), so a timed change could not act.
     */
    static final List<String> NOT_TIMED_DESTINATION_FIELDS = List.of("studentsEnrolled2022");

    private static void refuseCalibrationTargets(ObjectNode change, String p, OriginProblems op) {
        JsonNode dests = change.get("destinations");
        if (dests == null || !dests.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = dests.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (String field : NOT_TIMED_DESTINATION_FIELDS) {
                if (e.getValue().isObject() && e.getValue().has(field)) {
                    op.add(p + ".destinations." + e.getKey() + "." + field, "cannot change in a timeline entry: a calibration "
                            + "target (UNESCO 2022), read only by calibrate-study from the scenario itself; set it outside the timeline");
                }
            }
        }
    }

    /** Collects problems naming the file that set each field. */
    private static final class OriginProblems {
        final String leafFile;
        final Map<String, String> origin;
        final List<String> problems = new ArrayList<>();

        OriginProblems(String leafFile, Map<String, String> origin) {
            this.leafFile = leafFile;
            this.origin = origin;
        }

        void add(String path, String message) {
            String f = fileOf(path);
            boolean extended = !f.equals(leafFile) && !f.equals(DEFAULTS) && !f.startsWith("overlay of ");
            problems.add(f + ": " + Fields.cutPath(path) + ": " + message
                    + (extended ? " (in a file that " + Path.of(leafFile).getFileName() + " extends)" : ""));
        }

        String fileOf(String path) {
            String p = path.replaceAll("\\[\\d+]", "");
            if (p.startsWith("timeline")) {
                return leafFile;
            }
            while (!p.isEmpty()) {
                String f = origin.get(p);
                if (f != null) {
                    return f;
                }
                int dot = p.lastIndexOf('.');
                p = dot < 0 ? "" : p.substring(0, dot);
            }
            return leafFile;
        }
    }

    /**
     * One entry of a (combined) timeline, checked: its years (toYear null when it holds for
     * good), the rank of its file in the chain (0 the loaded file), its fields to change and
     * where to report their problems.
     */
    private record TimedEntry(int order, int fromYear, Integer toYear, boolean hasToYear, int rank, ObjectNode change,
                              Reporter reporter) {
        boolean inForce(int year) {
            return fromYear <= year && (toYear == null || year <= toYear);
        }
    }

    /** The order in which the entries in force in a year apply: extended files first, then by fromYear. */
    private static final java.util.Comparator<TimedEntry> APPLY_ORDER = java.util.Comparator
            .comparingInt((TimedEntry e) -> -e.rank()).thenComparingInt(TimedEntry::fromYear)
            .thenComparingInt(TimedEntry::order);

    /** The years in which the parameters may change: every fromYear and every toYear + 1. */
    private static java.util.TreeSet<Integer> breakpoints(List<TimedEntry> entries) {
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        for (TimedEntry e : entries) {
            years.add(e.fromYear());
            if (e.toYear() != null) {
                years.add(e.toYear() + 1);
            }
        }
        return years;
    }

    /** The tree in force in a year: {@code base} with the entries in force then, in {@link #APPLY_ORDER}. */
    private static ObjectNode stateAt(ObjectNode base, List<TimedEntry> entries, int year) {
        ObjectNode state = base.deepCopy();
        entries.stream().filter(e -> e.inForce(year)).sorted(APPLY_ORDER)
                .forEach(e -> merge(state, e.change(), "", null, new HashMap<>()));
        return state;
    }

    /**
     * Reports a problem of the parameters in force from {@code year}: under the entry starting
     * then that sets the field (else the last one starting then), or, in a year where entries
     * only end, under the toYear of the last one ending.
     */
    private static void reportAt(List<TimedEntry> entries, int year, String path, String message) {
        List<TimedEntry> starting = entries.stream().filter(e -> e.fromYear() == year).sorted(APPLY_ORDER).toList();
        if (!starting.isEmpty()) {
            TimedEntry best = starting.get(starting.size() - 1);
            int bestDepth = 0;
            for (TimedEntry e : starting) {
                int d = setDepth(e.change(), path);
                if (d >= bestDepth && d > 0) {
                    best = e;
                    bestDepth = d;
                }
            }
            best.reporter().add("." + path, message);
            return;
        }
        List<TimedEntry> ending = entries.stream().filter(e -> e.toYear() != null && e.toYear() + 1 == year)
                .sorted(APPLY_ORDER).toList();
        ending.get(ending.size() - 1).reporter().add(".toYear", "in the parameters in force from " + year
                + ", after this entry ends: " + Fields.cutPath(path) + ": " + message);
    }

    /** How many leading segments of a dotted field path a change sets (0: none). */
    private static int setDepth(ObjectNode change, String path) {
        JsonNode n = change;
        int depth = 0;
        for (String seg : path.replaceAll("\\[\\d+]", "").split("\\.")) {
            n = n != null && n.isObject() ? n.get(seg) : null;
            if (n == null) {
                break;
            }
            depth++;
        }
        return depth;
    }

    /**
     * The timeline as the resolved tree shows it, so that the tree alone reproduces the run:
     * what is in force before the first simulated year is folded into {@code tree}'s top level,
     * changes after the last year are left out (they never apply). Without toYear, the entries
     * themselves (those of one year merged); with toYear, the expanded timeline: one entry without
     * toYear for every year in which the parameters change, naming the fields that change then.
     */
    private static ArrayNode exportedTimeline(ObjectNode tree, List<TimedEntry> entries, java.util.TreeSet<Integer> breaks,
                                              RunSettings run) {
        if (run == null) {
            return JsonNodeFactory.instance.arrayNode();
        }
        int first = run.firstSimulatedYear();
        if (entries.stream().noneMatch(TimedEntry::hasToYear)) {
            List<ObjectNode> out = new ArrayList<>();
            for (TimedEntry e : entries.stream().sorted(java.util.Comparator.comparingInt(TimedEntry::fromYear)
                    .thenComparing(APPLY_ORDER)).toList()) {
                if (e.fromYear() < first) {
                    merge(tree, e.change(), "", null, new HashMap<>());
                } else if (e.fromYear() <= run.endYear()) {
                    ObjectNode o = JsonNodeFactory.instance.objectNode().put("fromYear", e.fromYear());
                    o.setAll(e.change().deepCopy());
                    out.add(o);
                }
            }
            return mergeSameYear(out);
        }
        ObjectNode base = tree.deepCopy();
        Integer before = breaks.lower(first);
        ObjectNode previous = before == null ? base : stateAt(base, entries, before);
        tree.removeAll();
        tree.setAll(previous.deepCopy());
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int year : breaks.subSet(first, true, run.endYear(), true)) {
            ObjectNode state = stateAt(base, entries, year);
            ObjectNode change = changedFields(previous, state);
            if (change.size() > 0) {
                ObjectNode o = JsonNodeFactory.instance.objectNode().put("fromYear", year);
                o.setAll(change);
                out.add(o);
            }
            previous = state;
        }
        return out;
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

    /** Receives one problem: the field path and the message. */
    private interface Reporter {
        void add(String path, String message);
    }

    private static Scenario bindOne(ObjectNode tree, Reporter reporter) {
        Fields.Problems problems = new Fields.Problems("") {
            @Override
            public void add(String path, String message) {
                reporter.add(path, message);
            }
        };
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP_LEVEL.contains(k)) {
                problems.add(k, "unknown field; allowed top-level fields: " + TOP_LEVEL);
            }
        }
        Fields top = new Fields(tree, "", problems);
        List<String> defaultRegionIds = DefaultTables.regionIds();
        List<String> defaultDestinationIds = DefaultTables.destinationIds();
        String name = top.text("name");
        String description = top.text("description", "");
        RunSettings run = sub(top, "run", RunSettings::read);
        PopulationParams population = sub(top, "population", PopulationParams::read);
        StudyParams study = sub(top, "study", f -> StudyParams.read(f, defaultDestinationIds));
        DecisionParams decision = sub(top, "decision", DecisionParams::read);
        HumanCapitalParams hc = sub(top, "humanCapital", HumanCapitalParams::read);
        FamilyParams family = sub(top, "family", FamilyParams::read);
        PolicyParams policy = sub(top, "policy", f -> PolicyParams.read(f, new SectionReader.Context(defaultRegionIds,
                defaultDestinationIds, DefaultTables.destinationGroups())));
        KazakhstanIndices kz = sub(top, "kazakhstan", KazakhstanIndices::read);
        EconomyParams economy = sub(top, "economy", EconomyParams::read);
        Map<String, RegionData> regions = top.byId("regions", defaultRegionIds, true, f -> RegionData.read(f, idOf(f)));
        Map<String, DestinationData> destinations = top.byId("destinations", defaultDestinationIds, true,
                f -> DestinationData.read(f, idOf(f)));
        top.has("timeline");
        top.has("extends");
        crossFieldRules(population, study, policy, run, problems);
        List<String> headline = HeadlineField.read(top, regions.keySet(), destinations.keySet());
        return new Scenario(name, description, headline, run, population, study, decision, hc, family, policy, kz, economy,
                java.util.Collections.unmodifiableMap(regions), java.util.Collections.unmodifiableMap(destinations),
                List.of());
    }

    /** Rules that join fields of different groups; each names the field to change and what is allowed. */
    private static void crossFieldRules(PopulationParams pop, StudyParams study, PolicyParams policy, RunSettings run,
                                        Fields.Problems problems) {
        if (pop == null || study == null || policy == null) {
            return;
        }
        int graduationAge = pop.entryAgeYears() + study.bachelorYears();
        if (graduationAge > pop.maxDecisionAgeYears()) {
            problems.add("population.entryAgeYears", "entry age " + pop.entryAgeYears() + " + study.bachelorYears "
                    + study.bachelorYears() + " = " + graduationAge + " is above population.maxDecisionAgeYears "
                    + pop.maxDecisionAgeYears() + ": no graduate would ever decide; allowed: entryAgeYears + bachelorYears <= maxDecisionAgeYears");
        }
        // the programmes' own rules (e.g. the Bolashak awards against the cohort, relocation's regions)
        policy.check(new SectionReader.Parts(run, pop, study), problems);
    }

    private static String idOf(Fields f) {
        String p = f.path();
        return p.substring(p.lastIndexOf('.') + 1);
    }

    private static <T> T sub(Fields top, String key, java.util.function.Function<Fields, T> reader) {
        Fields f = top.group(key);
        T t = reader.apply(f);
        f.done();
        return t;
    }

    private static void collectChain(Path file, List<Path> chain, List<String> problems) {
        Set<Path> seen = new LinkedHashSet<>();
        Path current = file;
        if (!isYamlName(file)) {
            problems.add(file + ": not a scenario file: the name must end in .yaml or .yml");
            return;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(file + ": file not found");
            return;
        }
        while (current != null) {
            if (!seen.add(current)) {
                problems.add(current + ": extends: cycle through " + seen);
                return;
            }
            chain.add(current);
            ObjectNode n = readYaml(current, problems);
            if (n == null) {
                return;
            }
            JsonNode ext = n.get("extends");
            if (ext == null || ext.isNull()) {
                current = null;
            } else if (!ext.isTextual()) {
                problems.add(current + ": extends" + lineOf(current, "extends") + ": expected the name of a .yaml or .yml "
                        + "scenario file, found " + Fields.describe(ext));
                return;
            } else {
                String value = ext.textValue();
                String where = current + ": extends" + lineOf(current, "extends") + ": '" + Fields.cut(value) + "' ";
                Path next;
                try {
                    next = current.getParent().resolve(value).normalize();
                } catch (java.nio.file.InvalidPathException e) {
                    problems.add(where + "is not a file name");
                    return;
                }
                // never read (and so never quote) a file that is not a scenario file
                if (!isYamlName(next)) {
                    problems.add(where + "is not allowed: extends must name a .yaml or .yml scenario file");
                    return;
                }
                if (!Files.isRegularFile(next)) {
                    problems.add(where + "does not exist (looked for " + next + ")");
                    return;
                }
                // a link named x.yaml may point at any file: the file it reaches must be a .yaml/.yml too
                try {
                    if (!isYamlName(next.toRealPath())) {
                        problems.add(where + "is a link to a file that is not a .yaml or .yml scenario file");
                        return;
                    }
                } catch (IOException e) {
                    problems.add(where + "cannot be read");
                    return;
                }
                current = next;
            }
        }
    }

    private static boolean isYamlName(Path p) {
        Path name = p.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** " (line N)" for the first line of a file that starts with {@code key:}, or "". */
    private static String lineOf(Path file, String key) {
        try (java.io.BufferedReader r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.matches("\\s*" + key + "\\s*:.*")) {
                    return " (line " + n + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // no line number then
        }
        return "";
    }

    /** {@link StrictYaml#read} for other YAML inputs (experiment files): a non-empty mapping, or null with the problems. */
    public static ObjectNode readFile(Path file, List<String> problems) {
        return StrictYaml.read(file, problems, "experiment");
    }

    /** Reads one scenario file with the strict YAML reader ({@link StrictYaml}). */
    static ObjectNode readYaml(Path file, List<String> problems) {
        return StrictYaml.read(file, problems, "scenario");
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

    /** The built-in defaults as a tree. */
    static ObjectNode defaults(Map<String, String> origin) {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream("defaults.yaml")) {
            ObjectNode tree = (ObjectNode) YAML.readTree(in);
            tree.set("regions", DefaultTables.regionsTree());
            tree.set("destinations", DefaultTables.destinationsTree());
            // the defaults of a programme added to the registry that defaults.yaml does not hold
            ObjectNode policy = (ObjectNode) tree.get("policy");
            for (SectionReader r : SectionReaders.all()) {
                if (r.defaults() != null && !policy.has(r.section())) {
                    policy.set(r.section(), YAML.valueToTree(r.defaults()));
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

    /** For tests and tools: the mapper used for scenario YAML. */
    public static ObjectMapper yamlMapper() {
        return YAML;
    }
}
