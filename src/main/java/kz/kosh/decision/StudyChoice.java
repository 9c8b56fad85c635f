package kz.kosh.decision;

import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.StudyParams;
import kz.kosh.world.Ethnicity;
import kz.kosh.world.World;

/**
 * Where school leavers study. For an entrant of ethnicity e from home region h, the utility of place j is
 * <pre>
 *   V_hej = β_home·[j = h] + β_univ·ln(universities_j) + β_schol·σ_j       (j a region)
 *        + α_j + β_lang·λ_j + β_schol·σ_j + β_RU·[j = RU, e = Russian] + β_DE·[j = DE, e = German]
 *        − β_cost·ln C_j,t + γ·τ(t)·[j outside the CIS]                    (j abroad)
 *        + β_qual·Q_j + β_career·C_j + β_safe·(S_j,t − S_j,ref) − β_dist·ln(1 + d_hj / 100 km)
 * </pre>
 * with α_j the calibrated constant of destination j, λ language proximity, σ the scholarship
 * index (for a host with state-funded places for Kazakhstani entrants, the chance of one,
 * φ_j of {@link #fundedShare}: the places are a number that binds within the year; for a region of Kazakhstan the change of the
 * chance of a state grant from the built-in 2022 share, {@code kz.kosh.policy.StateGrant#adjustWorld}:
 * the same good, a tuition-free place, with the same weight), C_j,t the cost of a year of study at j relative to Kazakhstani incomes (1 in 2022:
 * tuition and living costs in the destination's currency at the market exchange rate of the
 * year, {@link kz.kosh.world.YearlyInputs#studyCostIndex}), Q study quality, C the career index
 * and S the safety index; a region without universities is not available. The safety term weighs
 * the change of S_j from S_j,ref, its value in the built-in tables ({@link World#safetyChangeFromTable}:
 * the 2022-2023 state the constants α_j are fitted to, since a constant level is absorbed by α_j):
 * Russia's fall from 0.55 to 0.45 in 2022 (war, sanctions, mobilisation) makes it less chosen by
 * β_safe·0.1 from 2022 on, and β_safe is free in the calibration without moving the fitted 2022
 * shares. γ·τ(t) ({@code abroadTrendPerYear}, τ(t) = min(0, t − T) = {@link World#studyTrendYears},
 * T = {@code abroadTrendEndYear}, 2018, the model year of UIS 2019) is the internationalisation of study before T at the
 * destinations outside the CIS (the third nest): outbound students per school-leaver cohort rose
 * from 0.318 (2015) to 0.402 (2019) (UNESCO UIS) while the tenge's 2015 float made study abroad
 * dearer, so neither price nor cohorts explain it; and the rise was outside Russia, whose count
 * stayed at 68,000-60,000 (2015-2020, russia_students_quota.csv T61-T64) on its fixed funded places.
 * A reduced-form trend (host scholarships, English-medium programmes; no series), held from T on
 * (no projection). The kin-state terms β_RU
 * and β_DE ({@code russianNetworkBonus}, {@code germanNetworkBonus}) make a region's orientation
 * towards Russia follow its ethnic composition (an entrant's ethnicity is drawn from it,
 * {@link World#drawEthnicity}): Kostanay (41% Russians) leans to Russia, oil-rich Atyrau (6%) hardly,
 * although both border it.
 *
 * <p>The choice is a <b>nested logit</b> with three nests m: the regions of Kazakhstan (K,
 * dissimilarity 1), the CIS destinations (group CIS: Russia, Kyrgyzstan, Uzbekistan) and the
 * other destinations, the two foreign nests with dissimilarity λ_S = {@code foreignNestScale}.
 * With w_j = s_j·exp(V_hj) (s_j the study access; 0 closes a destination to students),
 * <pre>
 *   S_m = Σ_{k∈m} w_k^{1/λ_m},   P(j | h) = S_m^{λ_m} / Σ_n S_n^{λ_n} · w_j^{1/λ_m} / S_m     (j ∈ m)
 * </pre>
 * λ_S = 1 is the multinomial logit; λ_S &lt; 1 says that destinations of a nest share
 * unobserved tastes (Russian language and schooling, free places; or a Western degree), so a
 * place that closes or costs more sends its students more to the rest of its nest than home.
 *
 * <p><b>State-funded places that bind.</b> A host j that offers Kazakhstani entrants F_j funded
 * places a year ({@code study.stateFundedPlacesPerYear}: Russia's federal-budget places) shares them
 * among the year's entrants to j, so the chance of one is φ_j = min(1, F_j / E_j) with E_j the same
 * year's demand, which itself depends on φ_j:
 * <pre>
 *   E_j(φ) = A_t · Σ_h π_h Σ_e s_he · P(j | h, e; σ_j = φ),      φ_j = min(1, F_j / E_j(φ_j))
 * </pre>
 * (A_t the year's school-leaver entrants, {@link World#schoolLeaverEntrants}; π_h region h's share of
 * the population, by which entrants are spread; s_he the ethnic shares). E_j rises with φ when
 * β_schol &gt; 0, so φ − min(1, F/E(φ)) rises from ≤ 0 at φ = 0 to ≥ 0 at φ = 1 and the root is found by
 * bisection (several hosts: in turn until none moves). In this equilibrium the funded entrants are F_j
 * whenever demand exceeds the places: the places fill in the year they are offered, and a
 * year of low demand is not followed by a rebound, as it was when φ took last year's entrants
 * (a cobweb: Russia's 2022 fall raised 2023's chance; with the ruble and the cohort its entrants rose up to 73%). Expected, not
 * sampled, demand: φ does not depend on the run's scale or seed.
 */
public final class StudyChoice {
    private final int places;
    /** Cumulative study-choice probabilities per home region and ethnicity, at [h·E + e] ({@link Logit#cumulative}). */
    private final double[][] cumulative;
    private final World world;
    /** The same restricted to the regions of Kazakhstan (null for a home region with no university anywhere). */
    private final double[][] domesticCumulative;
    /** σ_j as the choice weighs it: the world's index, with φ_j at the hosts of funded places. */
    private final double[] scholarship;
    private final StudyParams study;

    public StudyChoice(World world, Scenario s) {
        this.places = world.placeCount();
        this.world = world;
        this.study = s.study();
        this.scholarship = scholarshipIndices(world, study);
        int regions = world.regionCount();
        cumulative = new double[regions * Ethnicity.COUNT][];
        domesticCumulative = new double[regions][];
        for (int h = 0; h < regions; h++) {
            double[] w = null;
            for (int e = 0; e < Ethnicity.COUNT; e++) {
                w = weights(world, utilities(world, s.study(), h, e, scholarship));
                cumulative[h * Ethnicity.COUNT + e] = Logit.cumulative(nestedProbabilities(world, w, s.study().foreignNestScale()));
            }
            // the kin-state terms are at foreign places only: the regions' weights are those of any ethnicity
            double[] d = new double[places];
            System.arraycopy(w, 0, d, 0, regions);
            domesticCumulative[h] = Logit.cumulative(d);
        }
    }

    /** w_j = s_j·exp(V_j − max V): the access-weighted exponentiated utilities (0 where V = −∞ or access 0). */
    static double[] weights(World world, double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        double[] w = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            w[j] = v[j] == Double.NEGATIVE_INFINITY ? 0.0 : world.studyAccess(j) * Math.exp(v[j] - max);
        }
        return w;
    }

    /** The nest of place j: 0 the regions, 1 the CIS destinations, 2 the other destinations. */
    public static int nestOf(World world, int j) {
        return !world.isAbroad(j) ? 0 : "CIS".equals(world.group(j)) ? 1 : 2;
    }

    /**
     * P(j) of the nested logit of the class comment from the weights w_j, with the foreign nests'
     * dissimilarity {@code lambda} (the regions' nest has 1).
     */
    public static double[] nestedProbabilities(World world, double[] w, double lambda) {
        int n = w.length;
        double[] s = new double[3];
        double[] wl = new double[n];
        for (int j = 0; j < n; j++) {
            int m = nestOf(world, j);
            wl[j] = w[j] <= 0 ? 0.0 : m == 0 || lambda == 1.0 ? w[j] : Math.pow(w[j], 1.0 / lambda);
            s[m] += wl[j];
        }
        double[] nm = new double[3];
        double total = 0;
        for (int m = 0; m < 3; m++) {
            nm[m] = s[m] <= 0 ? 0.0 : m == 0 ? s[m] : Math.pow(s[m], lambda);
            total += nm[m];
        }
        double[] p = new double[n];
        if (!(total > 0)) {
            return p;
        }
        for (int j = 0; j < n; j++) {
            int m = nestOf(world, j);
            p[j] = wl[j] == 0 ? 0.0 : nm[m] / total * wl[j] / s[m];
        }
        return p;
    }

    /**
     * φ_j: the chance of a state-funded place at j in this year's equilibrium (class comment); NaN
     * where j offers no funded places.
     */
    public double fundedShare(int place) {
        return world.isAbroad(place) && study.stateFundedPlaces(world.id(place)) > 0 ? scholarship[place] : Double.NaN;
    }

    /**
     * The scholarship indices σ_j of the choice: the world's, with the equilibrium chance φ_j of a
     * funded place at every host with {@code stateFundedPlacesPerYear} (class comment).
     */
    static double[] scholarshipIndices(World world, StudyParams p) {
        int n = world.placeCount();
        double[] sigma = new double[n];
        for (int j = 0; j < n; j++) {
            sigma[j] = world.studyScholarshipIndex(j);
        }
        java.util.List<Integer> hosts = new java.util.ArrayList<>();
        for (int j = world.regionCount(); j < n; j++) {
            if (p.stateFundedPlaces(world.id(j)) > 0) {
                hosts.add(j);
            }
        }
        double a = world.schoolLeaverEntrants();
        for (int sweep = 0; sweep < 100 && !hosts.isEmpty(); sweep++) {
            double moved = 0;
            for (int j : hosts) {
                double f = p.stateFundedPlaces(world.id(j));
                HostDemand d = new HostDemand(world, p, sigma, j);
                double lo = 0;
                double hi = 1;
                for (int it = 0; it < 60; it++) {
                    double mid = 0.5 * (lo + hi);
                    if (mid > kz.kosh.world.DemandResponse.fundedShare(f, a * d.share(mid))) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                double phi = 0.5 * (lo + hi);
                moved = Math.max(moved, Math.abs(phi - sigma[j]));
                sigma[j] = phi;
            }
            if (hosts.size() == 1 || moved < 1e-12) {
                break;
            }
        }
        return sigma;
    }

    /**
     * Σ_h π_h Σ_e s_he·P(j | h, e) as a function of host j's scholarship index φ, the other places'
     * indices held: the share of all school-leaver entrants choosing j (π_h the home region's share of
     * the population, by which entrants are spread, {@code kz.kosh.sim.EntryPhase}). Only w_j moves
     * with φ, w_j(φ) = w_j(0)·e^{β_schol·φ}, so with j in nest m (dissimilarity λ_m), R_m the sum of
     * w_k^{1/λ_m} over the rest of its nest and O the other nests' terms of {@link #nestedProbabilities},
     * <pre>
     *   P(j | h, e; φ) = 1 / (1 + O·S^{−λ_m}) · 1 / (1 + R_m / w_j^{1/λ_m}),   S = R_m + w_j^{1/λ_m}
     * </pre>
     * computed in logarithms; the utilities are computed once per (h, e), not per trial φ.
     */
    static final class HostDemand {
        private final double[] coefficient;
        private final double[] logWeight0;
        private final double[] rest;
        private final double[] others;
        private final double beta;
        private final double lambda;

        HostDemand(World world, StudyParams p, double[] sigma, int j) {
            int m = nestOf(world, j);
            lambda = m == 0 ? 1.0 : p.foreignNestScale();
            beta = p.scholarshipWeight();
            int cells = world.regionCount() * Ethnicity.COUNT;
            coefficient = new double[cells];
            logWeight0 = new double[cells];
            rest = new double[cells];
            others = new double[cells];
            double population = 0;
            for (int h = 0; h < world.regionCount(); h++) {
                population += world.population(h);
            }
            double saved = sigma[j];
            sigma[j] = 0;
            for (int h = 0; h < world.regionCount(); h++) {
                for (int e = 0; e < Ethnicity.COUNT; e++) {
                    int c = h * Ethnicity.COUNT + e;
                    coefficient[c] = world.population(h) / population * world.ethnicShare(h, e);
                    if (coefficient[c] <= 0) {
                        continue;
                    }
                    double[] w = weights(world, utilities(world, p, h, e, sigma));
                    double[] s = new double[3];
                    for (int k = 0; k < w.length; k++) {
                        int n = nestOf(world, k);
                        if (k != j && w[k] > 0) {
                            s[n] += n == 0 || p.foreignNestScale() == 1.0 ? w[k] : Math.pow(w[k], 1.0 / p.foreignNestScale());
                        }
                    }
                    double o = 0;
                    for (int n = 0; n < 3; n++) {
                        if (n != m && s[n] > 0) {
                            o += n == 0 ? s[n] : Math.pow(s[n], p.foreignNestScale());
                        }
                    }
                    logWeight0[c] = w[j] > 0 ? Math.log(w[j]) : Double.NEGATIVE_INFINITY;
                    rest[c] = s[m];
                    others[c] = o;
                }
            }
            sigma[j] = saved;
        }

        /** Σ_h π_h Σ_e s_he·P(j | h, e) at host j's index φ. */
        double share(double phi) {
            double share = 0;
            for (int c = 0; c < coefficient.length; c++) {
                if (coefficient[c] <= 0 || logWeight0[c] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double logWl = (logWeight0[c] + beta * phi) / lambda;
                double logS = logWl + Math.log1p(rest[c] * Math.exp(-logWl));
                double p = 1.0 / (1.0 + others[c] * Math.exp(-lambda * logS)) / (1.0 + rest[c] * Math.exp(-logWl));
                share += coefficient[c] * p;
            }
            return share;
        }
    }

    /** V_hej for all places j (−∞ where a region has no universities), e an {@link Ethnicity} code, at the world's scholarship indices. */
    public static double[] utilities(World world, StudyParams p, int home, int ethnicity) {
        return utilities(world, p, home, ethnicity, null);
    }

    /** V_hej at the scholarship indices {@code sigma} (the world's where null). */
    static double[] utilities(World world, StudyParams p, int home, int ethnicity, double[] sigma) {
        int n = world.placeCount();
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            double x;
            if (!world.isAbroad(j)) {
                if (world.universities(j) <= 0) {
                    v[j] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                x = p.universitiesWeight() * Math.log(world.universities(j)) + (j == home ? p.homeBonus() : 0.0)
                        + p.scholarshipWeight() * (sigma == null ? world.studyScholarshipIndex(j) : sigma[j]);
            } else {
                x = p.destinationConstant(world.id(j)) + p.languageWeight() * world.languageProximity(j)
                        + p.scholarshipWeight() * (sigma == null ? world.studyScholarshipIndex(j) : sigma[j])
                        + (j == world.russia() && ethnicity == Ethnicity.RUSSIAN ? p.russianNetworkBonus() : 0.0)
                        + (j == world.germany() && ethnicity == Ethnicity.GERMAN ? p.germanNetworkBonus() : 0.0)
                        - p.costWeight() * Math.log(world.studyCostIndex(j))
                        + (nestOf(world, j) == 2 ? p.abroadTrendPerYear() * world.studyTrendYears() : 0.0);
            }
            x += p.qualityWeight() * world.studyQualityIndex(j) + p.careerWeight() * world.careerIndex(j)
                    + p.safetyWeight() * world.safetyChangeFromTable(j)
                    - p.distanceWeight() * Math.log1p(world.distanceKm(home, j) / 100.0);
            v[j] = x;
        }
        return v;
    }

    /** P(j | h) = Σ_e s_he·P(j | h, e) for all places, s_he the share of ethnicity e in region h. */
    public double[] probabilities(int home) {
        double[] p = new double[places];
        for (int e = 0; e < Ethnicity.COUNT; e++) {
            double share = world.ethnicShare(home, e);
            double[] pe = probabilities(home, e);
            for (int j = 0; j < places; j++) {
                p[j] += share * pe[j];
            }
        }
        return p;
    }

    /** P(j | h, e) for all places. */
    public double[] probabilities(int home, int ethnicity) {
        double[] p = new double[places];
        double prev = 0;
        double[] c = cumulative[home * Ethnicity.COUNT + ethnicity];
        for (int j = 0; j < places; j++) {
            p[j] = c[j] - prev;
            prev = c[j];
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

    /** Draws a study place for an entrant of ethnicity {@code ethnicity} from {@code home} with uniform {@code u}. */
    public int draw(int home, int ethnicity, double u) {
        return Logit.drawCumulative(cumulative[home * Ethnicity.COUNT + ethnicity], u);
    }
}
