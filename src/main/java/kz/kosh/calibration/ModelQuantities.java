package kz.kosh.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import kz.kosh.experiment.IndicatorTable;
import kz.kosh.experiment.hindcast.HindcastSeries;
import kz.kosh.scenario.Fields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The model quantities a target, a validation pattern or a history-match contrast may name
 * ({@code series}, {@code indicator}, {@code ratio}, {@code pooled}, {@code rank}; see
 * {@link Targets} for their YAML form): each checked against the scenario's indicators, places,
 * series and recorded years, and turned into a {@link Target.Quantity} that reads a replication's
 * indicators.
 */
final class ModelQuantities {
    private ModelQuantities() {
    }

    /** The model quantities a target or pattern may name. */
    static final List<String> KINDS = List.of("series", "indicator", "ratio", "pooled", "rank");

    /**
     * The model quantity of {@code model} over [from, to]; null with the problems recorded. Only
     * the first point of a target ({@code report}) reports the model's problems (they would
     * repeat for every point).
     */
    static Target.Quantity quantity(JsonNode model, String path, int from, int to, Targets.Context ctx, Fields.Problems problems,
                                    boolean report) {
        Fields.Problems own = report ? problems : new Fields.Problems(problems.file());
        Fields f = new Fields(model, path, own);
        int before = own.list().size();
        List<String> kinds = new ArrayList<>();
        for (String k : KINDS) {
            if (f.has(k)) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            own.add(f.path(), "expected exactly one of series, indicator, ratio, pooled or rank, found "
                    + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
            f.raw("relativeTo");
            f.raw("weight");
            f.raw("places");
            f.raw("order");
            f.done();
            return null;
        }
        Target.Quantity q;
        switch (kinds.get(0)) {
            case "series" -> {
                String id = f.text("series");
                if (!id.isEmpty() && !ctx.seriesIds().contains(id)) {
                    own.add(Targets.at(f, "series"), "unknown series '" + Fields.cut(id) + "'; allowed: " + ctx.seriesIds());
                }
                if (f.has("relativeTo")) {
                    int base = f.integer("relativeTo", 1900, 2200);
                    ctx.checkYear(f, "relativeTo", base);
                    q = c -> {
                        HindcastSeries h = c.series(id);
                        return h.measure().value(c.table(), yearIndex(c.table(), to))
                                / h.measure().value(c.table(), yearIndex(c.table(), base));
                    };
                } else {
                    if (from != to) {
                        own.add(f.path(), "a series target takes one year per point");
                    }
                    q = c -> c.series(id).measure().value(c.table(), yearIndex(c.table(), from));
                }
            }
            case "indicator" -> {
                String key = indicatorKey(f, "indicator", ctx, own);
                q = c -> mean(c.table(), key, from, to);
            }
            case "ratio" -> {
                JsonNode r = f.raw("ratio");
                if (!r.isArray() || r.size() != 2 || !r.get(0).isTextual() || !r.get(1).isTextual()) {
                    own.add(Targets.at(f, "ratio"), "expected [numerator, denominator] (two indicator|place keys)");
                    q = null;
                } else {
                    String a = checkKey(r.get(0).asText(), Targets.at(f, "ratio[0]"), ctx, own);
                    String b = checkKey(r.get(1).asText(), Targets.at(f, "ratio[1]"), ctx, own);
                    q = c -> mean(c.table(), a, from, to) / mean(c.table(), b, from, to);
                }
            }
            case "pooled" -> {
                String share = indicatorKey(f, "pooled", ctx, own);
                String w = indicatorKey(f, "weight", ctx, own);
                q = c -> {
                    double num = 0;
                    double den = 0;
                    for (int y = from; y <= to; y++) {
                        int i = yearIndex(c.table(), y);
                        double wy = c.table().value(i, w);
                        num += c.table().value(i, share) * wy;
                        den += wy;
                    }
                    return den == 0 ? 0 : num / den;
                };
            }
            default -> {
                String indicator = f.text("rank");
                if (!indicator.isEmpty() && kz.kosh.output.Indicators.unit(indicator) == null) {
                    own.add(Targets.at(f, "rank"), "unknown indicator '" + Fields.cut(indicator) + "'");
                }
                List<String> places = f.ids("places", ctx.scenario().regions().keySet());
                if (places.isEmpty()) {
                    own.add(Targets.at(f, "places"), "rank needs places (region ids)");
                }
                boolean ascending = false;
                if (f.has("order")) {
                    String o = f.text("order");
                    if (!o.equals("ascending") && !o.equals("descending")) {
                        own.add(Targets.at(f, "order"), "expected ascending or descending, found '" + Fields.cut(o) + "'");
                    }
                    ascending = o.equals("ascending");
                }
                boolean asc = ascending;
                q = c -> rank(c.table(), indicator, places, asc, from, to);
            }
        }
        f.done();
        return own.list().size() > before ? null : q;
    }

    /** The model field in words (compact JSON). */
    static String describe(JsonNode model) {
        return model.toString().replace("\"", "").replace(",", ", ").replace(":", ": ");
    }

    private static int yearIndex(IndicatorTable t, int year) {
        int y = t.years().indexOf(year);
        if (y < 0) {
            throw new IllegalStateException("year " + year + " is not among the recorded years " + t.years().get(0)
                    + "-" + t.years().get(t.years().size() - 1));
        }
        return y;
    }

    private static double mean(IndicatorTable t, String key, int from, int to) {
        double s = 0;
        for (int y = from; y <= to; y++) {
            s += t.value(yearIndex(t, y), key);
        }
        return s / (to - from + 1);
    }

    /** A field holding an {@code indicator|place} key with a known indicator and place. */
    private static String indicatorKey(Fields f, String field, Targets.Context ctx, Fields.Problems own) {
        String key = f.text(field);
        return key.isEmpty() ? key : checkKey(key, Targets.at(f, field), ctx, own);
    }

    private static String checkKey(String key, String path, Targets.Context ctx, Fields.Problems own) {
        int bar = key.indexOf('|');
        if (bar < 0) {
            own.add(path, "expected indicator|place (e.g. students_abroad|KZ), found '" + Fields.cut(key) + "'");
            return key;
        }
        String name = key.substring(0, bar);
        String place = key.substring(bar + 1);
        if (kz.kosh.output.Indicators.unit(name) == null) {
            own.add(path, "unknown indicator '" + Fields.cut(name) + "'");
        }
        if (!ctx.places().contains(place)) {
            own.add(path, "unknown place '" + Fields.cut(place) + "'; allowed: KZ, region ids (KZ-..) and destination ids");
        }
        return key;
    }

    /** Worst rank (1 = first in the order) of the named places among the regions (places "KZ-..."). */
    static double rank(IndicatorTable t, String indicator, List<String> places, boolean ascending, int from, int to) {
        List<String[]> regions = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        String prefix = indicator + "|";
        for (String k : t.keys()) {
            if (k.startsWith(prefix) && k.substring(prefix.length()).startsWith("KZ-")) {
                regions.add(new String[]{k.substring(prefix.length())});
                values.add(mean(t, k, from, to));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            order.add(i);
        }
        Comparator<Integer> cmp = Comparator.comparingDouble(values::get);
        order.sort(ascending ? cmp : cmp.reversed());
        int worst = 0;
        for (String p : places) {
            int r = -1;
            for (int i = 0; i < order.size(); i++) {
                if (regions.get(order.get(i))[0].equals(p)) {
                    r = i + 1;
                }
            }
            if (r < 0) {
                throw new IllegalStateException("no region " + p + " with indicator " + indicator);
            }
            worst = Math.max(worst, r);
        }
        return worst;
    }
}
