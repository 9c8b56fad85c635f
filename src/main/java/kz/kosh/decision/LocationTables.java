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
    private final World world;
    private final LocationUtility utility;
    private final int places;
    private final int regions;
    /**
     * Row stride: slot 0 holds the row sum, slot 1 the sum over foreign places of the weights
     * without obstacles (exp(V_j + obstacles_cj)), then the weights.
     */
    private final int stride;
    /** exp(V_j − network_j − max) per kind: everything but the yearly network term. */
    private final float[] base;
    private final float[] weight;
    private final float[] feasibleWeight;
    /** exp(obstacles_cj) for every (c, j). */
    private final double[] obstacleFactor;
    /** exp(β_net·ln(1 + D_j)) = (1 + D_j)^β_net for the current diaspora stocks. */
    private final double[] networkFactor;
    private final double[] access;
    private final double considerationConstant;
    private final double considerationGainWeight;
    private final double expMinusConstant;

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

    /**
     * Prepares the tables of all kinds. The part of the utility that does not change during a
     * policy epoch is exponentiated once ({@link #fillBaseGroups}); each year only the network
     * factor (1 + D_j)^β_net is multiplied in ({@link #setDiaspora}, {@link #applyNetworkGroups}),
     * which needs no exp(). Groups are independent, so callers may fill them in parallel.
     */
    public LocationTables(World world, LocationUtility utility, DecisionParams d) {
        this.world = world;
        this.utility = utility;
        this.places = world.placeCount();
        this.regions = world.regionCount();
        this.stride = places + 2;
        this.considerationConstant = d.considerationConstant();
        this.considerationGainWeight = d.considerationGainWeight();
        this.expMinusConstant = Math.exp(-d.considerationConstant());
        obstacleFactor = new double[places * places];
        for (int c = 0; c < places; c++) {
            for (int j = 0; j < places; j++) {
                obstacleFactor[c * places + j] = Math.exp(utility.obstacles(c, j));
            }
        }
        access = new double[places];
        for (int j = 0; j < places; j++) {
            access[j] = world.workAccess(j);
        }
        networkFactor = new double[places];
        int kinds = AgentKind.count(places);
        base = new float[kinds * places];
        weight = new float[kinds * stride];
        feasibleWeight = new float[kinds * stride];
    }

    /** Builds complete tables for the given diaspora stocks on the calling thread. */
    public static LocationTables build(World world, LocationUtility utility, DecisionParams d, double[] diaspora) {
        LocationTables t = new LocationTables(world, utility, d);
        t.fillBaseGroups(0, t.groupCount());
        t.setDiaspora(diaspora);
        t.applyNetworkGroups(0, t.groupCount());
        return t;
    }

    /** Number of independent row groups (age band × human-capital bin). */
    public int groupCount() {
        return DecisionParams.AGE_BANDS * AgentKind.H_BINS;
    }

    /** Kinds [first, end) of a group. */
    private int firstKind(int group) {
        return AgentKind.index(group / AgentKind.H_BINS, group % AgentKind.H_BINS, 0, 0, false, places);
    }

    private int kindsPerGroup() {
        return places * AgentKind.OBLIGATION_TYPES * 2;
    }

    /** Fills the base rows exp(V_j − network_j − max_j V) of groups [from, to). */
    public void fillBaseGroups(int from, int to) {
        double[] v = new double[places];
        for (int g = from; g < to; g++) {
            int band = g / AgentKind.H_BINS;
            double h = AgentKind.humanCapitalOfBin(g % AgentKind.H_BINS);
            for (int kind = firstKind(g), end = kind + kindsPerGroup(); kind < end; kind++) {
                int e = kind % 2;
                int o = (kind / 2) % AgentKind.OBLIGATION_TYPES;
                int c = (kind / (2 * AgentKind.OBLIGATION_TYPES)) % places;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < places; j++) {
                    v[j] = utility.utility(band, h, c, j, o, e == 1, 0.0);
                    max = Math.max(max, v[j]);
                }
                int b = kind * places;
                for (int j = 0; j < places; j++) {
                    base[b + j] = (float) Math.exp(v[j] - max);
                }
            }
        }
    }

    /** Sets the diaspora stocks (thousands) whose network factors {@link #applyNetworkGroups} multiplies in. */
    public void setDiaspora(double[] diasporaThousands) {
        for (int j = 0; j < places; j++) {
            networkFactor[j] = Math.exp(utility.networkTerm(j, diasporaThousands[j]));
        }
    }

    /** Computes the weights, feasible weights and row sums of groups [from, to) for the current network factors. */
    public void applyNetworkGroups(int from, int to) {
        for (int g = from; g < to; g++) {
            for (int kind = firstKind(g), end = kind + kindsPerGroup(); kind < end; kind++) {
                int c = (kind / (2 * AgentKind.OBLIGATION_TYPES)) % places;
                int b = kind * places;
                int r = kind * stride;
                int obstacleRow = c * places;
                double s = 0;
                double fs = 0;
                double abroad = 0;
                for (int j = 0; j < places; j++) {
                    double w = base[b + j] * networkFactor[j];
                    double a = j == c ? w : access[j] * w;
                    weight[r + 2 + j] = (float) w;
                    feasibleWeight[r + 2 + j] = (float) a;
                    s += w;
                    fs += a;
                    if (j >= regions) {
                        abroad += w * obstacleFactor[obstacleRow + j];
                    }
                }
                weight[r] = (float) s;
                feasibleWeight[r] = (float) fs;
                weight[r + 1] = (float) abroad;
            }
        }
    }

    private int row(int kind) {
        return kind * stride;
    }

    public int places() {
        return places;
    }

    /** Σ_j exp(V_j + b_j) for an agent of kind k with bonuses b. */
    public double totalWeight(int kind, Bonuses b) {
        return rowTotal(weight, kind, b);
    }

    /** Row sum of a table for an agent: the kind's sum plus w_p·(factor_p − 1) at each bonus place. */
    private double rowTotal(float[] table, int kind, Bonuses b) {
        int base = row(kind);
        double s = table[base];
        for (int i = 0; i < b.n; i++) {
            s += table[base + 2 + b.place[i]] * (b.factor[i] - 1.0);
        }
        return s;
    }

    /** exp(V_j + b_j) for one place. */
    public double weight(int kind, int j, Bonuses b) {
        return weight[row(kind) + 2 + j] * b.factorOf(j);
    }

    /**
     * Probability of considering a move: 1 / (1 + exp(−(κ0 + κ1·G + boost))), with G the log-sum
     * gain of moving away from {@code current} (see the class comment).
     */
    public double considerProbability(int kind, int current, Bonuses b, double boost) {
        int base = row(kind);
        double total = weight[base];
        double stayFactor = 1.0;
        for (int i = 0; i < b.n; i++) {
            int p = b.place[i];
            total += weight[base + 2 + p] * (b.factor[i] - 1.0);
            if (p == current) {
                stayFactor *= b.factor[i];
            }
        }
        double stay = weight[base + 2 + current] * stayFactor;
        double away = total - stay;
        if (away <= 0) {
            return 0.0;
        }
        // 1 / (1 + exp(−(κ0 + κ1·ln(away/stay) + boost))) = 1 / (1 + exp(−κ0 − boost)·(stay/away)^κ1)
        double ratio = stay / away;
        double power = considerationGainWeight == 1.0 ? ratio : Math.pow(ratio, considerationGainWeight);
        double e = boost == 0.0 ? expMinusConstant : Math.exp(-considerationConstant - boost);
        return 1.0 / (1.0 + e * power);
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
        return draw(feasibleWeight, kind, exclude, b, u, rowTotal(feasibleWeight, kind, b));
    }

    /**
     * Willingness to emigrate of an agent living in Kazakhstan, the stated side of the
     * intention–behaviour gap: the binary-logit probability that the best foreign place beats
     * staying when the intervening obstacles (border, distance, status-quo inertia; see
     * {@link LocationUtility#obstacles}) are left out, as a survey respondent weighs push and pull:
     * A / (A + exp(V_c + b_c − o_cc)), with A = Σ_{j abroad} exp(V_j + b_j + o_cj).
     */
    public double willingnessToEmigrate(int kind, int current, Bonuses b) {
        int base = row(kind);
        double a = weight[base + 1];
        int row = current * places;
        for (int i = 0; i < b.n; i++) {
            int p = b.place[i];
            if (p >= regions) {
                a += weight[base + 2 + p] * obstacleFactor[row + p] * (b.factor[i] - 1.0);
            }
        }
        double stay = weight(kind, current, b) * obstacleFactor[row + current];
        return a / (a + stay);
    }

    /** Draws a region of Kazakhstan with P(j) ∝ exp(V_j + b_j), j a region, using uniform {@code u}. */
    public int drawDomestic(int kind, Bonuses b, double u) {
        int base = row(kind) + 2;
        double total = 0;
        for (int j = 0; j < regions; j++) {
            total += weight[base + j] * b.factorOf(j);
        }
        double target = u * total;
        double acc = 0;
        for (int j = 0; j < regions; j++) {
            acc += weight[base + j] * b.factorOf(j);
            if (acc > target) {
                return j;
            }
        }
        return regions - 1;
    }

    private int draw(float[] table, int kind, int exclude, Bonuses b, double u, double total) {
        int base = row(kind) + 2;
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
