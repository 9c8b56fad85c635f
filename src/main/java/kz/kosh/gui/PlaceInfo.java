package kz.kosh.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one place in one recorded year, as shown when a region or destination is
 * clicked on the map. Values come from {@link MapData} (the year's indicators, in persons).
 */
public final class PlaceInfo {
    /** One line of the panel: what, and the formatted value. */
    public record Row(String label, String value) {
    }

    private PlaceInfo() {
    }

    /** The rows for a region or destination id; empty when the id is unknown or there is no data. */
    public static List<Row> rows(MapData d, String id) {
        List<Row> out = new ArrayList<>();
        int p = d == null || id == null ? -1 : d.indexOf(id);
        if (p < 0) {
            return out;
        }
        if (p < d.regionCount()) {
            out.add(new Row("Graduates living there", persons(d.placeIndicator("graduates_living", p))));
            out.add(new Row("Students studying there", persons(d.placeIndicator("students_studying", p))));
            out.add(new Row("Net migration of graduates", signed(d.placeIndicator("net_migration_graduates", p))));
            out.add(new Row("Graduate net gain", signed(d.placeIndicator("graduate_net_gain", p))));
            out.add(new Row("Retention of own graduates", share(d.placeIndicator("retention_own_graduates", p))));
            out.add(new Row("Own graduates abroad", share(d.placeIndicator("own_graduates_abroad_share", p))));
            out.add(new Row("Average wage", String.format(Locale.ROOT, "%,.0f KZT/month", d.value(Measure.WAGE, p))));
            out.add(new Row("Emigration this year", persons(d.placeIndicator("emigration", p))));
            out.add(new Row("Returnees living there", persons(d.placeIndicator("returnees", p))));
        } else {
            out.add(new Row("Students there", persons(d.studentsAbroad(p))));
            out.add(new Row("Graduates there", persons(d.graduatesAbroad(p))));
            out.add(new Row("Arrivals (emigration) this year", persons(d.placeIndicator("emigration", p))));
            out.add(new Row("Returns from there this year", persons(d.placeIndicator("returns", p))));
            out.add(new Row("Permit refusals", persons(d.placeIndicator("permit_refusals", p))));
            out.add(new Row("Brain waste (below qualification)", persons(d.placeIndicator("brain_waste", p))));
            double dia = d.placeIndicator("diaspora_thousands", p);
            out.add(new Row("Diaspora stock", Double.isFinite(dia) ? String.format(Locale.ROOT, "%,.1f thousand", dia) : "n/a"));
        }
        return out;
    }

    /** A title line: name, id, kind and year. */
    public static String title(MapData d, String id) {
        int p = d == null || id == null ? -1 : d.indexOf(id);
        if (p < 0) {
            return id == null ? "" : id;
        }
        return d.name(p) + " (" + id + ", " + (p < d.regionCount() ? "region" : "destination") + ") \u00b7 " + d.year();
    }

    /** The panel as HTML (for a Swing label). */
    public static String html(MapData d, String id) {
        if (id == null) {
            return "<html><p style='width:220px'>Click a region or a destination node to see its figures.</p></html>";
        }
        if (d == null || d.indexOf(id) < 0) {
            return "<html><b>" + escape(id) + "</b><p>no year recorded yet</p></html>";
        }
        StringBuilder sb = new StringBuilder("<html><b>").append(escape(title(d, id))).append("</b><table>");
        for (Row r : rows(d, id)) {
            sb.append("<tr><td>").append(escape(r.label())).append("</td><td align='right'>")
                    .append(escape(r.value())).append("</td></tr>");
        }
        return sb.append("</table><p><i>persons, scaled up from the agents</i></p></html>").toString();
    }

    /** Plain text, one "label: value" a line. */
    public static String text(MapData d, String id) {
        StringBuilder sb = new StringBuilder(title(d, id)).append('\n');
        for (Row r : rows(d, id)) {
            sb.append(r.label()).append(": ").append(r.value()).append('\n');
        }
        return sb.toString();
    }

    private static String persons(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : "n/a";
    }

    private static String signed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+,.0f", v) : "n/a";
    }

    private static String share(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", v * 100) : "n/a";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
