package kz.kosh.scenario;

/**
 * When the simulation runs and how large it is.
 *
 * @param startYear    first recorded year (1 January)
 * @param endYear      last recorded year, inclusive
 * @param spinUpYears  unrecorded years simulated before {@code startYear} so that the first
 *                     recorded year already has graduates of every age up to the decision age
 * @param seed         random seed, at least 1 (MASON rejects 0)
 * @param scale        agents per person: 1.0 is one agent per graduate, 0.1 one per ten
 * @param nonReturnYearsAfterGraduation N of the non-return indicators: graduates N years after
 *                     graduation who do not live in Kazakhstan (nonreturn_share_&lt;funding&gt;,
 *                     fiscal_loss_kzt_&lt;funding&gt;)
 */
public record RunSettings(int startYear, int endYear, int spinUpYears, long seed, double scale,
                          int nonReturnYearsAfterGraduation) {
    /**
     * Smallest scale (agents per person): below it a yearly cohort of school leavers has only a
     * handful of agents (none at all near 1e-9), and regions stay empty.
     */
    public static final double MIN_SCALE = 1e-4;

    static RunSettings read(Fields f) {
        int before = f.problems().list().size();
        int start = f.integer("startYear", 1990, 2100);
        int end = f.integer("endYear", 1990, 2150);
        boolean yearsValid = f.problems().list().size() == before;
        int spin = f.integer("spinUpYears", 0, 60);
        long seed = f.longValue("seed", 1, Long.MAX_VALUE);
        double scale = f.num("scale", MIN_SCALE, 1.0);
        int nonReturnYears = f.integer("nonReturnYearsAfterGraduation", 1, 20);
        if (yearsValid && end < start) {
            f.problems().add(f.path() + ".endYear", "must not be before startYear " + start);
        }
        return new RunSettings(start, end, spin, seed, scale, nonReturnYears);
    }

    /** Recorded years, inclusive of both ends. */
    public int recordedYears() {
        return endYear - startYear + 1;
    }

    /** First simulated year, including the spin-up. */
    public int firstSimulatedYear() {
        return startYear - spinUpYears;
    }

    public RunSettings withSeed(long newSeed) {
        return new RunSettings(startYear, endYear, spinUpYears, newSeed, scale, nonReturnYearsAfterGraduation);
    }

    public RunSettings withScale(double newScale) {
        return new RunSettings(startYear, endYear, spinUpYears, seed, newScale, nonReturnYearsAfterGraduation);
    }
}
