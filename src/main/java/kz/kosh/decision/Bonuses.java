package kz.kosh.decision;

import kz.kosh.scenario.DecisionParams;

/**
 * An agent's bonuses (at most a few places, factors at the same place multiply) and, after
 * {@link LocationTables#prepare}, its nest sums. Reused per thread; not thread-safe.
 */
public final class Bonuses {
    /**
     * A bonus b of an agent at a place, as the factors it multiplies: exp(b) where the place is
     * the current one, exp(b/λ_D) in the domestic nest and exp(b/λ_A) in the foreign nest.
     */
    public static final class Factor {
        final double plain;
        final double domestic;
        final double abroad;

        private Factor(double plain, double domestic, double abroad) {
            this.plain = plain;
            this.domestic = domestic;
            this.abroad = abroad;
        }

        /** exp(b): the factor where the place is the current one. */
        public double factor() {
            return plain;
        }

        /** The factor of component {@link #PLAIN}, {@link #DOMESTIC} or {@link #ABROAD}. */
        public double component(int c) {
            return c == PLAIN ? plain : c == DOMESTIC ? domestic : abroad;
        }

        /** The factors of a utility bonus b under the nest dissimilarities of {@code d}. */
        public static Factor of(double utilityBonus, DecisionParams d) {
            return new Factor(Math.exp(utilityBonus), Math.exp(utilityBonus / d.domesticNestScale()),
                    Math.exp(utilityBonus / d.abroadNestScale()));
        }
    }

    /**
     * The factors of many bonuses in one array (k-th bonus: exp(b), exp(b/λ_D), exp(b/λ_A) at 3k,
     * 3k + 1, 3k + 2), so that reading a bonus is one array load instead of an object per bonus.
     */
    public static final class FactorTable {
        private final double[] f;

        public FactorTable(int size) {
            f = new double[3 * size];
        }

        /** A table of {@code size} bonuses, the k-th with utility bonus {@code bonus(k)} ({@link #set}). */
        public static FactorTable of(int size, java.util.function.IntToDoubleFunction bonus, DecisionParams d) {
            FactorTable t = new FactorTable(size);
            for (int k = 0; k < size; k++) {
                t.set(k, bonus.applyAsDouble(k), d);
            }
            return t;
        }

        /** Sets the k-th factors to those of utility bonus b ({@link Factor#of}). */
        public void set(int k, double utilityBonus, DecisionParams d) {
            Factor x = Factor.of(utilityBonus, d);
            f[3 * k] = x.plain;
            f[3 * k + 1] = x.domestic;
            f[3 * k + 2] = x.abroad;
        }

        /** The k-th factor of component {@link #PLAIN}, {@link #DOMESTIC} or {@link #ABROAD}. */
        public double component(int k, int c) {
            return f[3 * k + c];
        }

        /** The k-th factors. */
        public Factor get(int k) {
            return new Factor(f[3 * k], f[3 * k + 1], f[3 * k + 2]);
        }

        public int size() {
            return f.length / 3;
        }
    }

    /** The factor exp(b) at the current place. */
    public static final int PLAIN = 0;
    /** The factor exp(b/λ_D) at another region of Kazakhstan. */
    public static final int DOMESTIC = 1;
    /** The factor exp(b/λ_A) at a foreign place other than the current one. */
    public static final int ABROAD = 2;

    private static final int CAPACITY = 8;
    final int[] place = new int[CAPACITY];
    final double[] plain = new double[CAPACITY];
    final double[] domestic = new double[CAPACITY];
    final double[] abroad = new double[CAPACITY];
    int n;
    /** Bit p set when a bonus is at place p &lt; 64; {@link #wide} when one is at a place beyond. */
    private long mask;
    private boolean wide;
    /**
     * exp(a): the factor on the foreign nest's N_A of a bonus a common to every foreign place (the
     * family-emigration term of an agent living in Kazakhstan): S_A grows by exp(a/λ_A), so
     * N_A = S_A^λ_A by exp(a), and the draw within the nest is unchanged. 1 without one.
     */
    double abroadNestFactor = 1.0;
    int row;
    int current;
    double stay;
    double sD;
    double sA;
    double nD;
    double nA;

    /**
     * Sets W_c, N_D and N_A as {@link LocationTables#prepareRow} would compute them from the list,
     * computed without it (kz.kosh.sim.NestSums#of): afterwards only
     * {@link LocationTables#considers} and {@link LocationTables#considerProbability} may be asked,
     * the draws need the list.
     */
    public void setNestSums(double stay, double nD, double nA) {
        this.stay = stay;
        this.nD = nD;
        this.nA = nA;
    }

    public void clear() {
        n = 0;
        abroadNestFactor = 1.0;
        mask = 0;
        wide = false;
    }

    /**
     * Adds a utility bonus common to every foreign place other than the current one, as its factor
     * exp(a) on N_A ({@link #abroadNestFactor}); factors multiply.
     */
    public void addToEveryForeignPlace(double expBonus) {
        abroadNestFactor *= expBonus;
    }

    /** Whether a bonus may be at place p (no false negatives). */
    boolean mayHave(int p) {
        return p < 64 ? (mask >>> p & 1) != 0 : wide;
    }

    /** Adds a bonus at a place ({@code p < 0}: none). */
    public void add(int p, Factor f) {
        add(p, f.plain, f.domestic, f.abroad);
    }

    /** Adds the k-th bonus of a table at a place ({@code p < 0}: none). */
    public void add(int p, FactorTable t, int k) {
        double[] f = t.f;
        add(p, f[3 * k], f[3 * k + 1], f[3 * k + 2]);
    }

    private void add(int p, double fPlain, double fDomestic, double fAbroad) {
        if (p < 0 || fPlain == 1.0) {
            return;
        }
        // most bonuses fall on a place without one yet: the mask says so without the scan
        if (mayHave(p)) {
            for (int i = 0; i < n; i++) {
                if (place[i] == p) {
                    plain[i] *= fPlain;
                    domestic[i] *= fDomestic;
                    abroad[i] *= fAbroad;
                    return;
                }
            }
        }
        place[n] = p;
        if (p < 64) {
            mask |= 1L << p;
        } else {
            wide = true;
        }
        plain[n] = fPlain;
        domestic[n] = fDomestic;
        abroad[n] = fAbroad;
        n++;
    }

    /** The nest factor f^{1/λ} at a place other than the current one (1 without a bonus there; a place has one entry). */
    double nestFactor(int p, boolean foreign) {
        double f = 1.0;
        for (int i = 0; i < n; i++) {
            if (place[i] == p) {
                f *= foreign ? abroad[i] : domestic[i];
            }
        }
        return f;
    }
}
