package kz.kosh.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.calibration.StudyCalibration;
import kz.kosh.output.Indicators;
import kz.kosh.sim.KoshSim;
import kz.kosh.sim.Stocks;
import kz.kosh.sim.YearCounters;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * No dead switches: every field a scenario accepts changes some output, or is refused by
 * validation. The test walks the fully resolved scenario tree (defaults, region and destination
 * tables), so fields added later are picked up without touching this test:
 * <ul>
 *   <li>every numeric or boolean leaf, every list element and every entry of a map of ids
 *       (e.g. {@code decision.incomeWeight[1]}, {@code study.destinationConstants.RU});</li>
 *   <li>every column of the region and destination tables (numbers changed in every other row,
 *       so that a column used relative to the other rows changes too; booleans flipped and
 *       enumerated texts changed in every row);</li>
 *   <li>lists of ids (the first id is dropped) and the enumerated text columns;</li>
 * </ul>
 * For each, a perturbed scenario (a valid value: ×1.5, ÷1.5, +1, −1 clamped into the bounds that
 * validation reports; booleans flipped; a share map's other entries rescaled so that it keeps
 * its sum) is run and its outputs (every indicator, flow and stock, as numbers) are compared with
 * the unperturbed run; when nothing changes, stronger values are tried (×10, ÷10, the bounds).
 * The calibration output ({@code ./kosh calibrate-study}) counts as an output too. The same
 * walk is repeated with the change in a {@code timeline} entry from 2002 (the first cohorts have
 * graduated): it must be refused by validation (naming the entry and the field) or change some
 * output from the entry's year on (a sex share, for instance, acts through partnerships years later).
 *
 * <p>The run is short and small but long enough for every mechanism: 18 spin-up years plus
 * 2015-2021, so that graduates reach every age band and pass the decision age 40 (ageing out,
 * partnerships up to 35, masters and PhDs, obligations served, permits expiring).
 *
 * <p>Cheap walks: every simulated year is compared, the spin-up years included (the runs are
 * made with the spin-up recorded: {@code startYear - spinUpYears} as the start year and no
 * spin-up, which is the same simulation, since recording draws no random numbers), against one
 * shared unperturbed run, and a perturbed run stops at the first year whose outputs differ. Most
 * fields show in the first simulated years, so a field costs a few simulated years instead of 25.
 * The fields are walked in parallel on every core.
 */
class NoDeadSwitchTest {
    private static final double SCALE = 0.01;
    private static final int START = 2015;
    private static final int END = 2021;
    private static final int SPIN_UP = 18;
    /**
     * The year of the timeline entries: 2002, when the first cohorts (entered 1997) have
     * graduated, so that the entry changes a running world, not the initial one; the entry holds
     * to the end of the run (2021), long enough for effects such as partnerships to show. Early,
     * because every year before it is simulated for each field and compares equal.
     */
    private static final int TIMELINE_YEAR = START - SPIN_UP + 5;
    private static final long SEED = 7;

    /** Text fields that only describe (no output can depend on them), with the reason. */
    private static final Map<String, String> EXEMPT = Map.of(
            "name", "scenario name, a label of the output directory",
            "description", "free text shown by describe",
            "regions.*.name", "descriptive name of a region (labels in the GUI and the map)",
            "destinations.*.name", "descriptive name of a destination (labels in the GUI and the map)",
            "destinations.*.repCity", "name of the representative city; its coordinates repLat/repLon are walked",
            "destinations.*.wageBasis", "documents how wageKztPerMonth was converted; the wage itself is walked",
            "timeline", "the timed changes themselves; every field is walked again inside a timeline entry, "
                    + "and an entry's toYear by toYearChangesSomeOutput");

    /** Explicit changes of the run settings: calendar years and counts move by one (N of the non-return indicators too). */
    private static final Map<String, Double> RUN_STEPS = Map.of(
            "run.startYear", 1.0, "run.endYear", 1.0, "run.spinUpYears", 1.0, "run.seed", 1.0,
            "run.nonReturnYearsAfterGraduation", 1.0);

    private static final Pattern BOUNDS = Pattern.compile("\\[(-?[0-9][0-9.E+-]*), (-?[0-9][0-9.E+-]*)]");

    /** One walked field: a path in the tree, or a table column ("regions.*.col"). */
    private record Field(String path, List<Object> steps, boolean column) {
    }

    /** A perturbation: the perturbed tree and what was changed, for messages. */
    private record Variant(ObjectNode tree, String what) {
    }

    private record Outcome(String field, boolean ok, String note) {
    }

    @Test
    void everyFieldChangesSomeOutputOrIsRefused() throws Exception {
        // -Dkosh.noDeadSwitch.only=REGEX walks only the matching fields (while developing a lever)
        checkNoDeadSwitch(baseTree(), System.getProperty("kosh.noDeadSwitch.only"));
    }

    /**
     * The plug-in proof of issue 17: a programme the main code has never heard of
     * ({@link kz.kosh.example.ArrivalGrant}, a test source), registered here and switched on in the
     * base tree, has no dead switch either: each of its fields (and each again in a timeline entry)
     * changes some output or is refused.
     */
    @Test
    void anExtraProgrammeRegisteredByATestHasNoDeadSwitch() throws Exception {
        try (AutoCloseable ignored = kz.kosh.example.ArrivalGrant.PROGRAMME.register()) {
            ObjectNode base = baseTree();
            ObjectNode grant = (ObjectNode) base.get("policy").get(kz.kosh.example.ArrivalGrant.SECTION);
            grant.put("enabled", true).put("grantKzt", 40_000_000);
            grant.putArray("regions").add("KZ-61").add("KZ-63");
            List<String> walked = checkNoDeadSwitch(base, "policy\\.arrivalGrant\\..*");
            assertTrue(walked.containsAll(List.of("policy.arrivalGrant.enabled", "policy.arrivalGrant.grantKzt",
                    "policy.arrivalGrant.regions")), "walked " + walked);
        }
    }

    /**
     * Issue 20, session 5: the weight of one-time money and every field of the relocation
     * programme (whose move hook now keeps a per-agent record, relocation_origin, read back by
     * relocation_went_back) are walked and each changes some output.
     */
    @Test
    void theMoneyWeightAndTheRelocationFieldsAreWalked() throws Exception {
        List<String> walked = checkNoDeadSwitch(baseTree(), "decision\\.oneTimeMoneyWeight|policy\\.relocation\\..*");
        assertTrue(walked.containsAll(List.of("decision.oneTimeMoneyWeight", "policy.relocation.enabled",
                "policy.relocation.subsidyKzt", "policy.relocation.fromRegions", "policy.relocation.toRegions")),
                "walked " + walked);
    }

    /**
     * The same for the test-only programme with per-agent state ({@link kz.kosh.example.ReturnerBonus}:
     * a graduation hook and a field of its own): each of its fields changes some output.
     */
    @Test
    void anExtraProgrammeWithPerAgentStateHasNoDeadSwitch() throws Exception {
        try (AutoCloseable ignored = kz.kosh.example.ReturnerBonus.PROGRAMME.register()) {
            ObjectNode base = baseTree();
            ((ObjectNode) base.get("policy").get(kz.kosh.example.ReturnerBonus.SECTION)).put("enabled", true)
                    .put("bonusKzt", 5_000_000);
            List<String> walked = checkNoDeadSwitch(base, "policy\\.returnerBonus\\..*");
            assertTrue(walked.containsAll(List.of("policy.returnerBonus.enabled", "policy.returnerBonus.bonusKzt")),
                    "walked " + walked);
        }
    }

    /** Walks the fields of {@code base} (those matching {@code only} when not null); fails on a dead switch; returns the paths walked. */
    private static List<String> checkNoDeadSwitch(ObjectNode base, String only) throws Exception {
        long t0 = System.nanoTime();
        List<Field> fields = new ArrayList<>();
        List<String> unknownText = new ArrayList<>();
        walk(base, new ArrayList<>(), "", fields, unknownText);
        if (only != null) {
            fields.removeIf(f -> !f.path.matches(only));
            unknownText.removeIf(x -> !x.matches(only));
        } else {
            assertTrue(fields.size() > 100, "walked only " + fields.size() + " fields");
        }
        long[] baseline = outputs(base, null, 0);
        Map<String, Double> baselineCalibration = calibration(bind(base));
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (Field f : fields) {
            futures.add(pool.submit(() -> checkField(base, f, baseline, baselineCalibration)));
            futures.add(pool.submit(() -> checkTimeline(base, f, baseline)));
        }
        List<String> dead = new ArrayList<>(unknownText);
        List<String> notable = new ArrayList<>();
        int refused = 0;
        for (Future<Outcome> fu : futures) {
            Outcome o = fu.get();
            if (!o.ok) {
                dead.add(o.field + ": " + o.note);
            } else if (o.note.startsWith("refused")) {
                refused++;
                notable.add(o.field + ": " + o.note);
            } else if (o.note.matches(".*(x10|/10|bound|calibrate-study).*")) {
                notable.add(o.field + ": " + o.note);
            }
        }
        // fields that act only at stronger values, only through the calibration, or are refused in a timeline entry
        notable.forEach(n -> System.out.println("NoDeadSwitchTest: " + n));
        pool.shutdown();
        System.out.printf("NoDeadSwitchTest: %d fields walked (and again in a timeline entry, %d refused there), "
                + "%d exempt text fields, %.1f s%n", fields.size(), refused, EXEMPT.size(), (System.nanoTime() - t0) / 1e9);
        if (!dead.isEmpty()) {
            fail(dead.size() + " dead switches (a valid change of the field changes no output and is not refused):\n  "
                    + String.join("\n  ", dead));
        }
        List<String> walked = new ArrayList<>();
        for (Field f : fields) {
            walked.add(f.path);
        }
        return walked;
    }

    /**
     * A timeline entry's {@code toYear} is a switch too: the same entry (from {@link #TIMELINE_YEAR}, in the
     * simulated years) with a toYear before the recorded years must change some recorded output
     * against the entry without toYear (a toYear that changes nothing would be a dead switch).
     */
    @Test
    void toYearChangesSomeOutput() {
        ObjectNode base = baseTree();
        for (String change : List.of("{\"destinations\": {\"DE\": {\"workAccess\": 0}, \"RU\": {\"workAccess\": 0.2}}}",
                "{\"decision\": {\"stayBonus\": 0.5}}")) {
            long[] forGood = outputs(withEntry(base, change, null), null, 0);
            assertTrue(differs(outputs(withEntry(base, change, TIMELINE_YEAR + 2), forGood, TIMELINE_YEAR), forGood),
                    "toYear changes no output: " + change);
            assertTrue(differs(outputs(base, forGood, TIMELINE_YEAR), forGood), "the entry changes no output: " + change);
        }
    }

    /** The tree with one timeline entry from {@link #TIMELINE_YEAR} (and to toYear, when given). */
    private static ObjectNode withEntry(ObjectNode base, String changeJson, Integer toYear) {
        ObjectNode t = base.deepCopy();
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("fromYear", TIMELINE_YEAR);
        if (toYear != null) {
            entry.put("toYear", toYear);
        }
        try {
            entry.setAll((ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(changeJson));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        t.set("timeline", JsonNodeFactory.instance.arrayNode().add(entry));
        return t;
    }

    // ---- the walk ----

    private static void walk(JsonNode n, List<Object> steps, String path, List<Field> out, List<String> unknownText) {
        if (EXEMPT.containsKey(path)) {
            return;
        }
        if (path.equals("regions") || path.equals("destinations")) {
            ObjectNode first = (ObjectNode) n.elements().next();
            for (Iterator<String> it = first.fieldNames(); it.hasNext(); ) {
                String col = it.next();
                String p = path + ".*." + col;
                if (EXEMPT.containsKey(p)) {
                    continue;
                }
                JsonNode v = first.get(col);
                if (v.isTextual() && !TEXT_RULES.containsKey(p)) {
                    unknownText.add(p + ": text column with no perturbation rule and no exemption in this test");
                    continue;
                }
                out.add(new Field(p, List.of(path, col), true));
            }
            return;
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<Object> s = new ArrayList<>(steps);
                s.add(e.getKey());
                walk(e.getValue(), s, path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out, unknownText);
            }
        } else if (n.isArray()) {
            boolean texts = n.size() > 0;
            for (JsonNode e : n) {
                texts &= e.isTextual();
            }
            if (texts) {
                out.add(new Field(path, steps, false));
                return;
            }
            for (int i = 0; i < n.size(); i++) {
                List<Object> s = new ArrayList<>(steps);
                s.add(i);
                walk(n.get(i), s, path + "[" + i + "]", out, unknownText);
            }
        } else if (n.isNumber() || n.isBoolean()) {
            out.add(new Field(path, steps, false));
        } else if (n.isTextual()) {
            if (TEXT_RULES.containsKey(path) || TEXT_CHOICES.containsKey(idPattern(path))) {
                out.add(new Field(path, steps, false));
            } else {
                unknownText.add(path + ": text field with no perturbation rule and no exemption in this test");
            }
        }
    }

    /** Perturbations of enumerated text columns: one changed value per row. */
    private static final Map<String, java.util.function.BiFunction<List<String>, Integer, String>> TEXT_RULES = Map.of(
            // regions become cities and cities regions
            "regions.*.type", (all, i) -> all.get(i).equals("city") ? "region" : "city",
            // each destination takes the group of the next row
            "destinations.*.group", (all, i) -> all.get((i + 1) % all.size()));

    /**
     * Enumerated text fields of the entries of a map of ids (the id replaced by {@code *}): the
     * values tried instead of the current one.
     */
    private static final Map<String, List<String>> TEXT_CHOICES = Map.of(
            "policy.visaRoutes.*.study", List.of("open", "closed"),
            "policy.visaRoutes.*.work", List.of("open", "closed"));

    /** Number fields that belong to one value of an enumerated text field: unset (null) when it changes. */
    private static final Map<String, List<String>> TEXT_COMPANIONS = Map.of(
            "policy.visaRoutes.*.study", List.of("studyQuotaPerYear"),
            "policy.visaRoutes.*.work", List.of("workCapPerYear", "workLotteryOdds"));

    /** The path with the id of a {@code policy.visaRoutes} entry replaced by {@code *}. */
    private static String idPattern(String path) {
        return path.replaceFirst("^(policy\\.visaRoutes)\\.[^.]+\\.", "$1.*.");
    }

    // ---- one field ----

    private static Outcome checkField(ObjectNode base, Field f, long[] baseline, Map<String, Double> calibration) {
        List<Variant> mild = variants(base, f, false);
        if (mild.isEmpty()) {
            return new Outcome(f.path, false, "no valid changed value found (bounds " + bounds(base, f) + ")");
        }
        List<String> tried = new ArrayList<>();
        for (List<Variant> stage : List.of(mild, variants(base, f, true))) {
            for (Variant v : stage) {
                tried.add(v.what);
                long[] out = outputs(v.tree, baseline, 0);
                if (differs(out, baseline)) {
                    return new Outcome(f.path, true, "changes outputs in " + firstDifference(out, baseline) + " with " + v.what);
                }
                if (!calibration(bind(v.tree)).equals(calibration)) {
                    return new Outcome(f.path, true, "changes the calibrate-study output with " + v.what);
                }
            }
        }
        // projection fields act only after the observed series end (wages 2025; births 2025 ->
        // school leavers 2043): a run to LONG_END is the last chance before calling a field dead
        ObjectNode longBase = withEnd(base, LONG_END);
        long[] longBaseline = longBaseline(longBase);
        for (Variant v : variants(base, f, false)) {
            if (differs(outputs(withEnd(v.tree, LONG_END), longBaseline, 0), longBaseline)) {
                return new Outcome(f.path, true, "changes outputs by " + LONG_END + " with " + v.what);
            }
        }
        return new Outcome(f.path, false, "no output changes with " + String.join("; ", tried)
                + " (nor in a run to " + LONG_END + ")");
    }

    /** Last year of the fallback run for fields that act only after the observed series end. */
    private static final int LONG_END = 2045;
    private static long[] longBaselineOutputs;

    private static synchronized long[] longBaseline(ObjectNode longBase) {
        if (longBaselineOutputs == null) {
            longBaselineOutputs = outputs(longBase, null, 0);
        }
        return longBaselineOutputs;
    }

    private static ObjectNode withEnd(ObjectNode tree, int endYear) {
        ObjectNode t = tree.deepCopy();
        ((ObjectNode) t.get("run")).put("endYear", endYear);
        return t;
    }

    private static Outcome checkTimeline(ObjectNode base, Field f, long[] baseline) {
        String p = "timeline." + f.path;
        List<String> tried = new ArrayList<>();
        List<Variant> all = new ArrayList<>(variants(base, f, false));
        all.addAll(variants(base, f, true));
        if (all.isEmpty()) {
            return new Outcome(p, false, "no valid changed value found");
        }
        for (Variant v : all) {
            ObjectNode change = ScenarioLoader.changedFields(base, v.tree);
            ObjectNode t = base.deepCopy();
            ObjectNode entry = JsonNodeFactory.instance.objectNode();
            entry.put("fromYear", TIMELINE_YEAR);
            entry.setAll(change);
            t.set("timeline", JsonNodeFactory.instance.arrayNode().add(entry));
            try {
                ScenarioLoader.bind(t.deepCopy(), new HashMap<>(), "test.yaml");
            } catch (ScenarioException e) {
                String top = f.path.split("[.\\[]")[0];
                boolean named = e.problems().stream().anyMatch(l -> l.contains("timeline[0]." + top));
                return named ? new Outcome(p, true, "refused: " + e.problems().get(0))
                        : new Outcome(p, false, "refused without naming the field: " + e.problems());
            }
            tried.add(v.what);
            // the years before the entry are the baseline's: compared from the entry's year on
            long[] out = outputs(t, baseline, TIMELINE_YEAR);
            if (differs(out, baseline)) {
                return new Outcome(p, true, "changes outputs in " + firstDifference(out, baseline) + " with " + v.what);
            }
        }
        return new Outcome(p, false, "a timeline entry from " + TIMELINE_YEAR + " changes no output with "
                + String.join("; ", tried));
    }

    /** Changed copies of the tree, valid ones only, in order of preference. */
    private static List<Variant> variants(ObjectNode base, Field f, boolean strong) {
        List<Variant> out = new ArrayList<>();
        if (f.column) {
            ObjectNode table = (ObjectNode) base.get((String) f.steps.get(0));
            String col = (String) f.steps.get(1);
            JsonNode sample = table.elements().next().get(col);
            if (sample.isTextual()) {
                if (strong) {
                    return out;
                }
                List<String> all = new ArrayList<>();
                table.elements().forEachRemaining(r -> all.add(r.get(col).textValue()));
                ObjectNode t = base.deepCopy();
                int i = 0;
                for (JsonNode r : (ObjectNode) t.get((String) f.steps.get(0))) {
                    ((ObjectNode) r).put(col, TEXT_RULES.get(f.path).apply(all, i++));
                }
                addIfValid(out, new Variant(t, "changed in every row"));
                return out;
            }
            if (sample.isBoolean()) {
                if (!strong) {
                    ObjectNode t = base.deepCopy();
                    for (JsonNode r : (ObjectNode) t.get((String) f.steps.get(0))) {
                        ((ObjectNode) r).put(col, !r.get(col).booleanValue());
                    }
                    addIfValid(out, new Variant(t, "flipped in every row"));
                }
                return out;
            }
            double[] b = bounds(base, f);
            // every other row (the first, third, ...): a column used only relative to the other
            // rows (e.g. population shares) would not change if all rows were scaled alike
            for (Step step : steps(f.path, strong)) {
                ObjectNode t = base.deepCopy();
                boolean changed = false;
                int i = 0;
                for (JsonNode r : (ObjectNode) t.get((String) f.steps.get(0))) {
                    if (i++ % 2 != 0) {
                        continue;
                    }
                    double x = r.get(col).doubleValue();
                    Optional<JsonNode> v = apply(step, x, r.get(col), b);
                    if (v.isPresent()) {
                        ((ObjectNode) r).set(col, v.get());
                        changed = true;
                    }
                }
                if (changed) {
                    addIfValid(out, new Variant(t, step.name + " in every other row"));
                }
            }
            return out;
        }
        JsonNode node = get(base, f.steps);
        if (node.isArray()) {
            if (!strong) {
                ObjectNode t = base.deepCopy();
                ((ArrayNode) get(t, f.steps)).remove(0);
                addIfValid(out, new Variant(t, "first id dropped"));
            }
            return out;
        }
        if (node.isBoolean()) {
            if (!strong) {
                ObjectNode t = base.deepCopy();
                set(t, f.steps, JsonNodeFactory.instance.booleanNode(!node.booleanValue()));
                addIfValid(out, new Variant(t, "flipped to " + !node.booleanValue()));
            }
            return out;
        }
        if (node.isTextual()) {
            if (!strong) {
                for (String alt : TEXT_CHOICES.getOrDefault(idPattern(f.path), List.of())) {
                    if (!alt.equals(node.textValue())) {
                        ObjectNode t = base.deepCopy();
                        set(t, f.steps, JsonNodeFactory.instance.textNode(alt));
                        ObjectNode entry = (ObjectNode) get(t, f.steps.subList(0, f.steps.size() - 1));
                        for (String companion : TEXT_COMPANIONS.getOrDefault(idPattern(f.path), List.of())) {
                            if (entry.has(companion)) {
                                entry.putNull(companion);
                            }
                        }
                        addIfValid(out, new Variant(t, node.textValue() + " -> " + alt));
                    }
                }
            }
            return out;
        }
        double[] b = bounds(base, f);
        for (Step step : steps(f.path, strong)) {
            Optional<JsonNode> v = apply(step, node.doubleValue(), node, b);
            if (v.isEmpty()) {
                continue;
            }
            ObjectNode t = base.deepCopy();
            set(t, f.steps, v.get());
            String what = node.asText() + " -> " + v.get().asText();
            if (!addIfValid(out, new Variant(t, what))) {
                rescaleSiblings(t, f.steps, node.doubleValue(), v.get().doubleValue());
                addIfValid(out, new Variant(t, what + " (other entries rescaled to keep the sum)"));
            }
        }
        return out;
    }

    /** In a map of numbers, rescales the other entries so that the map keeps its sum. */
    private static void rescaleSiblings(ObjectNode t, List<Object> steps, double before, double after) {
        if (!(steps.get(steps.size() - 1) instanceof String key)) {
            return;
        }
        JsonNode parent = get(t, steps.subList(0, steps.size() - 1));
        if (!(parent instanceof ObjectNode map)) {
            return;
        }
        double others = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(key)) {
                if (!e.getValue().isNumber()) {
                    return;
                }
                others += e.getValue().doubleValue();
            }
        }
        if (others <= 0) {
            return;
        }
        double k = (others + before - after) / others;
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(key)) {
                e.setValue(JsonNodeFactory.instance.numberNode(e.getValue().doubleValue() * k));
            }
        }
    }

    private record Step(String name, java.util.function.DoubleBinaryOperator f) {
    }

    /** The changes tried: mild ones first; strong ones (×10, ÷10, the bounds) when nothing changed. */
    private static List<Step> steps(String path, boolean strong) {
        if (RUN_STEPS.containsKey(path)) {
            double d = RUN_STEPS.get(path);
            return strong ? List.of() : List.of(new Step("+" + d, (x, lo) -> x + d));
        }
        if (path.startsWith("run.")) {
            return strong ? List.of() : List.of(new Step("x1.5", (x, lo) -> x * 1.5), new Step("/1.5", (x, lo) -> x / 1.5));
        }
        if (strong) {
            return List.of(new Step("x10", (x, lo) -> x == 0 ? 10 : x * 10), new Step("/10", (x, lo) -> x / 10),
                    new Step("upper bound", (x, lo) -> Double.POSITIVE_INFINITY),
                    new Step("lower bound", (x, lo) -> Double.NEGATIVE_INFINITY));
        }
        return List.of(new Step("x1.5", (x, lo) -> x == 0 ? 1 : x * 1.5), new Step("/1.5", (x, lo) -> x == 0 ? -1 : x / 1.5),
                new Step("+1", (x, lo) -> x + 1), new Step("-1", (x, lo) -> x - 1),
                new Step("+0.5", (x, lo) -> x + 0.5), new Step("-0.5", (x, lo) -> x - 0.5));
    }

    /** The changed value clamped into the bounds (whole numbers stay whole), or empty when unchanged. */
    private static Optional<JsonNode> apply(Step step, double x, JsonNode original, double[] bounds) {
        double v = step.f.applyAsDouble(x, bounds[0]);
        v = Math.max(bounds[0], Math.min(bounds[1], v));
        if (Double.isInfinite(v) || Double.isNaN(v)) {
            return Optional.empty();
        }
        JsonNode n;
        if (original.isIntegralNumber()) {
            long l = Math.round(v);
            if (l == original.longValue()) {
                return Optional.empty();
            }
            n = JsonNodeFactory.instance.numberNode(l);
        } else {
            if (v == x) {
                return Optional.empty();
            }
            n = JsonNodeFactory.instance.numberNode(v);
        }
        return Optional.of(n);
    }

    /** [min, max] of a numeric field as validation reports them (infinite when unchecked). */
    private static double[] bounds(ObjectNode base, Field f) {
        double[] b = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int side = 0; side < 2; side++) {
            ObjectNode t = base.deepCopy();
            JsonNode probe = JsonNodeFactory.instance.numberNode(side == 0 ? -1e300 : 1e300);
            List<Object> steps = f.column
                    ? List.of(f.steps.get(0), base.get((String) f.steps.get(0)).fieldNames().next(), f.steps.get(1))
                    : f.steps;
            set(t, steps, probe);
            String path = f.column ? f.path.replace("*", (String) steps.get(1)) : f.path;
            try {
                ScenarioLoader.bind(t, new HashMap<>(), "test.yaml");
            } catch (ScenarioException e) {
                for (String line : e.problems()) {
                    Matcher m = BOUNDS.matcher(line);
                    if (line.contains(": " + path + ": ") && m.find()) {
                        b[side] = Double.parseDouble(m.group(side + 1));
                    }
                }
            }
        }
        return b;
    }

    private static boolean addIfValid(List<Variant> out, Variant v) {
        try {
            ScenarioLoader.bind(v.tree.deepCopy(), new HashMap<>(), "test.yaml");
            out.add(v);
            return true;
        } catch (ScenarioException e) {
            return false;
        }
    }

    // ---- trees ----

    private static ObjectNode baseTree() {
        ObjectNode t = ScenarioLoader.defaults(new HashMap<>());
        ObjectNode run = (ObjectNode) t.get("run");
        run.put("startYear", START).put("endYear", END).put("spinUpYears", SPIN_UP).put("seed", SEED).put("scale", SCALE);
        t.put("name", "no-dead-switch");
        // rare mechanisms made frequent enough to show at scale 0.01: state-funded mobility
        // participants who later live abroad (the fiscal loss that costKztPerParticipant feeds)
        ObjectNode mobility = (ObjectNode) t.get("policy").get("academicMobility");
        mobility.put("participationRatePerStudentYear", 0.05).put("stateFundedShare", 0.5);
        // levers that are neutral by default (no route set, no region listed) switched on, so that
        // each of their fields has a valid changed value that acts: one destination per kind of route
        ObjectNode policy = (ObjectNode) t.get("policy");
        ObjectNode routes = policy.putObject("visaRoutes");
        routes.putObject("RU").put("study", "quota").put("studyQuotaPerYear", 10000).put("graduateCitizenship", true);
        routes.putObject("US").put("work", "lottery").put("workLotteryOdds", 0.25).put("postStudyWorkYears", 1.0);
        routes.putObject("GB").put("work", "cap").put("workCapPerYear", 300);
        // open rather than closed: a closed route would make the destination's other fields
        // (e.g. its study constant) inert; the walk tries closed instead
        routes.putObject("CN").put("study", "open");
        routes.putObject("TR").put("work", "open");
        // Russia's safety index off the built-in table (the baseline's pre-2022 0.55 against the table's
        // 0.45), so that the study choice's safety weight, which weighs changes from the table, acts
        ((ObjectNode) t.get("destinations").get("RU")).put("safetyIndex", 0.55);
        ObjectNode shocks = (ObjectNode) policy.get("regionalShocks");
        shocks.putArray("regions").add("KZ-23").add("KZ-47");
        shocks.put("wageFactor", 0.9).put("unemploymentChangePercentagePoints", 1.0);
        ObjectNode development = (ObjectNode) policy.get("regionalDevelopment");
        development.putArray("regions").add("KZ-59").add("KZ-39");
        development.put("livingStandardIndexChange", 0.05).put("careerIndexChange", 0.05).put("ecologyIndexChange", 0.05);
        // dependent switches: the levers that give agents a status are on, so that the fields
        // that act only through the status (repayments, enforcement, breach costs, cost shares,
        // grant amounts, places) are walked while it exists
        mobility.put("returnObligationYears", 3);
        ((ObjectNode) policy.get("ruralIncentive")).put("commitmentYears", 3).put("placesPerYear", 3000);
        ((ObjectNode) policy.get("relocation")).put("placesPerYear", 100);
        ((ObjectNode) policy.get("returnSupport")).put("enabled", true).put("citizenReturnSubsidyKzt", 500000);
        // tuition-only awards: half of the awards, and awards frequent enough (1,500 a year, 15
        // agents at scale 0.01) that the holders' shorter obligation years show within the run
        ((ObjectNode) policy.get("bolashak")).put("tuitionOnlyShare", 0.5).put("awardsPerYear", 1500);
        // the resolved tree as a scenario file would give it (timeline, name, description filled in)
        return ScenarioLoader.bind(t, new HashMap<>(), "test.yaml").tree();
    }

    private static Scenario bind(ObjectNode tree) {
        return ScenarioLoader.bind(tree.deepCopy(), new HashMap<>(), "test.yaml").scenario();
    }

    private static JsonNode get(JsonNode t, List<Object> steps) {
        JsonNode n = t;
        for (Object s : steps) {
            n = s instanceof Integer i ? n.get(i) : n.get((String) s);
        }
        return n;
    }

    private static void set(ObjectNode t, List<Object> steps, JsonNode v) {
        JsonNode parent = get(t, steps.subList(0, steps.size() - 1));
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, v);
        } else {
            ((ObjectNode) parent).set((String) last, v);
        }
    }

    // ---- outputs ----

    /** Calendar year of index 0 of a fingerprint array (the earliest start year validation accepts). */
    private static final int YEAR0 = 1990;

    /**
     * One fingerprint per simulated year (index {@code year - YEAR0}) of every output number: the
     * indicators (national and by place), the flows by kind, funding, home, origin and
     * destination, and the stocks by status, home and place. Years not simulated are 0.
     *
     * <p>The tree is run with its spin-up recorded ({@code startYear - spinUpYears} as the start
     * year, no spin-up): the same simulation, since recording draws no random numbers, with every
     * year's outputs. With a reference, the run stops at the first year from {@code from} on whose
     * fingerprint differs from the reference's (the later years need not be simulated to know
     * that some output changed); years before {@code from} are taken from the reference.
     */
    private static long[] outputs(ObjectNode tree, long[] reference, int from) {
        ObjectNode t = tree.deepCopy();
        ObjectNode run = (ObjectNode) t.get("run");
        run.put("startYear", run.get("startYear").asInt() - run.get("spinUpYears").asInt()).put("spinUpYears", 0);
        Scenario s = bind(t);
        long[] out = new long[LONG_END + 2 - YEAR0];
        boolean[] stop = {false};
        KoshSim sim = new KoshSim(s, 1);
        sim.addObserver((KoshSim m, int year, YearCounters c, Stocks st, Stocks prev) -> {
            out[year - YEAR0] = fingerprint(m, c, st, prev);
            stop[0] = reference != null && year >= from && out[year - YEAR0] != reference[year - YEAR0];
        });
        sim.start();
        int years = s.run().endYear() - s.run().firstSimulatedYear() + 1;
        for (int i = 0; i < years && !stop[0]; i++) {
            if (!sim.schedule.step(sim)) {
                break;
            }
        }
        sim.finish();
        if (reference != null) {
            for (int y = YEAR0; y < from; y++) {
                out[y - YEAR0] = reference[y - YEAR0];
            }
        }
        return out;
    }

    private static boolean differs(long[] a, long[] b) {
        return firstDifference(a, b) != 0;
    }

    /** The first calendar year whose fingerprints differ, or 0. */
    private static int firstDifference(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return YEAR0 + i;
            }
        }
        return 0;
    }

    private static long fingerprint(KoshSim m, YearCounters c, Stocks st, Stocks prev) {
        long[] h = {1469598103934665603L};
        Indicators.compute(m, c, st, prev, (ind, place, value) -> {
            h[0] = mix(h[0], ind.hashCode());
            h[0] = mix(h[0], place.hashCode());
            h[0] = mix(h[0], Double.doubleToLongBits(value));
        });
        int places = m.world().placeCount();
        int regions = m.world().regionCount();
        for (int k = 0; k < YearCounters.KINDS; k++) {
            for (int fu = 0; fu < YearCounters.FUNDINGS; fu++) {
                for (int home = 0; home < regions; home++) {
                    for (int o = 0; o < places; o++) {
                        for (int d = 0; d < places; d++) {
                            int n = c.flow(k, fu, home, o, d);
                            if (n != 0) {
                                h[0] = mix(h[0], ((((long) k * 31 + fu) * 31 + home) * 64 + o) * 64 + d);
                                h[0] = mix(h[0], n);
                            }
                        }
                    }
                }
            }
        }
        for (int status = 0; status < 2; status++) {
            for (int home = 0; home < regions; home++) {
                for (int p = 0; p < places; p++) {
                    h[0] = mix(h[0], st.count(status, home, p));
                }
            }
        }
        return h[0];
    }

    private static long mix(long h, long v) {
        h ^= v;
        h *= 0x100000001b3L;
        return h ^ (h >>> 29);
    }

    /** The output of {@code ./kosh calibrate-study} (a few iterations). */
    private static Map<String, Double> calibration(Scenario s) {
        return new TreeMap<>(StudyCalibration.calibrate(s, 5, 1e-9));
    }
}
