package kz.kosh.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import kz.kosh.indicator.Indicator;
import kz.kosh.indicator.IndicatorRegistry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The optional {@code headline:} of a scenario: the indicators that lead its answer in a
 * comparison (at most {@link #MAX} of them; the answer has a heading and one line each). Each
 * entry is an indicator name of docs/outputs.md, alone for the national value or
 * {@code name@place} for a region or destination the indicator is written for:
 * <pre>
 * headline: [graduates_abroad, fiscal_loss_kzt_bolashak, obligation_breaches_bolashak, retention_own_graduates@KZ-59]
 * </pre>
 * Every problem is reported with the field path and what is allowed, in the same pass as the
 * scenario's other fields.
 */
public final class HeadlineField {
    /** Most entries: a heading and four lines make the five-line answer. */
    public static final int MAX = 4;
    static final String KEY = "headline";
    private static final String NATIONAL = "KZ";

    private HeadlineField() {
    }

    /** The validated entries (empty when the field is absent); problems go to the fields' problem list. */
    static List<String> read(Fields top, Collection<String> regionIds, Collection<String> destinationIds) {
        List<String> out = new ArrayList<>();
        JsonNode v = top.raw(KEY);
        if (v == null || v.isNull()) {
            return out;
        }
        String path = top.path().isEmpty() ? KEY : top.path() + "." + KEY;
        Fields.Problems problems = top.problems();
        if (!v.isArray()) {
            problems.add(path, "expected a list of up to " + MAX + " indicator names (name or name@place), found "
                    + Fields.describe(v));
            return out;
        }
        if (v.size() > MAX) {
            problems.add(path, v.size() + " entries; allowed: at most " + MAX
                    + " (the answer has a heading and one line per indicator)");
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String at = path + "[" + i + "]";
            if (!e.isTextual()) {
                problems.add(at, "expected an indicator name (name or name@place), found " + Fields.describe(e));
                continue;
            }
            String problem = problem(e.textValue(), regionIds, destinationIds);
            if (problem != null) {
                problems.add(at, problem);
            } else if (out.contains(e.textValue())) {
                problems.add(at, "repeated entry '" + Fields.cut(e.textValue()) + "'; each indicator may lead once");
            } else {
                out.add(e.textValue());
            }
        }
        return out;
    }

    /** Why an entry is not allowed, or null when it is. */
    static String problem(String entry, Collection<String> regionIds, Collection<String> destinationIds) {
        int at = entry.indexOf('@');
        String name = at < 0 ? entry : entry.substring(0, at);
        String place = at < 0 ? NATIONAL : entry.substring(at + 1);
        List<String> names = IndicatorRegistry.names();
        Indicator def = IndicatorRegistry.find(name);
        if (def == null || (def.family() && !names.contains(name))) {
            return "unknown indicator '" + Fields.cut(name) + "'" + suggestion(name, names) + "; allowed: " + names;
        }
        List<String> places = new ArrayList<>();
        if (def.places().contains(Indicator.Place.NATIONAL)) {
            places.add(NATIONAL);
        }
        if (def.places().contains(Indicator.Place.REGIONS)) {
            places.addAll(regionIds);
        }
        if (def.places().contains(Indicator.Place.DESTINATIONS)) {
            places.addAll(destinationIds);
        }
        if (!places.contains(place)) {
            String where = at < 0 ? "is not written for Kazakhstan as a whole; name a place as " + name + "@<place>"
                    : "has no place '" + Fields.cut(place) + "'";
            return "indicator '" + name + "' " + where + "; allowed places: " + places;
        }
        return null;
    }

    /** "(did you mean x?)" for the closest allowed name by edit distance, when it is close. */
    private static String suggestion(String name, List<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            int d = distance(name, n);
            if (d < bestDistance) {
                bestDistance = d;
                best = n;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 4) ? " (did you mean " + best + "?)" : "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
