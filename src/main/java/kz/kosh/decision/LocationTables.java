package kz.kosh.decision;

import kz.kosh.scenario.DecisionParams;
import kz.kosh.world.World;

/**
 * The yearly location choice of graduates as a nested logit ({@link NestedLogit}: stay / other
 * regions of Kazakhstan / foreign places), evaluated fast: for every {@linkplain AgentKind kind}
 * the weights u_j = exp((V_j − M)/λ_m(j)) (and exp(V_c − M) for the current place c, M the
 * row maximum) and the nest sums are computed once a year by {@link LocationUtility}; each agent
 * then only corrects the sums for its own bonuses at a few places ({@link #prepare}).
 *
 * <p>Per agent, with S_m = Σ_{k ∈ m} u_k·f_k^{1/λ_m} (f_k = exp(b_k) the agent's bonus factor),
 * N_m = S_m^λ_m and W_c = exp(V_c − M)·f_c:
 * <ol>
 *   <li><b>Consideration</b> (the intention–behaviour gap): the log-sum gain of moving is
 *       G = ln(N_D + N_A) − ln W_c, and the agent considers moving with probability
 *       p = 1 / (1 + exp(−(κ0 + κ1·G + boost))).</li>
 *   <li><b>Intention</b> ({@link #drawMove}): nest m with P = N_m / (N_D + N_A), then place j
 *       in it with P = u_j f_j^{1/λ_m} / S_m. A destination closed to work migration (work
 *       access 0) is not in the choice set, so its choosers go elsewhere, in proportion to the
 *       nest structure: with λ_A &lt; 1 most of them to other foreign places.</li>
 *   <li><b>Permit</b>: an intention abroad is granted with the destination's work access;
 *       a refused graduate takes the second choice ({@link #drawSecondChoice}), which meets the
 *       permit barrier again (see {@code Rules.moveChoice}).</li>
 * </ol>
 * A first job after graduation is a full choice including staying ({@link #stayProbability}).
 */
public final class LocationTables {
    /**
     * Header slots per row: S_D, S_A, N_D, N_A, S_W, N_W (willingness sums), the row's stamp
     * ({@link #STAMP_SLOT}), the current place's weight ({@link #STAY_SLOT}); then the weights.
     */
    private static final int HEADER = 8;
    /**
     * The slot of the current place's weight u_c, a copy of the weight at the row's current place:
     * every decision reads it (W_c), and in the header, 32 bytes with the stamp and the nest sums, it
     * is in the cache line the decision reads first instead of one of its own (location phase −9%
     * in a same-process A/B at scale 0.05; the rows one float longer, 0.25 MB more of tables).
     */
    private static final int STAY_SLOT = 7;
    /**
     * The slot of a row's stamp: the {@link #epoch} its weights were computed for, as the bits of a
     * float (0: never), in the row itself, so that checking it reads the cache line the agent's
     * decision reads next anyway (a separate array of stamps cost a cache miss of its own).
     */
    private static final int STAMP_SLOT = 6;
    private final LocationUtility utility;
    private final int places;
    private final int regions;
    private final int stride;
    private final double lambdaD;
    private final double lambdaA;
    /** Per kind and place: exp((V_j − network_j − M)/λ(j)) for j ≠ c, exp(V_c − network_c − M) at c. */
    private final float[] base;
    /** Per kind: header, then the weights with this year's network factors. */
    private final float[] weight;
    /** exp(o_cj / λ(j)) for j ≠ c and exp(o_cc) at c: the intervening obstacles, to remove them for willingness. */
    private final double[] obstacleFactor;
    /** exp(n_j / λ(j)) (exp(n_j) as the current place) of this year's network term n_j. */
    private final double[] networkNest;
    private final double[] networkPlain;
    /** Whether a foreign place is open to new work migrants (work access > 0). */
    private final boolean[] open;
    private final double considerationConstant;
    private final double considerationGainWeight;
    private final double expMinusConstant;
    /**
     * Whether a status (obligation type) can be held this year; the rows of the others are not
     * filled (agents of a status not in force are given the rows of none, see Rules.kind).
     */
    private final boolean[] inForce;
    /** The number of statuses when the tables were built ({@link kz.kosh.scenario.Statuses#count}). */
    private final int statuses;
    /** Per kind, the nest sums and u_c of its row in an array of their own ({@link KindSummaries}). */
    private final KindSummaries summaries;
    /** Per kind: 1 once its base row is filled. */
    private final int[] baseReady;
    /**
     * Counts the diaspora stocks set ({@link #setDiaspora}), continuing the count of the tables whose
     * arrays these took over; rows of an older epoch are recomputed when needed.
     */
    private int epoch;
    private static final java.lang.invoke.VarHandle STAMP = java.lang.invoke.MethodHandles.arrayElementVarHandle(int[].class);
    private static final java.lang.invoke.VarHandle ROW_STAMP = java.lang.invoke.MethodHandles.arrayElementVarHandle(float[].class);

    /**
     * Prepares the tables of all kinds. The part of the utility that does not change during a
     * year is exponentiated once ({@link #fillBaseGroups}); the network factor of the year's
     * diaspora stocks is multiplied in without exp() ({@link #setDiaspora},
     * {@link #applyNetworkGroups}). Groups are independent, so callers may fill them in parallel.
     */
    public LocationTables(World world, LocationUtility utility, DecisionParams d) {
        this(world, utility, d, null);
    }

    /**
     * As {@link #LocationTables(World, LocationUtility, DecisionParams)}, taking over the row arrays
     * of {@code retired} (tables of the same world size that are not used any more; null: new
     * arrays): a run rebuilds its tables every year (the wages move), and 18 MB of rows allocated
     * and zeroed each time cost more than the rows a small run computes. Only the base rows' stamps are
     * reset, and the weight rows' epochs count on from the retired tables' (so every row's stamp is
     * older); a row's numbers are written before it is first read, so the values are the same as
     * with new arrays. {@code retired} must not be used afterwards.
     */
    public LocationTables(World world, LocationUtility utility, DecisionParams d, LocationTables retired) {
        this.utility = utility;
        this.places = world.placeCount();
        this.regions = world.regionCount();
        this.stride = places + HEADER;
        this.lambdaD = d.domesticNestScale();
        this.lambdaA = d.abroadNestScale();
        this.considerationConstant = d.considerationConstant();
        this.considerationGainWeight = d.considerationGainWeight();
        this.expMinusConstant = Math.exp(-d.considerationConstant());
        obstacleFactor = new double[places * places];
        for (int c = 0; c < places; c++) {
            for (int j = 0; j < places; j++) {
                obstacleFactor[c * places + j] = Math.exp(utility.obstacles(c, j) / (j == c ? 1.0 : lambda(j)));
            }
        }
        open = new boolean[places];
        for (int j = 0; j < places; j++) {
            open[j] = !world.isAbroad(j) || world.workAccess(j) > 0;
        }
        networkNest = new double[places];
        networkPlain = new double[places];
        statuses = kz.kosh.scenario.Statuses.count();
        inForce = new boolean[statuses];
        for (int o = 0; o < inForce.length; o++) {
            inForce[o] = utility.statusInForce(o);
        }
        int kinds = AgentKind.count(places);
        if (retired != null && retired.base.length == kinds * places && retired.weight.length == kinds * stride) {
            base = retired.base;
            weight = retired.weight;
            baseReady = retired.baseReady;
            summaries = retired.summaries;
            summaries.clear();
            epoch = retired.epoch;
            java.util.Arrays.fill(baseReady, 0);
        } else {
            base = new float[kinds * places];
            weight = new float[kinds * stride];
            baseReady = new int[kinds];
            summaries = new KindSummaries(kinds);
        }
    }

    /**
     * Bytes of the row arrays of the tables of a world of {@code places} places (base rows, weight
     * rows with their headers and stamps, the base rows' stamps): what a year's tables hold whatever the number of
     * agents (one set at a time: a year's tables take over the arrays of the year before).
     */
    public static long arrayBytes(int places) {
        long kinds = AgentKind.count(places);
        return kinds * places * Float.BYTES + kinds * (places + HEADER) * Float.BYTES + kinds * Integer.BYTES
                + KindSummaries.bytes(kinds);
    }

    private double lambda(int j) {
        return j < regions ? lambdaD : lambdaA;
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

    private int firstKind(int group) {
        return AgentKind.index(group / AgentKind.H_BINS, group % AgentKind.H_BINS, 0, 0, false, places);
    }

    private int kindsPerGroup() {
        return places * statuses * 2;
    }

    private int currentOf(int kind) {
        return (kind / (2 * statuses)) % places;
    }

    /** Fills the base rows of groups [from, to) (see the field comment). */
    public void fillBaseGroups(int from, int to) {
        double[] v = new double[places];
        for (int g = from; g < to; g++) {
            for (int kind = firstKind(g), end = kind + kindsPerGroup(); kind < end; kind++) {
                if (inForce[(kind / 2) % statuses]) {
                    fillBase(kind, v);
                    STAMP.setRelease(baseReady, kind, 1);
                }
            }
        }
    }

    /** The base row of one kind (see the field comment); {@code v} is scratch of length places. */
    private void fillBase(int kind, double[] v) {
        int group = kind / kindsPerGroup();
        int band = group / AgentKind.H_BINS;
        double h = AgentKind.humanCapitalOfBin(group % AgentKind.H_BINS);
        int e = kind % 2;
        int o = (kind / 2) % statuses;
        int c = currentOf(kind);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < places; j++) {
            v[j] = utility.utility(band, h, c, j, o, e == 1, 0.0);
            max = Math.max(max, v[j]);
        }
        int b = kind * places;
        for (int j = 0; j < places; j++) {
            base[b + j] = j == c ? (float) Math.exp(v[j] - max)
                    : open[j] ? (float) Math.exp((v[j] - max) / lambda(j)) : 0f;
        }
    }

    /**
     * Sets the diaspora stocks (thousands) whose network factors {@link #applyNetworkGroups}
     * multiplies in; the weight rows of the previous stocks are void from now on (a row is
     * computed again when {@link #prepare} first needs it, or by {@link #applyNetworkGroups}).
     * Not to be called while other threads use the tables.
     */
    public void setDiaspora(double[] diasporaThousands) {
        for (int j = 0; j < places; j++) {
            double n = utility.networkTerm(j, diasporaThousands[j]);
            networkPlain[j] = Math.exp(n);
            networkNest[j] = Math.exp(n / lambda(j));
        }
        epoch++;
        // the summaries of the previous stocks are void (NaN) until their rows are computed again
        summaries.clear();
    }

    private static double nest(double s, double lambda) {
        return s <= 0 ? 0.0 : lambda == 1.0 ? s : lambda == 0.5 ? Math.sqrt(s) : Math.pow(s, lambda);
    }

    /** Computes the weights and nest sums of groups [from, to) for the current network factors. */
    public void applyNetworkGroups(int from, int to) {
        double[] v = null;
        for (int g = from; g < to; g++) {
            for (int kind = firstKind(g), end = kind + kindsPerGroup(); kind < end; kind++) {
                if (inForce[(kind / 2) % statuses]) {
                    if ((int) STAMP.getAcquire(baseReady, kind) == 0) {
                        fillBase(kind, v == null ? v = new double[places] : v);
                        STAMP.setRelease(baseReady, kind, 1);
                    }
                    applyNetwork(kind);
                    stampRow(kind);
                }
            }
        }
    }

    /**
     * Makes sure the row of a kind is computed for the current diaspora stocks: rows are filled
     * when first needed, so a small run computes only the rows of kinds it has agents of (the
     * values do not depend on when or by which thread a row is filled; two threads filling the
     * same row write the same numbers).
     */
    private void ensureRow(int kind) {
        if (Float.floatToRawIntBits((float) ROW_STAMP.getAcquire(weight, kind * stride + STAMP_SLOT)) == epoch) {
            return;
        }
        if ((int) STAMP.getAcquire(baseReady, kind) == 0) {
            fillBase(kind, new double[places]);
            STAMP.setRelease(baseReady, kind, 1);
        }
        applyNetwork(kind);
        stampRow(kind);
    }

    /** Marks a kind's weight row as computed for the current epoch (after its numbers are written). */
    private void stampRow(int kind) {
        ROW_STAMP.setRelease(weight, kind * stride + STAMP_SLOT, Float.intBitsToFloat(epoch));
    }

    private void applyNetwork(int kind) {
        int c = currentOf(kind);
        int b = kind * places;
        int r = kind * stride;
        int obstacleRow = c * places;
        double sD = 0;
        double sA = 0;
        double sW = 0;
        for (int j = 0; j < places; j++) {
            double w = base[b + j] * (j == c ? networkPlain[j] : networkNest[j]);
            weight[r + HEADER + j] = (float) w;
            if (j == c) {
                weight[r + STAY_SLOT] = (float) w;
                continue;
            }
            if (j < regions) {
                sD += w;
            } else {
                sA += w;
                sW += w * obstacleFactor[obstacleRow + j];
            }
        }
        weight[r] = (float) sD;
        weight[r + 1] = (float) sA;
        weight[r + 2] = (float) nest(sD, lambdaD);
        weight[r + 3] = (float) nest(sA, lambdaA);
        weight[r + 4] = (float) sW;
        weight[r + 5] = (float) nest(sW, lambdaA);
        summaries.set(kind, weight[r + 2], weight[r + 3], weight[r + STAY_SLOT], weight[r + 5]);
    }

    public int places() {
        return places;
    }

    /** The regions of Kazakhstan: places 0 to regions − 1 (the domestic nest). */
    public int regions() {
        return regions;
    }

    /*
     * The parts of a row for kz.kosh.sim.NestSums#of, which computes an agent's nest sums as
     * prepareRow does from the list of bonuses, without the list (r: a row from {@link #row}).
     */

    /** The kinds' summaries: N_D, N_A, u_c and N_W of each kind's row, 16 bytes a kind ({@link KindSummaries}). */
    public KindSummaries summaries() {
        return summaries;
    }

    /** u_p of row r: exp((V_p − M)/λ(p)), or exp(V_c − M) at the row's current place. */
    public double weightAt(int r, int p) {
        return weight[r + HEADER + p];
    }

    /** u_c of row r at its current place c: exp(V_c − M) (a copy of {@link #weightAt}(r, c) in the row's header). */
    public double stayWeight(int r) {
        return weight[r + STAY_SLOT];
    }

    /** S_D of row r. */
    public double domesticSum(int r) {
        return weight[r];
    }

    /** S_A of row r. */
    public double abroadSum(int r) {
        return weight[r + 1];
    }

    /** N_D = S_D^λ_D of row r. */
    public double domesticNest(int r) {
        return weight[r + 2];
    }

    /** N_A = S_A^λ_A of row r. */
    public double abroadNest(int r) {
        return weight[r + 3];
    }

    /** The willingness sum S_W of row r ({@link #willingnessToEmigrate}). */
    public double willingnessSum(int r) {
        return weight[r + 4];
    }

    /** S_W^λ_A of row r. */
    public double willingnessNest(int r) {
        return weight[r + 5];
    }

    /** S^λ_D: a domestic nest's sum to its N_D. */
    public double domesticNestOf(double s) {
        return nest(s, lambdaD);
    }

    /** S^λ_A: a foreign nest's sum to its N_A. */
    public double abroadNestOf(double s) {
        return nest(s, lambdaA);
    }

    /** exp(o_cj/λ(j)) (exp(o_cc) at j = c): the obstacles left out of willingness ({@link #willingnessToEmigrate}). */
    public double obstacleFactor(int c, int j) {
        return obstacleFactor[c * places + j];
    }

    /**
     * Computes an agent's nest sums for its kind, current place and bonuses (into {@code b}):
     * W_c, S_D, S_A, N_D and N_A of the class comment. A power is taken only for a nest that
     * one of the agent's bonuses touches; the other sums come from the table.
     */
    public void prepare(int kind, int current, Bonuses b) {
        prepareRow(row(kind), current, b);
    }

    /**
     * The row of a kind, computed for the current diaspora stocks if it is not yet: for
     * {@link #prepareRow}. Asking for the row before building the agent's bonuses lets the row's
     * cache miss overlap that work (the same numbers as {@link #prepare}).
     */
    public int row(int kind) {
        ensureRow(kind);
        return kind * stride;
    }

    /** {@link #prepare} with the row of the agent's kind ({@link #row}), whose current place is {@code current}. */
    public void prepareRow(int r, int current, Bonuses b) {
        double stay = weight[r + STAY_SLOT];
        double sD = weight[r];
        double sA = weight[r + 1];
        boolean touchedD = false;
        boolean touchedA = false;
        for (int i = 0; i < b.n; i++) {
            int p = b.place[i];
            if (p == current) {
                stay *= b.plain[i];
                continue;
            }
            double u = weight[r + HEADER + p];
            if (u == 0) {
                continue;
            }
            if (p < regions) {
                sD += u * (b.domestic[i] - 1.0);
                touchedD = true;
            } else {
                sA += u * (b.abroad[i] - 1.0);
                touchedA = true;
            }
        }
        b.row = r;
        b.current = current;
        b.stay = stay;
        b.sD = sD;
        b.sA = sA;
        b.nD = touchedD ? nest(sD, lambdaD) : weight[r + 2];
        b.nA = (touchedA ? nest(sA, lambdaA) : weight[r + 3]) * b.abroadNestFactor;
    }

    /**
     * Probability of considering a move: 1 / (1 + exp(−(κ0 + κ1·G + boost))), with
     * G = ln(N_D + N_A) − ln W_c the log-sum gain of moving (after {@link #prepare}).
     */
    public double considerProbability(Bonuses b, double boost) {
        double away = b.nD + b.nA;
        if (away <= 0) {
            return 0.0;
        }
        // 1 / (1 + exp(−κ0 − boost)·(W_c / away)^κ1)
        double ratio = b.stay / away;
        double power = considerationGainWeight == 1.0 ? ratio : Math.pow(ratio, considerationGainWeight);
        double e = boost == 0.0 ? expMinusConstant : Math.exp(-considerationConstant - boost);
        return 1.0 / (1.0 + e * power);
    }

    /**
     * Whether an agent considers moving, given uniform {@code u} (after {@link #prepare}): exactly
     * {@code u < considerProbability(b, boost)}, decided without its two divisions where the
     * answer is clear. With a = N_D + N_A &gt; 0 and y = exp(−κ0 − boost)·W_c (κ1 = 1),
     * <pre>
     *   u &lt; 1 / (1 + y/a)   ⇔   D = u·(a + y) − a &lt; 0
     * </pre>
     * D is computed with a relative error of a few 2⁻⁵³ of a + y, and the probability in floating
     * point differs from 1/(1 + y/a) by a few 2⁻⁵³ of itself; where |D| exceeds 10⁻⁹·(a + y)
     * both comparisons agree, elsewhere (and for κ1 ≠ 1, a ≤ 0 or values that are not finite)
     * the probability is computed as {@link #considerProbability} computes it.
     */
    public boolean considers(Bonuses b, double boost, double u) {
        double away = b.nD + b.nA;
        if (considerationGainWeight == 1.0 && away > 0) {
            double e = boost == 0.0 ? expMinusConstant : Math.exp(-considerationConstant - boost);
            double sum = away + e * b.stay;
            double margin = 1e-9 * sum;
            double dd = u * sum - away;
            if (dd > margin) {
                return false;
            }
            if (dd < -margin) {
                return true;
            }
        }
        return u < considerProbability(b, boost);
    }

    /** P(stay) = W_c / (W_c + N_D + N_A) of the full choice (first job), after {@link #prepare}. */
    public double stayProbability(Bonuses b) {
        return b.stay / (b.stay + b.nD + b.nA);
    }

    /**
     * Draws a move (a place other than the current one) from the nested logit using uniform
     * {@code u}, after {@link #prepare}; −1 when no place is open.
     */
    public int drawMove(Bonuses b, double u) {
        double total = b.nD + b.nA;
        if (!(total > 0)) {
            return -1;
        }
        double x = u * total;
        if (x < b.nD) {
            return drawInNest(b, false, -1, x / b.nD * b.sD);
        }
        return drawInNest(b, true, -1, Math.min(1.0, (x - b.nD) / b.nA) * b.sA);
    }

    /**
     * Draws the second choice of an agent whose first choice {@code first} (a foreign place) was
     * refused, using uniform {@code u}, after {@link #prepare}: P(k) = (P_{−j*}(k) − P(k)) / P(j*)
     * ({@link NestedLogit#secondChoice}). The domestic nest keeps N_D and the foreign nest
     * loses j*: with S'_A = S_A − u_{j*}, N'_A = S'_A^λ_A, T = N_D + N_A, T' = N_D + N'_A and
     * P(j*) = N_A/T · u_{j*}/S_A, the second choice is domestic with probability
     * N_D·(1/T' − 1/T) / P(j*), and within a nest proportional to u_k. Returns −1 when nothing
     * is left.
     */
    public int drawSecondChoice(Bonuses b, int first, double u) {
        double uFirst = weight[b.row + HEADER + first] * b.nestFactor(first, true);
        double sA2 = Math.max(0.0, b.sA - uFirst);
        double nA2 = nest(sA2, lambdaA) * b.abroadNestFactor;
        double total = b.nD + b.nA;
        double total2 = b.nD + nA2;
        if (!(total2 > 0)) {
            return -1;
        }
        double pFirst = b.nA / total * (b.sA > 0 ? uFirst / b.sA : 0.0);
        double pDomestic = pFirst > 0 ? b.nD * (1.0 / total2 - 1.0 / total) / pFirst : b.nD / total2;
        pDomestic = Math.max(0.0, Math.min(1.0, pDomestic));
        if (u < pDomestic) {
            return drawInNest(b, false, -1, u / pDomestic * b.sD);
        }
        if (!(sA2 > 0)) {
            return drawInNest(b, false, -1, u * b.sD);
        }
        return drawInNest(b, true, first, Math.min(1.0, (u - pDomestic) / (1.0 - pDomestic)) * sA2);
    }

    /** Draws a region of Kazakhstan (other than the current place) within the domestic nest, using uniform {@code u}. */
    public int drawDomestic(Bonuses b, double u) {
        return drawInNest(b, false, -1, u * b.sD);
    }

    /** The place of a nest (not the current one, not {@code exclude}) where the cumulative weight u_j·f_j passes {@code target}. */
    private int drawInNest(Bonuses b, boolean foreign, int exclude, double target) {
        int base = b.row + HEADER;
        int from = foreign ? regions : 0;
        int to = foreign ? places : regions;
        double acc = 0;
        int last = -1;
        for (int j = from; j < to; j++) {
            if (j == b.current || j == exclude) {
                continue;
            }
            double w = weight[base + j];
            if (w == 0) {
                continue;
            }
            if (b.mayHave(j)) {
                w *= b.nestFactor(j, foreign);
            }
            acc += w;
            last = j;
            if (acc > target) {
                return j;
            }
        }
        return last;
    }

    /**
     * Willingness to emigrate of an agent living in Kazakhstan, the stated side of the
     * intention–behaviour gap (after {@link #prepare}): the binary choice between staying and the
     * foreign nest when the intervening obstacles o (border, distance, status-quo inertia; see
     * {@link LocationUtility#obstacles}) are left out, as a survey respondent weighs push and
     * pull: A / (A + W_c·e^{o_cc}), with A = (Σ_{j abroad} u_j f_j^{1/λ_A} e^{o_cj/λ_A})^λ_A.
     */
    public double willingnessToEmigrate(Bonuses b) {
        int r = b.row;
        int c = b.current;
        double sW = weight[r + 4];
        boolean touched = false;
        int row = c * places;
        for (int i = 0; i < b.n; i++) {
            int p = b.place[i];
            if (p >= regions && p != c) {
                sW += weight[r + HEADER + p] * obstacleFactor[row + p] * (b.abroad[i] - 1.0);
                touched = true;
            }
        }
        double a = (touched ? nest(sW, lambdaA) : weight[r + 5]) * b.abroadNestFactor;
        double stay = b.stay * obstacleFactor[row + c];
        return a / (a + stay);
    }
}
