package kz.kosh.sim;

import kz.kosh.decision.Bonuses;
import kz.kosh.decision.KindSummaries;
import kz.kosh.decision.LocationTables;
import kz.kosh.population.Population;
import kz.kosh.scenario.DecisionParams;

/**
 * The location phase's nest sums of an agent, W_c, N_D and N_A, computed straight from the agent's
 * fields and the factor tables of the {@link Rules} in force ({@link #of}), without the list of
 * bonuses that {@link Rules#bonuses} builds; holds the scratch of the sums S_D, S_A and S_W, so one
 * instance is used per thread (not thread-safe).
 */
final class NestSums {
    /** The row being corrected, its current place and whether the willingness sum S_W is kept. */
    private LocationTables t;
    private int r;
    private int cur;
    private boolean willingness;
    /** S_D, S_A and S_W of the agent, and whether an entry touched each. */
    private double sD;
    private double sA;
    private double sW;
    private boolean touchedD;
    private boolean touchedA;
    private boolean touchedW;

    /**
     * W_c, N_D and N_A of agent i living at {@code cur}, of kind {@code kind} (whose current place is cur), set into
     * {@code b} ({@link Bonuses#setNestSums}) exactly as {@link Rules#bonuses} followed by
     * {@link LocationTables#prepareRow} computes them, without building the list of bonuses: most
     * graduates do not consider moving in a year, and whether they do needs only these three
     * numbers ({@link LocationTables#considers}); the list is built for those who do.
     *
     * <p>Exactly the list's arithmetic: its entries are the places of the bonuses in the order of
     * their first bonus (home with up to three factors, the current place, parents, partner, familiar place, kin state, as
     * {@link Rules#bonuses} adds them), a bonus whose factor exp(b) is exactly 1 adds nothing, and the
     * factors of later bonuses at a place multiply into its entry in order. Here each bonus carries
     * the one factor its place needs (exp(b) at the current place, exp(b/λ_D) at another region,
     * exp(b/λ_A) abroad), an absent factor counts as 1 (multiplying by 1 is exact), and the entries
     * other than the current place are added to S_D and S_A in the list's order; a nest's N is
     * taken from the table when no entry touched it, as the list does. NestSumsTest compares both
     * ways on random agents.
     *
     * <p>When every bonus of the agent is at its current place (no entry but the current place), W_c,
     * N_D and N_A are the row's u_c, N_D and N_A with the factors at the current place and the
     * family-emigration factor, and the willingness takes the row's S_W^λ_A: they are read from the
     * kind's summary ({@link kz.kosh.decision.KindSummaries}, the same floats), and the row itself is not read.
     *
     * @param rules       the rules in force (their bonus factor tables)
     * @param willingness whether to return the agent's willingness to emigrate (an agent living in
     *                    Kazakhstan), as {@link LocationTables#willingnessToEmigrate} computes it
     * @return the willingness, or NaN when not asked
     */
    double of(Rules rules, Population pop, int i, int cur, LocationTables t, int kind, Bonuses b, boolean willingness) {
        int regions = rules.world.regionCount();
        boolean abroad = rules.world.isAbroad(cur);
        int abroadYears = pop.has(i, Population.EVER_ABROAD) ? Math.min(pop.yearsAbroad(i), Rules.YEARS - 1) : 0;
        int ethnicity = pop.ethnicity(i);
        // home: two factors, the tie to home and the relief of a return
        int h = pop.home(i);
        int k1 = pop.homeAttachmentLevel(i) * Rules.YEARS + abroadYears;
        int k2 = cur * regions + h;
        boolean home1 = rules.homeAfterYearsAbroad.component(k1, Bonuses.PLAIN) != 1.0;
        boolean home2 = rules.homeReturn.component(k2, Bonuses.PLAIN) != 1.0;
        int hPlace = h >= 0 && (home1 || home2) ? h : -1;
        int c = component(h, cur, regions);
        double gH = (home1 ? rules.homeAfterYearsAbroad.component(k1, c) : 1.0) * (home2 ? rules.homeReturn.component(k2, c) : 1.0);
        if (rules.homeMoney != null && !abroad && cur != h) {
            // the money of the tables a move home is not paid, taken off (a third factor at home)
            int k3 = (DecisionParams.ageBand(pop.age(i)) * regions + cur) * regions + h;
            if (rules.homeMoney.component(k3, Bonuses.PLAIN) != 1.0) {
                hPlace = h;
                gH *= rules.homeMoney.component(k3, c);
            }
        }
        // the current place: the attachment not yet built (1 when absent)
        double gC = abroad ? rules.attachmentDeficit.component(abroadYears, Bonuses.PLAIN)
                : rules.placeAttachmentDeficit.component(Math.min(pop.yearsAtPlace(i), Rules.YEARS - 1), Bonuses.PLAIN);
        int pp = pop.parents(i);
        int pPlace = pp >= 0 && rules.parents.component(0, Bonuses.PLAIN) != 1.0 ? pp : -1;
        double gP = rules.parents.component(0, component(pp, cur, regions));
        int q = pop.partner(i);
        int sex = Rules.sex(pop, i);
        int qPlace = q >= 0 && rules.partner.component(sex, Bonuses.PLAIN) != 1.0 ? q : -1;
        double gQ = rules.partner.component(sex, component(q, cur, regions));
        int f = pop.exposure(i);
        int fPlace = -1;
        double gF = 1.0;
        if (f >= 0) {
            int kF = cur * rules.world.placeCount() + f;
            if (rules.exposure.component(kF, Bonuses.PLAIN) != 1.0) {
                fPlace = f;
                gF = rules.exposure.component(kF, component(f, cur, regions));
            }
        }
        int kin = rules.world.kinState(ethnicity);
        int kPlace = kin >= 0 && rules.kinStateNetwork.component(ethnicity, Bonuses.PLAIN) != 1.0 ? kin : -1;
        double gK = rules.kinStateNetwork.component(ethnicity, component(kin, cur, regions));
        // W_c: the current place's entry, its factors multiplied in the order they were added
        double atCurrent = (hPlace == cur ? gH : 1.0) * gC * (pPlace == cur ? gP : 1.0) * (qPlace == cur ? gQ : 1.0)
                * (fPlace == cur ? gF : 1.0) * (kPlace == cur ? gK : 1.0);
        hPlace = hPlace == cur ? -1 : hPlace;
        pPlace = pPlace == cur ? -1 : pPlace;
        qPlace = qPlace == cur ? -1 : qPlace;
        fPlace = fPlace == cur ? -1 : fPlace;
        kPlace = kPlace == cur ? -1 : kPlace;
        double nestFactor = abroad ? 1.0 : rules.familyEmigrationFactor[ethnicity];
        // no entry but the current place: the row's header values, from the kind's summary (-1: read the row)
        KindSummaries sums = t.summaries();
        int k = (hPlace & pPlace & qPlace & fPlace & kPlace) == -1 ? sums.of(kind) : -1;
        double stay;
        double nD;
        double nA;
        double nW;
        if (k >= 0) {
            stay = sums.stayWeight(k) * atCurrent;
            nD = sums.domesticNest(k);
            nA = sums.abroadNest(k);
            nW = willingness ? sums.willingnessNest(k) : Double.NaN;
        } else {
            int r = t.row(kind);
            stay = t.stayWeight(r) * atCurrent;
            // the other entries in the order of their first bonus, each with the later bonuses at its place
            start(t, r, cur, willingness);
            if (hPlace >= 0) {
                add(hPlace, gH * at(pPlace, hPlace, gP) * at(qPlace, hPlace, gQ) * at(fPlace, hPlace, gF) * at(kPlace, hPlace, gK));
            }
            if (pPlace >= 0 && pPlace != hPlace) {
                add(pPlace, gP * at(qPlace, pPlace, gQ) * at(fPlace, pPlace, gF) * at(kPlace, pPlace, gK));
            }
            if (qPlace >= 0 && qPlace != hPlace && qPlace != pPlace) {
                add(qPlace, gQ * at(fPlace, qPlace, gF) * at(kPlace, qPlace, gK));
            }
            if (fPlace >= 0 && fPlace != hPlace && fPlace != pPlace && fPlace != qPlace) {
                add(fPlace, gF * at(kPlace, fPlace, gK));
            }
            if (kPlace >= 0 && kPlace != hPlace && kPlace != pPlace && kPlace != qPlace && kPlace != fPlace) {
                add(kPlace, gK);
            }
            nD = touchedD ? t.domesticNestOf(sD) : t.domesticNest(r);
            nA = touchedA ? t.abroadNestOf(sA) : t.abroadNest(r);
            nW = willingness ? (touchedW ? t.abroadNestOf(sW) : t.willingnessNest(r)) : Double.NaN;
        }
        b.setNestSums(stay, nD, nA * nestFactor);
        if (!willingness) {
            return Double.NaN;
        }
        double a = nW * nestFactor;
        return a / (a + stay * t.obstacleFactor(cur, cur));
    }

    /** The factor g of a bonus at {@code place} when its place is {@code entry}, else 1. */
    private static double at(int place, int entry, double g) {
        return place == entry ? g : 1.0;
    }

    /** Which factor of a bonus at place p an agent at {@code cur} needs ({@link Bonuses#PLAIN}, DOMESTIC, ABROAD). */
    private static int component(int p, int cur, int regions) {
        return p == cur ? Bonuses.PLAIN : p < regions ? Bonuses.DOMESTIC : Bonuses.ABROAD;
    }

    /** Starts the sums of row r from the table's S_D, S_A (and S_W when asked), untouched. */
    private void start(LocationTables t, int r, int cur, boolean willingness) {
        this.t = t;
        this.r = r;
        this.cur = cur;
        this.willingness = willingness;
        sD = t.domesticSum(r);
        sA = t.abroadSum(r);
        sW = willingness ? t.willingnessSum(r) : 0.0;
        touchedD = false;
        touchedA = false;
        touchedW = false;
    }

    /** An entry of the list other than the current place, as prepareRow and willingnessToEmigrate add it. */
    private void add(int p, double factor) {
        double u = t.weightAt(r, p);
        if (p < t.regions()) {
            if (u != 0) {
                sD += u * (factor - 1.0);
                touchedD = true;
            }
        } else {
            if (u != 0) {
                sA += u * (factor - 1.0);
                touchedA = true;
            }
            if (willingness) {
                sW += u * t.obstacleFactor(cur, p) * (factor - 1.0);
                touchedW = true;
            }
        }
    }
}
