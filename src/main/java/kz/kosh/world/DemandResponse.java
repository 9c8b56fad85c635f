package kz.kosh.world;

/**
 * How demand changes the world of a year: the chance of a state-funded study place at a host with
 * a fixed number of places (the same year's demand, solved in the study choice), and the chance of a
 * graduate job in a region that holds more graduates than its economy employs (last year's graduates,
 * {@link Demand}; {@link World} applies it after the policy modules' changes).
 */
public final class DemandResponse {

    private DemandResponse() {
    }

    /**
     * The chance of a state-funded study place at a host that offers Kazakhstani entrants F places a
     * year (Russia's federal-budget places and quota, {@code study.stateFundedPlacesPerYear}):
     * <pre>
     *   φ = min(1, F / E)
     * </pre>
     * with E the entrants from Kazakhstan to the host in the same year, persons; 1 when E ≤ 0. The
     * study choice takes φ where E is itself the demand at φ (the places are a number that binds
     * within the year: {@code kz.kosh.decision.StudyChoice#fundedShare}).
     *
     * @param placesPerYear   F, persons per year (&gt; 0)
     * @param entrantsPerYear E, persons per year
     */
    public static double fundedShare(double placesPerYear, double entrantsPerYear) {
        return entrantsPerYear <= 0 ? 1.0 : Math.min(1.0, placesPerYear / entrantsPerYear);
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
