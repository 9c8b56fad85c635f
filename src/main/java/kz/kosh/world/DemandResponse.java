package kz.kosh.world;

import kz.kosh.scenario.Scenario;

/**
 * How last year's demand ({@link World.Demand}) changes the world of a year: the chance of a
 * state-funded study place at a host with a fixed number of places, and the chance of a graduate
 * job in a region that holds more graduates than its economy employs. {@link World} applies both
 * when it is built (after the policy modules' changes for the crowding, before them for the places).
 */
public final class DemandResponse {

    private DemandResponse() {
    }

    /**
     * The chance of a state-funded study place at a host that offers Kazakhstani entrants F places a
     * year (Russia's federal-budget places and quota, {@code study.stateFundedPlacesPerYear}):
     * <pre>
     *   φ_j,t = min(1, F_j,t / E_j,t−1)
     * </pre>
     * with E_j,t−1 last year's entrants from Kazakhstan to j, persons. Before any year has been
     * simulated (and in the study calibration) E is the steady state of the observed enrolment,
     * E = N_j,2022 / bachelorYears. The places are a fixed number, so as cohorts of school leavers
     * grow the chance falls and fewer choose the host; 1 when E ≤ 0. φ replaces the
     * destination's scholarship index σ_j in the study utility.
     *
     * @param placesPerYear   F, persons per year (&gt; 0)
     * @param entrantsPerYear E, persons per year
     */
    public static double fundedShare(double placesPerYear, double entrantsPerYear) {
        return entrantsPerYear <= 0 ? 1.0 : Math.min(1.0, placesPerYear / entrantsPerYear);
    }

    /**
     * The scholarship index of each host offering state-funded places
     * ({@code study.stateFundedPlacesPerYear}): the chance of one, {@link #fundedShare}, with last
     * year's entrants from Kazakhstan (agents / scale), or the steady state of the observed
     * enrolment before any year has been simulated.
     */
    static void stateFundedPlaces(Scenario s, World.Demand lastYear, String[] ids, int regionCount,
                                  double[] studentsEnrolled2022, double[] studyScholarshipIndex) {
        double scale = s.run() == null ? 1.0 : s.run().scale();
        for (int i = regionCount; i < ids.length; i++) {
            double places = s.study().stateFundedPlaces(ids[i]);
            if (places > 0) {
                double entrants = lastYear != null && lastYear.studyEntrants()[i] > 0
                        ? lastYear.studyEntrants()[i] / scale
                        : studentsEnrolled2022[i] / s.study().bachelorYears();
                studyScholarshipIndex[i] = fundedShare(places, entrants);
            }
        }
    }

    /**
     * Labour-market capacity for graduates (docs/evidence.md, "Labour-market capacity"): a region's
     * observed wage and unemployment hold for the graduates its economy employs; once more graduates
     * live there than its graduate jobs can take, the chance of a graduate job at that wage falls
     * (Harris–Todaro: jobs / job seekers). With ρ_j the region's graduates per inhabitant relative to
     * Kazakhstan's (last year's graduates living there, population of 1 January 2023),
     * <pre>
     *   ρ_j = (G_j / Σ_k G_k) / (P_j / Σ_k P_k)
     *   f_j = min(1, κ / ρ_j)^η
     * </pre>
     * κ = {@code economy.graduateJobCapacityRatio}, η = {@code economy.graduateCrowdingElasticity};
     * f_j multiplies the region's employment probability e_j (so the expected income w_j·e_j of the
     * location choice). A region below capacity keeps its observed labour market (f = 1): its lower
     * density reflects lower demand, not an unclaimed premium. With η = 1 an Atyrau holding 8 times
     * Kazakhstan's graduates per inhabitant at κ = 2 offers a quarter of its wage in expectation.
     *
     * @param density       ρ_j (≥ 0)
     * @param capacityRatio κ (&gt; 0)
     * @param elasticity    η (≥ 0)
     */
    public static double graduateJobChanceFactor(double density, double capacityRatio, double elasticity) {
        if (density <= capacityRatio || elasticity == 0) {
            return 1.0;
        }
        return Math.pow(capacityRatio / density, elasticity);
    }

    /**
     * Multiplies the regions' employment probabilities by their {@linkplain #graduateJobChanceFactor
     * graduate-job chance factors} at last year's graduates living there (after the policy
     * modules' changes, which act on the observed labour market). No change when no graduate
     * lives in Kazakhstan yet.
     */
    static void crowdGraduates(double[] employmentProbability, double[] population, int regionCount,
                               long[] graduatesLiving, double capacityRatio, double elasticity) {
        double graduates = 0;
        double people = 0;
        for (int i = 0; i < regionCount; i++) {
            graduates += graduatesLiving[i];
            people += population[i];
        }
        if (graduates <= 0 || people <= 0) {
            return;
        }
        for (int i = 0; i < regionCount; i++) {
            double density = (graduatesLiving[i] / graduates) / (population[i] / people);
            employmentProbability[i] *= graduateJobChanceFactor(density, capacityRatio, elasticity);
        }
    }
}
