package kz.kosh.gui;

import kz.kosh.indicator.CoreIndicators;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one place in one recorded year, as shown when a region or destination is
 * clicked on the map. Values come from {@link MapData} (the year's indicators, in persons).
 */
public final class PlaceInfo {
    /** One line of the panel: what, the formatted value and the number behind it (NaN: none). */
    public record Row(String label, String value, double number) {
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
            out.add(row("Graduates living there", d.placeIndicator(CoreIndicators.GRADUATES_LIVING.name(), p), PlaceInfo::persons));
            out.add(row("Students studying there", d.placeIndicator(CoreIndicators.STUDENTS_STUDYING.name(), p), PlaceInfo::persons));
            out.add(row("Net migration of graduates", d.placeIndicator(CoreIndicators.NET_MIGRATION_GRADUATES.name(), p), PlaceInfo::signed));
            out.add(row("Graduate net gain", d.placeIndicator(CoreIndicators.GRADUATE_NET_GAIN.name(), p), PlaceInfo::signed));
            out.add(row("Retention of own graduates", d.placeIndicator(CoreIndicators.RETENTION_OWN_GRADUATES.name(), p), PlaceInfo::share));
            out.add(row("Own graduates abroad", d.placeIndicator(CoreIndicators.OWN_GRADUATES_ABROAD_SHARE.name(), p), PlaceInfo::share));
            out.add(row("Average wage (real, 2023 tenge)", d.value(Measure.WAGE, p),
                    v -> String.format(Locale.ROOT, "%,.0f KZT/month", v)));
            out.add(row("Emigration this year", d.placeIndicator(CoreIndicators.EMIGRATION.name(), p), PlaceInfo::persons));
            out.add(row("Returnees living there", d.placeIndicator(CoreIndicators.RETURNEES.name(), p), PlaceInfo::persons));
        } else {
            out.add(row("Students there", d.studentsAbroad(p), PlaceInfo::persons));
            out.add(row("Graduates there", d.graduatesAbroad(p), PlaceInfo::persons));
            out.add(row("Arrivals (emigration) this year", d.placeIndicator(CoreIndicators.EMIGRATION.name(), p), PlaceInfo::persons));
            out.add(row("Returns from there this year", d.placeIndicator(CoreIndicators.RETURNS.name(), p), PlaceInfo::persons));
            out.add(row("Permit refusals", d.placeIndicator(CoreIndicators.PERMIT_REFUSALS.name(), p), PlaceInfo::persons));
            out.add(row("Brain waste (below qualification)", d.placeIndicator(CoreIndicators.BRAIN_WASTE.name(), p), PlaceInfo::persons));
            double dia = d.placeIndicator(CoreIndicators.DIASPORA_THOUSANDS.name(), p);
            out.add(new Row("Diaspora stock (thousands)", Double.isFinite(dia) ? String.format(Locale.ROOT, "%,.1f thousand", dia) : "n/a", dia));
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
    /**
     * "&lt;html&gt;" and a one-cell table of {@link #TEXT_WIDTH} pixels holding the text, which wraps
     * in it (Swing's HTML scales a CSS width in px by 4/3, so a styled paragraph came out wider
     * than the panel and its heading was cut).
     */
    private static String heading(String html) {
        return "<html><table width='" + TEXT_WIDTH + "' cellpadding='0'><tr><td>" + html + "</td></tr></table>";
    }

    /** Width of the panel's text, pixels: the heading wraps within it, the table fills it. */
    static final int TEXT_WIDTH = 215;

    public static String html(MapData d, String id) {
        if (id == null) {
            return heading("Click a region or a destination node to see its figures.") + "</html>";
        }
        if (d == null || d.indexOf(id) < 0) {
            return "<html><b>" + escape(id) + "</b><p>no year recorded yet</p></html>";
        }
        // the heading wraps within the panel's width (a long region name no longer runs past its edge)
        StringBuilder sb = new StringBuilder(heading("<b>" + escape(title(d, id)) + "</b>"))
                .append("<table width='" + TEXT_WIDTH + "'>");
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

    private static Row row(String label, double v, java.util.function.DoubleFunction<String> format) {
        return new Row(label, format.apply(v), v);
    }

    /**
     * The history of one row of a place's panel over the recorded years (the years without the
     * place or a finite value are left out): x the year, y the row's number.
     */
    public static double[][] history(List<MapData> years, String id, String label) {
        List<double[]> pts = new ArrayList<>();
        for (MapData d : years) {
            for (Row r : rows(d, id)) {
                if (r.label().equals(label) && Double.isFinite(r.number())) {
                    pts.add(new double[]{d.year(), r.number()});
                }
            }
        }
        return pts.toArray(new double[0][]);
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
