package kz.kosh.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The timelines of a scenario: each file's {@code timeline} checked and combined with those of
 * the files it extends (an extending file's fields win), bound into the parameters in force from
 * each year on ({@link Scenario.TimedChange}), and exported to the resolved tree so that the tree
 * alone reproduces the run. Part of {@link ScenarioLoader}.
 */
final class Timeline {
    private Timeline() {
    }

    /** Hidden key of a combined timeline entry: the file and the entry's own label there. */
    private static final String ORIGIN_KEY = "\u0000origin";

    /** Hidden key of a combined timeline entry: its file's rank in the chain (0 the loaded file). */
    private static final String RANK_KEY = "\u0000rank";

    /**
     * Checks one file's timeline (a list of mappings with increasing whole-number fromYear) and
     * adds its entries to {@code out}, after those of the files it extends. {@code leaf}: the
     * entries' years are checked against the run. Fields in {@code keep}, and those in
     * {@code keepFrom} from their year on, are removed from the entries (set by an extending file).
     * {@code rank}: the file's place in the chain (0 the loaded file, 1 the file it extends, ...):
     * entries in force together apply from the highest rank down, so an extending file's entries win.
     */
    static void collectTimeline(JsonNode own, Path file, boolean leaf, int rank, Set<String> keep,
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
                    TreeMerge.removePath(o, path);
                }
                if (o.has("fromYear") && o.get("fromYear").isIntegralNumber()) {
                    for (Set<String> paths : keepFrom.headMap(o.get("fromYear").intValue(), true).values()) {
                        for (String path : paths) {
                            TreeMerge.removePath(o, path);
                        }
                    }
                }
                o.put(ORIGIN_KEY, file + "\u0000timeline[" + k + "]\u0000" + (leaf ? "leaf" : "extended"));
                o.put(RANK_KEY, rank);
            }
            out.add(copy);
        }
    }

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
                TreeMerge.merge(existing, o, "", null, new HashMap<>());
            }
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        byYear.values().forEach(out::add);
        return out;
    }

    /**
     * Destination fields that only the calibration reads ({@code ./kosh calibrate-study} reads the
     * scenario itself, never a timeline entry), so a timed change could not act.
     */
    static final List<String> NOT_TIMED_DESTINATION_FIELDS = List.of("studentsEnrolled2022");

    private static void refuseCalibrationTargets(ObjectNode change, String p, ScenarioBinder.OriginProblems op) {
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

    /**
     * One entry of a (combined) timeline, checked: its years (toYear null when it holds for
     * good), the rank of its file in the chain (0 the loaded file), its fields to change and
     * where to report their problems.
     */
    private record TimedEntry(int order, int fromYear, Integer toYear, boolean hasToYear, int rank, ObjectNode change,
                              ScenarioBinder.Reporter reporter) {
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
                .forEach(e -> TreeMerge.merge(state, e.change(), "", null, new HashMap<>()));
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
                    TreeMerge.merge(tree, e.change(), "", null, new HashMap<>());
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
            ObjectNode change = TreeMerge.changedFields(previous, state);
            if (change.size() > 0) {
                ObjectNode o = JsonNodeFactory.instance.objectNode().put("fromYear", year);
                o.setAll(change);
                out.add(o);
            }
            previous = state;
        }
        return out;
    }

    /**
     * The parameters in force from each year in which they change (every fromYear and every
     * toYear + 1) of a merged tree's timeline, each bound in full; sets the exported timeline in
     * {@code tree}. A problem already reported for the base state ({@code seen}) is not repeated.
     */
    static List<Scenario.TimedChange> bind(ObjectNode tree, JsonNode timelineNode, RunSettings run,
                                           ScenarioBinder.OriginProblems op, Set<String> seen) {
        List<Scenario.TimedChange> timeline = new ArrayList<>();
        if (!timelineNode.isArray()) {
            op.add("timeline", "expected a list of {fromYear: ..., <fields to change>}");
        } else {
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
                ScenarioBinder.Reporter entry = (path, m) -> {
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
                Scenario s = ScenarioBinder.bindOne(stateAt(tree, entries, year), (path, m) -> {
                    if (seen.add(path + "\u0000" + m)) {
                        reportAt(entries, year, path, m);
                    }
                });
                timeline.add(new Scenario.TimedChange(year, s));
            }
            tree.set("timeline", exportedTimeline(tree, entries, breaks, run));
        }
        return timeline;
    }

    /**
     * What the files of a chain (0 the loaded file) take away from the timelines of the files they
     * extend: for file i, the fields set at the top level of the files extending it (and of the
     * overlay), which hold in every year ({@code keep}), and those set by their timeline entries
     * without toYear, which hold from that entry's year on ({@code keepFrom}).
     */
    record Overrides(List<Set<String>> keep, List<java.util.TreeMap<Integer, Set<String>>> keepFrom) {
    }

    static Overrides overrides(ObjectNode[] nodes, ObjectNode overlay) {
        // A field a file sets at its top level holds in every year: the timeline entries of the
        // files it extends (and every entry, for the overlay) do not change it.
        Set<String> setByDerived = new java.util.HashSet<>();
        if (overlay != null) {
            TreeMerge.collectLeafPaths(overlay, "", setByDerived);
        }
        // and a field a file's timeline entry sets holds from that entry's year on
        List<Set<String>> derivedOf = new ArrayList<>();
        List<java.util.TreeMap<Integer, Set<String>>> derivedEntriesOf = new ArrayList<>();
        java.util.TreeMap<Integer, Set<String>> setByDerivedEntries = new java.util.TreeMap<>();
        for (int i = 0; i < nodes.length; i++) {
            derivedOf.add(new java.util.HashSet<>(setByDerived));
            java.util.TreeMap<Integer, Set<String>> copy = new java.util.TreeMap<>();
            setByDerivedEntries.forEach((y, paths) -> copy.put(y, new java.util.HashSet<>(paths)));
            derivedEntriesOf.add(copy);
            if (nodes[i] != null) {
                ObjectNode top = nodes[i].deepCopy();
                top.remove(List.of("extends", "timeline", "name", "description"));
                TreeMerge.collectLeafPaths(top, "", setByDerived);
                JsonNode tl = nodes[i].get("timeline");
                if (tl != null && tl.isArray()) {
                    for (JsonNode e : tl) {
                        // an entry with toYear holds for a while only: it wins over the files it
                        // extends while in force (applied after them), never removes their fields
                        if (e instanceof ObjectNode o && o.has("fromYear") && o.get("fromYear").isIntegralNumber()
                                && !o.has("toYear")) {
                            ObjectNode c = o.deepCopy();
                            c.remove("fromYear");
                            TreeMerge.collectLeafPaths(c, "", setByDerivedEntries.computeIfAbsent(
                                    o.get("fromYear").intValue(), y -> new java.util.HashSet<>()));
                        }
                    }
                }
            }
        }
        return new Overrides(derivedOf, derivedEntriesOf);
    }
}
