package kz.kosh.scenario;

import java.util.List;

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
 *                     graduation who do not live in Kazakhstan (abroad_n_years_after_graduation_share_&lt;funding&gt;,
 *                     fiscal_loss_kzt_&lt;funding&gt;)
 */
public record RunSettings(int startYear, int endYear, int spinUpYears, long seed, double scale,
                          int nonReturnYearsAfterGraduation) {

    /** The group's YAML path. */
    static final String G = "run";
    public static final Param START_YEAR = Param.whole(G, "startYear", 1990, 2100, "calendar year",
            "assumption: run setting; first recorded year, early enough to cover the calibration period "
                    + "(emigration 2019-2024, UNESCO enrolment 2022 [B22])");
    public static final Param END_YEAR = Param.whole(G, "endYear", 1990, 2150, "calendar year",
            "assumption: run setting; about 20 years beyond the Concept of Migration Policy 2023-2027 [N24] so "
                    + "long-run human-capital losses show");
    public static final Param SPIN_UP_YEARS = Param.whole(G, "spinUpYears", 0, 60, "years",
            "derived: 22 = maxDecisionAgeYears 40 - entryAgeYears 18, so the first recorded year already holds "
                    + "every age up to the decision age");
    public static final Param SEED = Param.whole(G, "seed", 1, Long.MAX_VALUE, "integer (random seed)",
            "assumption: run setting without empirical meaning; any value >= 1 (MASON rejects 0)");
    public static final Param SCALE = Param.num(G, "scale", RunSettings.MIN_SCALE, 1.0, "agents per person",
            "assumption: run setting; 1.0 = one agent per graduate (full scale)");
    public static final Param NON_RETURN_YEARS_AFTER_GRADUATION = Param.whole(G, "nonReturnYearsAfterGraduation", 1, 20, "years after graduation",
            "assumption: reporting setting of the non-return indicators, abroad_n_years_after_graduation_share "
                    + "and fiscal_loss_kzt by funding route (graduates N years after graduation not living in Kazakhstan); "
                    + "5 years covers the Bolashak return obligation (5 years in Astana, Almaty or Shymkent, 3 elsewhere) "
                    + "and the state-grant work-off (3 years), so a graduate counted as not returned is past the obligation"
                    + " period");
    /** Every parameter of the group, in reading order (docs/parameters.md, the GUI, calibrations). */
    public static final List<Param> PARAMS = List.of(START_YEAR, END_YEAR, SPIN_UP_YEARS, SEED, SCALE, NON_RETURN_YEARS_AFTER_GRADUATION);

    /**
     * Smallest scale (agents per person): below it a yearly cohort of school leavers has only a
     * handful of agents (none at all near 1e-9), and regions stay empty.
     */
    public static final double MIN_SCALE = 1e-4;

    static RunSettings read(Fields f) {
        int before = f.problems().list().size();
        int start = START_YEAR.integer(f);
        int end = END_YEAR.integer(f);
        boolean yearsValid = f.problems().list().size() == before;
        int spin = SPIN_UP_YEARS.integer(f);
        long seed = SEED.longValue(f);
        double scale = SCALE.number(f);
        int nonReturnYears = NON_RETURN_YEARS_AFTER_GRADUATION.integer(f);
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
