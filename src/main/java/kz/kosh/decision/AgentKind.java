package kz.kosh.decision;

/**
 * What agents share in their location choice, so that utilities are computed once a year per
 * kind rather than per agent: age band, human-capital bin, current place, obligation type and
 * eligibility for the rural incentive. Everything else that differs between agents of a kind
 * (home, parents' and partner's place, a familiar foreign place) adds a bonus to at most a few
 * places and is applied per agent.
 */
public final class AgentKind {
    /** Human capital bins: bin b stands for h = exp((b − H_ZERO)·H_STEP). */
    public static final int H_BINS = 25;
    public static final int H_ZERO = 8;
    public static final double H_STEP = 0.05;

    /**
     * Obligation types (the status dimension of the kinds): none, Bolashak master's, Bolashak
     * PhD, state-grant work-off, the return obligation of state-funded academic mobility, the
     * village commitment of "With diploma to the village", and a status that is not an
     * obligation: a PhD holder abroad without obligation while return support runs (the
     * researcher return grant), and the Bolashak master's and PhD awards that covered tuition
     * only (shorter obligation, smaller repayment).
     */
    public static final int OBLIGATION_NONE = 0;
    public static final int OBLIGATION_BOLASHAK_MASTER = 1;
    public static final int OBLIGATION_BOLASHAK_PHD = 2;
    public static final int OBLIGATION_GRANT = 3;
    public static final int OBLIGATION_MOBILITY = 4;
    public static final int OBLIGATION_RURAL = 5;
    public static final int STATUS_RESEARCHER = 6;
    public static final int OBLIGATION_BOLASHAK_MASTER_TUITION_ONLY = 7;
    public static final int OBLIGATION_BOLASHAK_PHD_TUITION_ONLY = 8;
    public static final int OBLIGATION_TYPES = 9;

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
        return kz.kosh.scenario.DecisionParams.AGE_BANDS * H_BINS * places * OBLIGATION_TYPES * 2;
    }

    /** Index of a kind. */
    public static int index(int ageBand, int hBin, int current, int obligation, boolean ruralEligible, int places) {
        return (((ageBand * H_BINS + hBin) * places + current) * OBLIGATION_TYPES + obligation) * 2 + (ruralEligible ? 1 : 0);
    }
}
