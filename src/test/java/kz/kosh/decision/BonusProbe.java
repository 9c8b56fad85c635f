package kz.kosh.decision;

/**
 * Reads an agent's {@link Bonuses} from tests of other packages (the per-agent
 * bonuses that kz.kosh.sim.Rules fills are otherwise seen only through whole choices).
 */
public final class BonusProbe {
    private BonusProbe() {
    }

    /** The bonus factors at place p as a move into the domestic nest sees them: exp(b/λ_D) (1 without a bonus). */
    public static double domesticFactor(Bonuses b, int p) {
        return b.nestFactor(p, false);
    }

    /** The bonus factors at place p as a move into the foreign nest sees them: exp(b/λ_A) (1 without a bonus). */
    public static double abroadFactor(Bonuses b, int p) {
        return b.nestFactor(p, true);
    }

    /** The factor exp(a) on the foreign nest of a bonus a common to every foreign place (1 without one). */
    public static double everyForeignPlaceFactor(Bonuses b) {
        return b.abroadNestFactor;
    }

    /** W_c after {@link LocationTables#prepare} (or {@link Bonuses#setNestSums}). */
    public static double stay(Bonuses b) {
        return b.stay;
    }

    /** N_D after {@link LocationTables#prepare} (or {@link Bonuses#setNestSums}). */
    public static double domesticNest(Bonuses b) {
        return b.nD;
    }

    /** How many places the list of bonuses holds. */
    public static int count(Bonuses b) {
        return b.n;
    }

    /** The place of the k-th entry of the list of bonuses. */
    public static int place(Bonuses b, int k) {
        return b.place[k];
    }

    /** N_A after {@link LocationTables#prepare} (or {@link Bonuses#setNestSums}). */
    public static double abroadNest(Bonuses b) {
        return b.nA;
    }
}
