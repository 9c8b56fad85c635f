package kz.kosh.decision;

import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.StudyParams;
import kz.kosh.world.World;

/**
 * Where school leavers study. For an entrant from home region h, the utility of place j is
 * <pre>
 *   V_hj = β_home·[j = h] + β_univ·ln(universities_j)                    (j a region)
 *        + α_j + β_lang·λ_j + β_schol·σ_j + β_rb·[j = RU and h borders Russia]   (j abroad)
 *        + β_qual·Q_j + β_career·C_j − β_dist·ln(1 + d_hj / 100 km)
 * </pre>
 * with α_j the calibrated constant of destination j, λ language proximity, σ the scholarship
 * index, Q study quality and C the career index; a region without universities is not
 * available. The probability is P(j | h) = s_j·exp(V_hj) / Σ_k s_k·exp(V_hk), where s_j is the
 * study access of j (1 for regions; 0 closes a destination to students).
 */
public final class StudyChoice {
    private final int places;
    /** Cumulative study-choice probabilities per home region ({@link Logit#cumulative}). */
    private final double[][] cumulative;
    /** The same restricted to the regions of Kazakhstan (null for a home region with no university anywhere). */
    private final double[][] domesticCumulative;

    public StudyChoice(World world, Scenario s) {
        this.places = world.placeCount();
        int regions = world.regionCount();
        cumulative = new double[regions][];
        domesticCumulative = new double[regions][];
        double[] w = new double[places];
        for (int h = 0; h < regions; h++) {
            double[] v = utilities(world, s.study(), h);
            double max = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                max = Math.max(max, x);
            }
            for (int j = 0; j < places; j++) {
                w[j] = v[j] == Double.NEGATIVE_INFINITY ? 0.0 : world.studyAccess(j) * Math.exp(v[j] - max);
            }
            cumulative[h] = Logit.cumulative(w);
            double[] d = new double[places];
            System.arraycopy(w, 0, d, 0, regions);
            domesticCumulative[h] = Logit.cumulative(d);
        }
    }

    /** V_hj for all places j (−∞ where a region has no universities). */
    public static double[] utilities(World world, StudyParams p, int home) {
        int n = world.placeCount();
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            double x;
            if (!world.isAbroad(j)) {
                if (world.universities(j) <= 0) {
                    v[j] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                x = p.universitiesWeight() * Math.log(world.universities(j)) + (j == home ? p.homeBonus() : 0.0);
            } else {
                x = p.destinationConstant(world.id(j)) + p.languageWeight() * world.languageProximity(j)
                        + p.scholarshipWeight() * world.studyScholarshipIndex(j)
                        + (j == world.russia() && world.bordersRussia(home) ? p.russiaBorderBonus() : 0.0);
            }
            x += p.qualityWeight() * world.studyQualityIndex(j) + p.careerWeight() * world.careerIndex(j)
                    - p.distanceWeight() * Math.log1p(world.distanceKm(home, j) / 100.0);
            v[j] = x;
        }
        return v;
    }

    /** P(j | h) for all places. */
    public double[] probabilities(int home) {
        double[] p = new double[places];
        double prev = 0;
        for (int j = 0; j < places; j++) {
            double c = cumulative[home][j];
            p[j] = c - prev;
            prev = c;
        }
        return p;
    }

    /**
     * Draws a university in Kazakhstan for an entrant from {@code home} (P(j | h, j a region) =
     * P(j | h) / Σ_regions P(k | h)) with uniform {@code u}; −1 when no region has a university.
     */
    public int drawDomestic(int home, double u) {
        return domesticCumulative[home] == null ? -1 : Logit.drawCumulative(domesticCumulative[home], u);
    }

    /** Draws a study place for an entrant from {@code home} with uniform {@code u}. */
    public int draw(int home, double u) {
        return Logit.drawCumulative(cumulative[home], u);
    }
}
