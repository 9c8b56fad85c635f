package kz.kosh.sim;

/** Kinds of moves recorded in flows.csv. */
public enum FlowKind {
    /** A school leaver, bachelor graduate (Bolashak) or student (mobility semester) going to study. */
    STUDY("study"),
    /** A new graduate taking a first job (origin = place of study; origin = destination when staying). */
    FIRST_JOB("first-job"),
    /** A graduate moving between two regions of Kazakhstan. */
    INTERNAL("internal"),
    /** A graduate moving from Kazakhstan abroad. */
    EMIGRATION("emigration"),
    /** A graduate moving from abroad to Kazakhstan. */
    RETURN("return"),
    /** A graduate moving from one foreign country to another. */
    ONWARD("onward");

    private final String label;

    FlowKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind of a graduate's move between two places. */
    public static FlowKind ofMove(boolean fromAbroad, boolean toAbroad) {
        if (fromAbroad) {
            return toAbroad ? ONWARD : RETURN;
        }
        return toAbroad ? EMIGRATION : INTERNAL;
    }
}
