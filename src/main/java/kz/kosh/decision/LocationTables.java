package kz.kosh.decision;

import kz.kosh.scenario.DecisionParams;
import kz.kosh.world.World;

/**
 * The yearly location choice of graduates, evaluated fast: for every {@linkplain AgentKind kind}
 * the weights exp(V_j) are computed once a year by {@link LocationUtility}; each agent then only
 * multiplies in its own bonuses at a few places ({@link Bonuses}).
 *
 * <p>Three steps per agent and year:
 * <ol>
 *   <li><b>Consideration</b> (the intention–behaviour gap): with S = Σ_j exp(V_j + b_j) over all
 *       places and c the current place, the log-sum gain of moving is
 *       G = ln(S − exp(V_c + b_c)) − (V_c + b_c), and the agent considers moving with probability
 *       p = 1 / (1 + exp(−(κ0 + κ1·G + boost))).</li>
 *   <li><b>Intention</b>: a considering agent's preferred place j ≠ c is drawn with
 *       P(j) = exp(V_j + b_j) / Σ_{k≠c} exp(V_k + b_k), ignoring visas.</li>
 *   <li><b>Feasible choice</b>: when the intended place refuses a permit (probability
 *       1 − workAccess_j), the agent chooses again among feasible places with
 *       P(j) ∝ a_j·exp(V_j + b_j), where a_j is the work access and a_c = 1 (staying is always
 *       possible for a settled agent). Closing a destination (a_j = 0) thus sends nobody new
 *       there and the others gain.</li>
 * </ol>
 */
public final class LocationTables {
    private final int places;
    private final double[] weight;
    private final double[] feasibleWeight;
    private final double[] sum;
    private final double[] feasibleSum;
    private final double considerationConstant;
    private final double considerationGainWeight;

    /**
     * An agent's bonuses: at most a few places, each with a factor exp(b) multiplying its weight.
     * Reused per thread; not thread-safe.
     */
    public static final class Bonuses {
        private final int[] place = new int[6];
        private final double[] factor = new double[6];
        private int n;

        public void clear() {
            n = 0;
        }

        /** Adds utility bonus exp(b) as a factor at a place; factors at the same place multiply. */
        public void add(int p, double expBonus) {
            if (p < 0 || expBonus == 1.0) {
                return;
            }
            for (int i = 0; i < n; i++) {
                if (place[i] == p) {
                    factor[i] *= expBonus;
                    return;
                }
            }
            place[n] = p;
            factor[n] = expBonus;
            n++;
        }

        public double factorOf(int p) {
            double f = 1.0;
            for (int i = 0; i < n; i++) {
                if (place[i] == p) {
                    f *= factor[i];
                }
            }
            return f;
        }
    }

    /** Builds the tables for all kinds from utilities of the given diaspora stocks. */
    public LocationTables(World world, LocationUtility utility, DecisionParams d, double[] diasporaThousands) {
        this.places = world.placeCount();
        this.considerationConstant = d.considerationConstant();
        this.considerationGainWeight = d.considerationGainWeight();
        int kinds = AgentKind.count(places);
        weight = new double[kinds * places];
        feasibleWeight = new double[kinds * places];
        sum = new double[kinds];
        feasibleSum = new double[kinds];
        double[] v = new double[places];
        for (int band = 0; band < DecisionParams.AGE_BANDS; band++) {
            for (int hb = 0; hb < AgentKind.H_BINS; hb++) {
                double h = AgentKind.humanCapitalOfBin(hb);
                for (int c = 0; c < places; c++) {
                    for (int o = 0; o < AgentKind.OBLIGATION_TYPES; o++) {
                        for (int e = 0; e < 2; e++) {
                            int k = AgentKind.index(band, hb, c, o, e == 1, places);
                            double max = Double.NEGATIVE_INFINITY;
                            for (int j = 0; j < places; j++) {
                                v[j] = utility.utility(band, h, c, j, o, e == 1, diasporaThousands);
                                max = Math.max(max, v[j]);
                            }
                            double s = 0;
                            double fs = 0;
                            int base = k * places;
                            for (int j = 0; j < places; j++) {
                                double w = Math.exp(v[j] - max);
                                double a = j == c ? 1.0 : world.workAccess(j);
                                weight[base + j] = w;
                                feasibleWeight[base + j] = a * w;
                                s += w;
                                fs += a * w;
                            }
                            sum[k] = s;
                            feasibleSum[k] = fs;
                        }
                    }
                }
            }
        }
    }

    public int places() {
        return places;
    }

    /** Σ_j exp(V_j + b_j) for an agent of kind k with bonuses b. */
    public double totalWeight(int kind, Bonuses b) {
        int base = kind * places;
        double s = sum[kind];
        for (int i = 0; i < b.n; i++) {
            s += weight[base + b.place[i]] * (b.factor[i] - 1.0);
        }
        return s;
    }

    /** exp(V_j + b_j) for one place. */
    public double weight(int kind, int j, Bonuses b) {
        return weight[kind * places + j] * b.factorOf(j);
    }

    /**
     * Probability of considering a move: 1 / (1 + exp(−(κ0 + κ1·G + boost))), with G the log-sum
     * gain of moving away from {@code current} (see the class comment).
     */
    public double considerProbability(int kind, int current, Bonuses b, double boost) {
        double total = totalWeight(kind, b);
        double stay = weight(kind, current, b);
        double away = total - stay;
        if (away <= 0) {
            return 0.0;
        }
        double gain = Math.log(away) - Math.log(stay);
        return Logit.logistic(considerationConstant + considerationGainWeight * gain + boost);
    }

    /**
     * Draws a place with P(j) ∝ exp(V_j + b_j) using uniform {@code u}; {@code exclude} (or −1)
     * gets probability 0.
     */
    public int drawIntention(int kind, int exclude, Bonuses b, double u) {
        return draw(weight, kind, exclude, b, u, totalWeight(kind, b));
    }

    /**
     * Draws a feasible place with P(j) ∝ a_j·exp(V_j + b_j) (a_c = 1 for the current place of
     * the kind) using uniform {@code u}; {@code exclude} (or −1) gets probability 0. Returns −1
     * when no place is feasible.
     */
    public int drawFeasible(int kind, int exclude, Bonuses b, double u) {
        int base = kind * places;
        double s = feasibleSum[kind];
        for (int i = 0; i < b.n; i++) {
            s += feasibleWeight[base + b.place[i]] * (b.factor[i] - 1.0);
        }
        return draw(feasibleWeight, kind, exclude, b, u, s);
    }

    private int draw(double[] table, int kind, int exclude, Bonuses b, double u, double total) {
        int base = kind * places;
        if (exclude >= 0) {
            total -= table[base + exclude] * b.factorOf(exclude);
        }
        if (!(total > 0)) {
            return -1;
        }
        double target = u * total;
        double acc = 0;
        int last = -1;
        for (int j = 0; j < places; j++) {
            if (j == exclude) {
                continue;
            }
            double w = table[base + j];
            if (w == 0) {
                continue;
            }
            for (int i = 0; i < b.n; i++) {
                if (b.place[i] == j) {
                    w *= b.factor[i];
                }
            }
            acc += w;
            last = j;
            if (acc > target) {
                return j;
            }
        }
        return last;
    }
}
