package kz.kosh.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for CSV outputs: plain decimals, at most 6 decimal places, no exponent. */
public final class Fmt {
    private Fmt() {
    }

    /** Round-trip exact decimal form (for intermediate files read back by Kosh). */
    public static String exact(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "NA";
        }
        return Double.toString(x);
    }

    public static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "NA";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return BigDecimal.valueOf(x).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
