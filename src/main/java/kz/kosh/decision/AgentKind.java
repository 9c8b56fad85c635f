package kz.kosh.decision;

/**
 * What agents share in their location choice, so that utilities are computed once a year per
 * kind rather than per agent: age band, human-capital bin, current place, status (obligation type
 * or other programme status: {@link kz.kosh.scenario.Statuses}, indices handed out by name at
 * start-up, {@link kz.kosh.scenario.Statuses#count} of them) and eligibility for the rural
 * incentive. Everything else that differs between agents of a kind (home, parents' and partner's place, a familiar foreign place) adds a bonus to at most a few
 * places and is applied per agent.
 */
public final class AgentKind {
    /** Human capital bins: bin b stands for h = exp((b − H_ZERO)·H_STEP). */
    public static final int H_BINS = 25;
    public static final int H_ZERO = 8;
    public static final double H_STEP = 0.05;

    private AgentKind() {
    }

    /** Bin of a human capital value: round(ln h / H_STEP) + H_ZERO, clamped to the bins. */
    public static int humanCapitalBin(double h) {
        int b = (int) Math.round(Math.log(h) / H_STEP) + H_ZERO;
        return Math.max(0, Math.min(H_BINS - 1, b));
    }

    /** Bin of ln h given in thousandths, without a logarithm: round(ln h / H_STEP) + H_ZERO. */
    public static int humanCapitalBinOfLogMilli(int logMilli) {
        int step = (int) Math.round(H_STEP * 1000);
        int b = Math.floorDiv(logMilli + step / 2, step) + H_ZERO;
        return Math.max(0, Math.min(H_BINS - 1, b));
    }

    /** Human capital a bin stands for. */
    public static double humanCapitalOfBin(int bin) {
        return Math.exp((bin - H_ZERO) * H_STEP);
    }

    /** Number of kinds for a world of {@code places} places. */
    public static int count(int places) {
        return kz.kosh.scenario.DecisionParams.AGE_BANDS * H_BINS * places * kz.kosh.scenario.Statuses.count() * 2;
    }

    /** Index of a kind. */
    public static int index(int ageBand, int hBin, int current, int obligation, boolean eligible, int places) {
        return (((ageBand * H_BINS + hBin) * places + current) * kz.kosh.scenario.Statuses.count() + obligation) * 2
                + (eligible ? 1 : 0);
    }
}
