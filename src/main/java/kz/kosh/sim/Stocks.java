package kz.kosh.sim;

/**
 * Where the agents are at the end of a year, counted in agents (not scaled).
 */
public final class Stocks {
    public static final int STUDENT = 0;
    public static final int GRADUATE = 1;
    public static final String[] STATUS_NAMES = {"student", "graduate"};

    private final int regions;
    private final int places;
    final long[] count;
    final long[] belowQualification;
    final long[] returneesByRegion;
    final long[] mobilityStateFundedByPlace;
    long agents;

    public Stocks(int regions, int places) {
        this.regions = regions;
        this.places = places;
        count = new long[2 * regions * places];
        belowQualification = new long[places];
        returneesByRegion = new long[regions];
        mobilityStateFundedByPlace = new long[places];
    }

    void add(Stocks o) {
        for (int i = 0; i < count.length; i++) {
            count[i] += o.count[i];
        }
        for (int i = 0; i < places; i++) {
            belowQualification[i] += o.belowQualification[i];
            mobilityStateFundedByPlace[i] += o.mobilityStateFundedByPlace[i];
        }
        for (int i = 0; i < regions; i++) {
            returneesByRegion[i] += o.returneesByRegion[i];
        }
        agents += o.agents;
    }

    void clear() {
        java.util.Arrays.fill(count, 0);
        java.util.Arrays.fill(belowQualification, 0);
        java.util.Arrays.fill(returneesByRegion, 0);
        java.util.Arrays.fill(mobilityStateFundedByPlace, 0);
        agents = 0;
    }

    /**
     * Counts agents [from, to) where they are: students and graduates by home region × place;
     * graduates below qualification by place; returnees (graduates in Kazakhstan who have lived
     * abroad) by region; former state-funded mobility participants by place.
     */
    void countAgents(kz.kosh.population.Population pop, kz.kosh.world.World world, int from, int to) {
        for (int i = from; i < to; i++) {
            int loc = pop.location(i);
            int status = pop.has(i, kz.kosh.population.Population.STUDENT) ? STUDENT : GRADUATE;
            countAgent(status, pop.home(i), loc);
            if (status == GRADUATE) {
                if (pop.has(i, kz.kosh.population.Population.BELOW_QUALIFICATION)) {
                    belowQualification[loc]++;
                }
                if (!world.isAbroad(loc) && pop.has(i, kz.kosh.population.Population.EVER_ABROAD)) {
                    returneesByRegion[loc]++;
                }
                if (pop.has(i, kz.kosh.population.Population.MOBILITY_STATE_FUNDED)) {
                    mobilityStateFundedByPlace[loc]++;
                }
            }
        }
    }

    void countAgent(int status, int home, int place) {
        count[(status * regions + home) * places + place]++;
        agents++;
    }

    public int regions() { return regions; }
    public int places() { return places; }

    /** Agents of a status from a home region at a place. */
    public long count(int status, int home, int place) {
        return count[(status * regions + home) * places + place];
    }

    /** Agents of a status at a place, all home regions. */
    public long atPlace(int status, int place) {
        long s = 0;
        for (int h = 0; h < regions; h++) {
            s += count(status, h, place);
        }
        return s;
    }

    /** Agents of a status with a home region, anywhere. */
    public long fromHome(int status, int home) {
        long s = 0;
        for (int p = 0; p < places; p++) {
            s += count(status, home, p);
        }
        return s;
    }

    /** Agents of a status in Kazakhstan ({@code abroad} false) or abroad. */
    public long total(int status, boolean abroad) {
        long s = 0;
        for (int p = abroad ? regions : 0; p < (abroad ? places : regions); p++) {
            s += atPlace(status, p);
        }
        return s;
    }

    /** Graduates abroad working below their qualification, by place. */
    public long belowQualification(int place) { return belowQualification[place]; }

    /** Graduates living in a region who have lived abroad (brain circulation). */
    public long returnees(int region) { return returneesByRegion[region]; }

    /** Former state-funded academic-mobility participants (graduates) by place. */
    public long mobilityStateFunded(int place) { return mobilityStateFundedByPlace[place]; }

    /** All agents in the model. */
    public long agents() { return agents; }
}
