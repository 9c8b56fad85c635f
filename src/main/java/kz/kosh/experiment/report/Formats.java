package kz.kosh.experiment.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Human-readable numbers for the report, independent of the default locale: counts with
 * thousands separators ("2,310"), shares as percentages ("12.3%", differences in percentage
 * points), KZT in millions or billions. Negative numbers use the minus sign U+2212.
 */
public final class Formats {
    static final String MINUS = "\u2212";
    static final String NA = "n/a";

    /** How an indicator's values are shown. */
    enum Kind {
        COUNT, SHARE, KZT
    }

    private Formats() {
    }

    static Kind kindOf(String indicator) {
        String unit = kz.kosh.output.Indicators.unit(indicator);
        if (unit != null) {
            return switch (unit) {
                case kz.kosh.output.Indicators.SHARE, kz.kosh.output.Indicators.RATIO -> Kind.SHARE;
                case kz.kosh.output.Indicators.KZT -> Kind.KZT;
                default -> Kind.COUNT;
            };
        }
        // names Kosh does not compute (older files): by their suffix
        if (indicator.endsWith("_kzt")) {
            return Kind.KZT;
        }
        if (indicator.endsWith("_share") || indicator.endsWith("_rate") || indicator.startsWith("nonreturn_share_") || indicator.startsWith(kz.kosh.indicator.CoreIndicators.FIRST_JOB_ABROAD_SHARE_BY_FUNDING.name())
                || indicator.startsWith("retention_")) {
            return Kind.SHARE;
        }
        return Kind.COUNT;
    }

    private static DecimalFormat format(int decimals) {
        DecimalFormatSymbols sy = new DecimalFormatSymbols(Locale.ROOT);
        sy.setGroupingSeparator(',');
        sy.setDecimalSeparator('.');
        sy.setMinusSign('-');
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), sy);
        f.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        return f;
    }

    /** x with the given decimals; signed puts "+" before positive values; zero shows unsigned. */
    public static String number(double x, int decimals, boolean signed) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return NA;
        }
        String abs = format(decimals).format(Math.abs(x));
        boolean zero = isZero(abs);
        if (zero) {
            return abs;
        }
        if (x < 0) {
            return MINUS + abs;
        }
        return signed ? "+" + abs : abs;
    }

    private static double maxAbs(double... xs) {
        double m = 0;
        for (double x : xs) {
            if (!Double.isNaN(x) && !Double.isInfinite(x)) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    private static int countDecimals(double magnitude) {
        return magnitude >= 100 ? 0 : magnitude >= 1 ? 1 : 2;
    }

    private static int shareDecimals(double magnitudePercent) {
        return magnitudePercent >= 1 || magnitudePercent == 0 ? 1 : 2;
    }

    /** More decimals (up to 3) while a non-empty interval would print with a bound equal to the mean. */
    private static int visible(int decimals, double mean, double lo, double hi, boolean ci) {
        int d = decimals;
        if (!ci || !(hi > lo)) {
            return d;
        }
        while (d < 3) {
            String m = number(mean, d, false);
            boolean boundLooksLikeMean = m.equals(number(lo, d, false)) || m.equals(number(hi, d, false));
            // an interval that excludes zero must not print a bound as zero
            boolean boundLooksZero = (lo != 0 && isZero(number(lo, d, false))) || (hi != 0 && isZero(number(hi, d, false)));
            if (!boundLooksLikeMean && !boundLooksZero) {
                break;
            }
            d++;
        }
        return d;
    }

    private static boolean isZero(String formatted) {
        return formatted.chars().allMatch(c -> c == '0' || c == '.' || c == ',');
    }

    /**
     * "mean [lo; hi]" in the indicator's units; the interval is left out when unknown.
     * A difference is signed and shares are then in percentage points.
     */
    public static String interval(String indicator, double mean, double lo, double hi, boolean difference) {
        if (Double.isNaN(mean)) {
            return NA;
        }
        boolean ci = !Double.isNaN(lo) && !Double.isNaN(hi);
        switch (kindOf(indicator)) {
            case SHARE: {
                double m = mean * 100;
                double l = lo * 100;
                double h = hi * 100;
                int d = visible(shareDecimals(maxAbs(m, l, h)), m, l, h, ci);
                if (difference) {
                    return number(m, d, true) + " pp" + (ci ? " [" + number(l, d, true) + "; " + number(h, d, true) + "]" : "");
                }
                return number(m, d, false) + "%" + (ci ? " [" + number(l, d, false) + "%; " + number(h, d, false) + "%]" : "");
            }
            case KZT: {
                double mag = maxAbs(mean, lo, hi);
                double div = mag >= 1e9 ? 1e9 : 1e6;
                String unit = mag >= 1e9 ? " bn KZT" : " m KZT";
                double m = mean / div;
                double l = lo / div;
                double h = hi / div;
                double sm = maxAbs(m, l, h);
                int d = visible(sm >= 100 ? 0 : sm >= 10 ? 1 : 2, m, l, h, ci);
                return number(m, d, difference) + (ci ? " [" + number(l, d, difference) + "; " + number(h, d, difference) + "]" : "")
                        + unit;
            }
            default: {
                int d = visible(countDecimals(maxAbs(mean, lo, hi)), mean, lo, hi, ci);
                return number(mean, d, difference)
                        + (ci ? " [" + number(lo, d, difference) + "; " + number(hi, d, difference) + "]" : "");
            }
        }
    }

    /** A plain number for a manifest setting (scale etc.): up to 6 significant decimals, no grouping. */
    public static String plain(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return NA;
        }
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
