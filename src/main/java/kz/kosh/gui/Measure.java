package kz.kosh.gui;

import kz.kosh.indicator.CoreIndicators;
import java.util.Locale;

/** What the choropleth shows for each region; values come from the year's indicators. */
public enum Measure {
    NET_MIGRATION("net-migration", "Net migration of graduates", "persons per year", CoreIndicators.NET_MIGRATION_GRADUATES.name(), true, false),
    NET_GAIN("net-gain", "Graduate net gain (living there minus own graduates)", "persons", CoreIndicators.GRADUATE_NET_GAIN.name(), true, false),
    RETENTION("retention", "Retention of own graduates", "% of the region's graduates living there", CoreIndicators.RETENTION_OWN_GRADUATES.name(), false, true),
    GRADUATES("graduates", "Graduates living there", "persons", CoreIndicators.GRADUATES_LIVING.name(), false, false),
    WAGE("wage", "Average wage", "real KZT of 2023 per month", null, false, false),
    ABROAD("abroad", "Own graduates abroad", "% of the region's graduates", CoreIndicators.OWN_GRADUATES_ABROAD_SHARE.name(), false, true);

    private final String key;
    private final String label;
    private final String unit;
    private final String indicator;
    private final boolean diverging;
    private final boolean share;

    Measure(String key, String label, String unit, String indicator, boolean diverging, boolean share) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.indicator = indicator;
        this.diverging = diverging;
        this.share = share;
    }

    /** Name on the command line ({@code --measure}). */
    public String key() { return key; }
    public String label() { return label; }
    public String unit() { return unit; }
    /** The indicators.csv name the value comes from (null for the wage, taken from the world). */
    public String indicator() { return indicator; }
    /** Signed measure drawn with a diverging palette centred on 0. */
    public boolean diverging() { return diverging; }
    /** A share in [0, 1], shown in percent. */
    public boolean share() { return share; }

    /** Formats a value of this measure for labels and the legend. */
    public String format(double v) {
        if (share) {
            return String.format(Locale.ROOT, "%.0f%%", v * 100);
        }
        double a = Math.abs(v);
        String s;
        if (a >= 1e6) {
            s = String.format(Locale.ROOT, "%.2fM", v / 1e6);
        } else if (a >= 1e4) {
            s = String.format(Locale.ROOT, "%.0fk", v / 1e3);
        } else if (a >= 1e3) {
            s = String.format(Locale.ROOT, "%.1fk", v / 1e3);
        } else {
            s = String.format(Locale.ROOT, "%.0f", v);
        }
        return diverging && v > 0 ? "+" + s : s;
    }

    /** The measure named on the command line (key, enum name or indicator name). */
    public static Measure parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Measure m : values()) {
            if (m.key.equals(t) || m.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(t)
                    || (m.indicator != null && m.indicator.replace('_', '-').equals(t))) {
                return m;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (Measure m : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(m.key);
        }
        throw new IllegalArgumentException("unknown measure '" + s + "'; allowed: " + sb);
    }

    @Override
    public String toString() {
        return label;
    }
}
