package kz.kosh.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.scenario.Fields;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An experiment: scenarios to compare (one is the reference), replications, base seed, scale,
 * optional year range and an optional parameter sweep whose design points become further
 * scenarios derived from the reference. Read from YAML:
 * <pre>
 * name: bolashak-study
 * scenarios: [../scenarios/baseline.yaml, ../scenarios/no-bolashak-obligation.yaml]
 * reference: baseline          # a scenario name; default the first
 * replications: 20
 * baseSeed: 1
 * scale: 0.1
 * endYear: 2035                # optional; also startYear, spinUpYears
 * agentPaymentsFromYear: 2026  # optional: keep each replication's per-agent payment ledger from this year (deadweight)
 * sweep:                       # optional
 *   design: grid               # or latin-hypercube (points, seed), sobol, saltelli (points), morris
 *   parameters:
 *     - {path: decision.followThroughAbroad, values: [0.3, 0.7]}        # grid
 *     - {path: policy.bolashak.awardsPerYear, min: 260, max: 1040}    # latin-hypercube
 * </pre>
 * Replication r of every scenario uses seed baseSeed + r (common random numbers) and, with a
 * {@link ParameterEnsemble} ({@code --parameter-ensemble FILE}), parameter set r mod K.
 */
public record ExperimentSpec(String name, List<Entry> scenarios, int referenceIndex, int replications, long baseSeed,
                             double scale, Integer startYear, Integer endYear, Integer spinUpYears,
                             ParameterEnsemble ensemble, Integer agentPaymentsFromYear) {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExperimentSpec.class);

    /** An experiment without a parameter ensemble. */
    public ExperimentSpec(String name, List<Entry> scenarios, int referenceIndex, int replications, long baseSeed,
                          double scale, Integer startYear, Integer endYear, Integer spinUpYears) {
        this(name, scenarios, referenceIndex, replications, baseSeed, scale, startYear, endYear, spinUpYears, null);
    }

    /** An experiment without per-agent payment ledgers. */
    public ExperimentSpec(String name, List<Entry> scenarios, int referenceIndex, int replications, long baseSeed,
                          double scale, Integer startYear, Integer endYear, Integer spinUpYears, ParameterEnsemble ensemble) {
        this(name, scenarios, referenceIndex, replications, baseSeed, scale, startYear, endYear, spinUpYears, ensemble, null);
    }

    /**
     * The same experiment with every replication's per-agent payment ledger of the years from
     * {@code fromYear} kept beside its indicators ({@code agentPaymentsFromYear: 2026};
     * kz.kosh.sim.AgentPayments, IndicatorTable#agentsFile): what a paired comparison needs to
     * measure deadweight (kosh search); null: none.
     */
    public ExperimentSpec withAgentPayments(Integer fromYear) {
        return new ExperimentSpec(name, scenarios, referenceIndex, replications, baseSeed, scale, startYear, endYear,
                spinUpYears, ensemble, fromYear);
    }

    /**
     * The same experiment with parameter set r mod K of {@code e} in replication r, checked
     * against every scenario (see {@link #checkEnsemble}); null removes the ensemble.
     */
    public ExperimentSpec withEnsemble(ParameterEnsemble e) {
        ExperimentSpec s = new ExperimentSpec(name, scenarios, referenceIndex, replications, baseSeed, scale, startYear,
                endYear, spinUpYears, e, agentPaymentsFromYear);
        if (e != null) {
            s.checkEnsemble();
        }
        return s;
    }

    /**
     * Refuses an ensemble that would erase what is compared: a parameter that a sweep varies. A
     * parameter whose value a compared scenario sets apart from the reference (a policy lever that
     * is also a free parameter, e.g. no-bolashak-obligation's breach cost 0) keeps that scenario's
     * value ({@link #ownValues}); the sets vary it in the scenarios that share the reference's value.
     * Each set is validated against the reference scenario by {@link ParameterEnsemble#validate}.
     */
    void checkEnsemble() {
        List<String> problems = new ArrayList<>();
        String where = ensemble.file().toString();
        Entry ref = scenarios.get(referenceIndex);
        com.fasterxml.jackson.databind.node.ObjectNode refTree = load(ref).tree();
        for (Entry e : scenarios) {
            if (e.overlay() != null) {
                for (String p : ensemble.paths()) {
                    if (!e.overlay().at(ParameterEnsemble.pointer(p)).isMissingNode()) {
                        problems.add(where + ": column " + p + ": the sweep varies it too (design point " + e.name()
                                + "); a parameter is either swept or drawn from the ensemble, not both");
                    }
                }
            }
        }
        java.util.Set<java.nio.file.Path> checked = new java.util.HashSet<>();
        for (Entry e : scenarios) {
            if (e == ref || e.overlay() != null) {
                continue;
            }
            com.fasterxml.jackson.databind.node.ObjectNode tree = load(e).tree();
            for (int c : ownValues(refTree, tree)) {
                String p = ensemble.paths().get(c);
                LOG.info("{}: column {}: scenario {} sets it to {} (the reference {} to {}) and keeps its own value; "
                        + "the parameter sets vary it in the other scenarios", where, p, e.name(),
                        tree.at(ParameterEnsemble.pointer(p)), ref.name(), refTree.at(ParameterEnsemble.pointer(p)));
            }
            if (problems.isEmpty() && checked.add(e.file())) {
                ensemble.validate(e.file());
            }
        }
        if (problems.isEmpty() && checked.add(ref.file())) {
            ensemble.validate(ref.file());
        }
        if (!problems.isEmpty()) {
            throw new ParameterEnsemble.InvalidEnsembleException(problems);
        }
    }

    /**
     * The ensemble's columns (indices) whose value a scenario's tree sets apart from the
     * reference's: the scenario's own levers, which the parameter sets leave alone.
     */
    java.util.Set<Integer> ownValues(JsonNode refTree, JsonNode tree) {
        java.util.Set<Integer> own = new java.util.TreeSet<>();
        for (int c = 0; c < ensemble.paths().size(); c++) {
            String ptr = ParameterEnsemble.pointer(ensemble.paths().get(c));
            if (!refTree.at(ptr).equals(tree.at(ptr))) {
                own.add(c);
            }
        }
        return own;
    }

    /**
     * The resolved scenario of an entry with parameter set {@code set} of the ensemble overlaid
     * last, except the columns the scenario sets apart from the reference ({@link #ownValues}).
     */
    public ScenarioLoader.Loaded load(Entry e, int set) {
        ObjectNode o = runOverlay(e.overlay());
        o = o == null ? JsonNodeFactory.instance.objectNode() : o;
        Entry ref = scenarios.get(referenceIndex);
        java.util.Set<Integer> own = e == ref || e.overlay() != null ? java.util.Set.of()
                : ownValues(load(ref).tree(), load(e).tree());
        merge(o, ensemble.overlay(set, own));
        ScenarioLoader.Loaded l = ScenarioLoader.load(e.file(), o, e.name());
        return l.withRun(l.scenario().run().seed(), scale);
    }

    /** Merges overlay {@code from} into {@code into}: mappings merge, other values (lists too) replace. */
    public static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(f -> {
            if (f.getValue().isObject() && into.get(f.getKey()) instanceof ObjectNode o) {
                merge(o, (ObjectNode) f.getValue());
            } else {
                into.set(f.getKey(), f.getValue().deepCopy());
            }
        });
    }

    /** The ensemble's set (0-based) of replication r; 0 without an ensemble. */
    public int setOf(int replication) {
        return ensemble == null ? 0 : ensemble.setOf(replication);
    }

    /** One scenario of the experiment: a file, an optional overlay (a design point) and its name. */
    public record Entry(String name, Path file, ObjectNode overlay) {
    }

    /** The resolved scenario of an entry, with the experiment's run settings. */
    public ScenarioLoader.Loaded load(Entry e) {
        ScenarioLoader.Loaded l = ScenarioLoader.load(e.file(), runOverlay(e.overlay()), e.name());
        return l.withRun(l.scenario().run().seed(), scale);
    }

    private ObjectNode runOverlay(ObjectNode overlay) {
        ObjectNode o = overlay == null ? JsonNodeFactory.instance.objectNode() : overlay.deepCopy();
        if (startYear != null || endYear != null || spinUpYears != null) {
            putRunYears(o.withObject("/run"), startYear, endYear, spinUpYears);
        }
        return o.isEmpty() ? null : o;
    }

    /**
     * Writes the run years an experiment (or a file that becomes one) sets into {@code node}:
     * {@code startYear}, {@code endYear} and {@code spinUpYears}, each only when given.
     */
    public static void putRunYears(ObjectNode node, Integer startYear, Integer endYear, Integer spinUpYears) {
        if (startYear != null) {
            node.put("startYear", startYear);
        }
        if (endYear != null) {
            node.put("endYear", endYear);
        }
        if (spinUpYears != null) {
            node.put("spinUpYears", spinUpYears);
        }
    }

    /** Seed of replication r. */
    public long seed(int replication) {
        return baseSeed + replication;
    }

    /**
     * The comparison of files given on the command line ({@code kosh compare}); the first file is
     * the reference; a null name becomes {@link #defaultCompareName}.
     */
    public static ExperimentSpec compare(String name, List<Path> files, int replications, long baseSeed, double scale) {
        List<Entry> entries = new ArrayList<>();
        for (Path f : files) {
            entries.add(new Entry(ScenarioLoader.load(f).scenario().name(), f, null));
        }
        checkUniqueNames(entries, "compare");
        String n = name != null ? name : defaultCompareName(entries.stream().map(Entry::name).toList());
        return new ExperimentSpec(n, entries, 0, replications, baseSeed, scale, null, null, null);
    }

    /**
     * The default name of a comparison, one per set of scenarios (so that a second comparison
     * against the same reference gets its own folder): "compare-&lt;reference&gt;-vs-&lt;other&gt;"
     * for two scenarios, "compare-&lt;reference&gt;-vs-&lt;first other&gt;-and-N-more-&lt;hash&gt;" for more,
     * the hash (8 hex digits of SHA-256) over all names in order.
     */
    public static String defaultCompareName(List<String> names) {
        String head = "compare-" + names.get(0) + "-vs-" + (names.size() > 1 ? names.get(1) : names.get(0));
        if (names.size() <= 2) {
            return head;
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", names).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return head + "-and-" + (names.size() - 2) + "-more-" + java.util.HexFormat.of().formatHex(d, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads and validates an experiment file; every problem is reported in one pass. */
    public static ExperimentSpec load(Path file) {
        // the same guarded reading as scenario files: size limit, duplicate keys, anchors, empty files
        JsonNode root = kz.kosh.scenario.StrictYaml.readOrThrow(file, "experiment");
        Fields.Problems problems = new Fields.Problems(file.toString());
        Fields f = new Fields(root, "", problems);
        String name = f.name(file);
        List<Entry> entries = new ArrayList<>();
        JsonNode list = f.raw("scenarios");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add("scenarios", "expected a non-empty list of scenario files (relative to the experiment file)");
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonNode n = list.get(i);
                if (!n.isTextual()) {
                    problems.add("scenarios[" + i + "]", "expected a file name");
                    continue;
                }
                Path p = file.toAbsolutePath().getParent().resolve(n.textValue()).normalize();
                try {
                    entries.add(new Entry(ScenarioLoader.load(p).scenario().name(), p, null));
                } catch (ScenarioException e) {
                    for (String s : e.problems()) {
                        problems.add("scenarios[" + i + "]", s);
                    }
                }
            }
        }
        int replications = f.integer("replications", 1, 1_000_000);
        long baseSeed = f.longValue("baseSeed", 1, Long.MAX_VALUE / 2);
        double scale = f.num("scale", 1e-4, 1.0);
        Integer start = f.has("startYear") ? f.integer("startYear", 1990, 2100) : null;
        Integer end = f.has("endYear") ? f.integer("endYear", 1990, 2150) : null;
        Integer spin = f.has("spinUpYears") ? f.integer("spinUpYears", 0, 60) : null;
        Integer agentPayments = f.has("agentPaymentsFromYear") ? f.integer("agentPaymentsFromYear", 1990, 2150) : null;
        int reference = referenceOf(f, entries, problems);
        if (f.has("sweep") && !entries.isEmpty()) {
            Fields sw = f.group("sweep");
            entries.addAll(Sweep.designPointsOf(sw, entries.get(reference), sw.text("design"), problems));
            sw.done();
        }
        f.done();
        if (problems.isEmpty() && (long) replications * entries.size() > MAX_RUNS) {
            problems.add("replications", replications + " replications x " + entries.size() + " scenarios and design points = "
                    + (long) replications * entries.size() + " runs; at most " + MAX_RUNS);
        }
        duplicateNames(entries).forEach(n -> problems.add("scenarios", "two scenarios are named '" + n
                + "'; give each file its own name: field"));
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.list());
        }
        return new ExperimentSpec(name, List.copyOf(entries), reference, replications, baseSeed, scale, start, end, spin,
                null, agentPayments);
    }

    /** Largest number of replications of all scenarios and design points together. */
    public static final long MAX_RUNS = 10_000_000L;

    private static int referenceOf(Fields f, List<Entry> entries, Fields.Problems problems) {
        if (!f.has("reference")) {
            return 0;
        }
        String ref = f.raw("reference").asText();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name().equals(ref)) {
                return i;
            }
        }
        problems.add("reference", "unknown scenario '" + ref + "'; allowed: " + entries.stream().map(Entry::name).toList());
        return 0;
    }

    private static void checkUniqueNames(List<Entry> entries, String where) {
        List<String> dup = duplicateNames(entries);
        if (!dup.isEmpty()) {
            throw new ScenarioException(List.of(where + ": two scenarios are named '" + dup.get(0)
                    + "'; give each file its own name: field"));
        }
    }

    private static List<String> duplicateNames(List<Entry> entries) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> dup = new ArrayList<>();
        for (Entry e : entries) {
            if (!seen.add(e.name()) && !dup.contains(e.name())) {
                dup.add(e.name());
            }
        }
        return dup;
    }

    /** A short description for logs. */
    public String describe() {
        String s = String.format(Locale.ROOT, "%s: %d scenarios x %d replications, scale %s, seeds %d..%d", name,
                scenarios.size(), replications, kz.kosh.output.Fmt.number(scale), baseSeed, baseSeed + replications - 1);
        return ensemble == null ? s : s + ", " + ensemble.describe() + " (replication r uses set r mod "
                + ensemble.size() + ")";
    }
}
