package kz.kosh.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@link ParameterEnsemble}'s sets against a scenario: each column must be a numeric
 * parameter of its resolved tree, and each set must load as an overlay of it (the scenario's
 * ranges and cross-field rules). Few sets are loaded one by one; for many, only the rows outside
 * each column's accepted interval (found by bisection) and the sets of column-wise extremes.
 * Every problem names the file, the row (1 = the header), the column and what is allowed.
 */
final class EnsembleCheck {
    private final ParameterEnsemble e;
    private final Path scenario;
    private final List<String> paths;
    private final List<double[]> sets = new ArrayList<>();

    EnsembleCheck(ParameterEnsemble e, Path scenario) {
        this.e = e;
        this.scenario = scenario;
        this.paths = e.paths();
        for (int i = 0; i < e.size(); i++) {
            sets.add(e.values(i));
        }
    }

    /** The problems of the sets against a scenario, skipping the rows (0-based) in {@code skip}. */
    List<String> problems(Set<Integer> skip) {
        String where = e.file().toString();
        List<String> problems = new ArrayList<>();
        JsonNode tree = ScenarioLoader.load(scenario).tree();
        Set<Integer> badColumns = new HashSet<>();
        for (int c = 0; c < paths.size(); c++) {
            JsonNode n = tree.at(ParameterEnsemble.pointer(paths.get(c)));
            if (n.isMissingNode() || !n.isNumber()) {
                badColumns.add(c);
                problems.add(where + ": row 1 (header), column " + (c + 2) + " '" + paths.get(c) + "': "
                        + (n.isMissingNode() ? "unknown parameter path" : "not a numeric parameter")
                        + " of " + scenario.getFileName() + "; allowed: a numeric parameter path of the scenario "
                        + "(./kosh params lists them), e.g. decision.considerationConstant");
            }
        }
        // the ranges of the known columns: every set when there are few (a scenario load each, a few
        // ms); for many, the rows whose values lie outside each column's accepted interval (found by
        // bisection over the column's sorted values, O(log K) loads), then the sets of column-wise
        // minima and maxima together (cross-field rules); only the rows found are loaded one by one,
        // and every row only when the intervals cannot be found (stopping after 40 problems)
        Set<Integer> rows = null;
        if (sets.size() > ParameterEnsemble.ROWS_CHECKED_ONE_BY_ONE) {
            rows = suspectRows(skip, badColumns);
        }
        if (badColumns.size() < paths.size()) {
            for (int i = 0; i < sets.size() && problems.size() < 40; i++) {
                if (skip.contains(i) || rows != null && !rows.contains(i)) {
                    continue;
                }
                try {
                    ScenarioLoader.load(scenario, e.overlay(i, badColumns), null);
                } catch (kz.kosh.scenario.ScenarioException ex) {
                    for (String p : ex.problems()) {
                        String col = column(p);
                        String msg = p.replaceFirst("^overlay of [^:]*: ", "");
                        if (!col.isEmpty() && msg.startsWith(col.substring(9) + ": ")) {
                            msg = msg.substring(col.length() - 9 + 2);
                        }
                        problems.add(where + ": row " + (i + 2) + " (set " + e.labels().get(i) + ")" + col + ": " + msg);
                    }
                }
            }
        }
        return problems;
    }

    /**
     * The rows to load one by one among many: those with a value outside its column's accepted
     * interval; none when the sets of column-wise minima and maxima load; null (all rows) when
     * a column's interval cannot be found.
     */
    private Set<Integer> suspectRows(Set<Integer> skip, Set<Integer> badColumns) {
        Set<Integer> out = new java.util.TreeSet<>();
        for (int c = 0; c < paths.size(); c++) {
            if (badColumns.contains(c)) {
                continue;
            }
            int col = c;
            double[] vals = java.util.stream.IntStream.range(0, sets.size()).filter(i -> !skip.contains(i))
                    .mapToDouble(i -> sets.get(i)[col]).filter(Double::isFinite).distinct().sorted().toArray();
            if (vals.length == 0 || accepts(col, vals[0]) && accepts(col, vals[vals.length - 1])) {
                continue;
            }
            int mid = vals.length / 2;
            if (!accepts(col, vals[mid])) {
                return null; // no accepted value known: every row
            }
            int lo = 0;
            int hi = mid; // first accepted index in [lo, hi]
            while (lo < hi) {
                int m = (lo + hi) >>> 1;
                if (accepts(col, vals[m])) {
                    hi = m;
                } else {
                    lo = m + 1;
                }
            }
            double first = vals[lo];
            lo = mid;
            hi = vals.length - 1; // last accepted index in [lo, hi]
            while (lo < hi) {
                int m = (lo + hi + 1) >>> 1;
                if (accepts(col, vals[m])) {
                    lo = m;
                } else {
                    hi = m - 1;
                }
            }
            double last = vals[lo];
            for (int i = 0; i < sets.size(); i++) {
                double v = sets.get(i)[col];
                if (!skip.contains(i) && (v < first || v > last)) {
                    out.add(i);
                }
            }
        }
        if (out.isEmpty() && !extremesLoad(skip, badColumns)) {
            return null;
        }
        return out;
    }

    private boolean accepts(int column, double v) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        setPath(o, paths.get(column), v);
        try {
            ScenarioLoader.load(scenario, o, null);
            return true;
        } catch (kz.kosh.scenario.ScenarioException ex) {
            return false;
        }
    }

    /** True when the scenario accepts the sets of column-wise minima and of column-wise maxima. */
    private boolean extremesLoad(Set<Integer> skip, Set<Integer> badColumns) {
        double[] lo = new double[paths.size()];
        double[] hi = new double[paths.size()];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < sets.size(); i++) {
            if (!skip.contains(i)) {
                for (int c = 0; c < lo.length; c++) {
                    lo[c] = Math.min(lo[c], sets.get(i)[c]);
                    hi[c] = Math.max(hi[c], sets.get(i)[c]);
                }
            }
        }
        for (double[] v : new double[][]{lo, hi}) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (int c = 0; c < v.length; c++) {
                if (!badColumns.contains(c) && Double.isFinite(v[c])) {
                    setPath(o, paths.get(c), v[c]);
                }
            }
            try {
                ScenarioLoader.load(scenario, o, null);
            } catch (kz.kosh.scenario.ScenarioException ex) {
                return false;
            }
        }
        return true;
    }

    private static void setPath(ObjectNode o, String path, double v) {
        String[] parts = path.split("\\.");
        ObjectNode at = o;
        for (int k = 0; k < parts.length - 1; k++) {
            at = at.withObject("/" + parts[k]);
        }
        at.put(parts[parts.length - 1], v);
    }

    /** ", column PATH" for the first column named in a loader problem, else "". */
    private String column(String problem) {
        for (String p : paths) {
            if (problem.contains(p)) {
                return ", column " + p;
            }
        }
        return "";
    }
}
