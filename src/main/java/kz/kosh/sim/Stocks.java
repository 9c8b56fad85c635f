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
    final long[] exchangeFundedByPlace;
    long agents;
    /**
     * The cohort of graduates N years after graduation (N = run.nonReturnYearsAfterGraduation),
     * by funding route ({@link kz.kosh.population.Population#FUNDING_NAMES}; the academic-mobility
     * slot counts former mobility participants of any route), and those of them abroad.
     */
    final long[] cohortByFunding;
    final long[] cohortAbroadByFunding;
    /** The same cohort by place of the last degree: 0 Kazakhstan, 1 abroad; and those of them abroad. */
    final long[] cohortByDegreePlace = new long[2];
    final long[] cohortAbroadByDegreePlace = new long[2];
    /** Of the cohort abroad: PhDs by funding route; former state-funded mobility participants. */
    final long[] cohortAbroadPhdByFunding;
    long cohortAbroadExchangeFunded;
    /** Graduates N years after graduation who were state-funded mobility participants. */
    long cohortExchangeFunded;

    public Stocks(int regions, int places) {
        this.regions = regions;
        this.places = places;
        count = new long[2 * regions * places];
        belowQualification = new long[places];
        returneesByRegion = new long[regions];
        exchangeFundedByPlace = new long[places];
        cohortByFunding = new long[kz.kosh.population.Population.FUNDING_NAMES.length];
        cohortAbroadByFunding = new long[cohortByFunding.length];
        cohortAbroadPhdByFunding = new long[cohortByFunding.length];
    }

    void add(Stocks o) {
        for (int i = 0; i < count.length; i++) {
            count[i] += o.count[i];
        }
        for (int i = 0; i < places; i++) {
            belowQualification[i] += o.belowQualification[i];
            exchangeFundedByPlace[i] += o.exchangeFundedByPlace[i];
        }
        for (int i = 0; i < regions; i++) {
            returneesByRegion[i] += o.returneesByRegion[i];
        }
        agents += o.agents;
        for (int i = 0; i < cohortByFunding.length; i++) {
            cohortByFunding[i] += o.cohortByFunding[i];
            cohortAbroadByFunding[i] += o.cohortAbroadByFunding[i];
            cohortAbroadPhdByFunding[i] += o.cohortAbroadPhdByFunding[i];
        }
        for (int i = 0; i < 2; i++) {
            cohortByDegreePlace[i] += o.cohortByDegreePlace[i];
            cohortAbroadByDegreePlace[i] += o.cohortAbroadByDegreePlace[i];
        }
        cohortAbroadExchangeFunded += o.cohortAbroadExchangeFunded;
        cohortExchangeFunded += o.cohortExchangeFunded;
    }

    void clear() {
        java.util.Arrays.fill(count, 0);
        java.util.Arrays.fill(belowQualification, 0);
        java.util.Arrays.fill(returneesByRegion, 0);
        java.util.Arrays.fill(exchangeFundedByPlace, 0);
        agents = 0;
        java.util.Arrays.fill(cohortByFunding, 0);
        java.util.Arrays.fill(cohortAbroadByFunding, 0);
        java.util.Arrays.fill(cohortAbroadPhdByFunding, 0);
        java.util.Arrays.fill(cohortByDegreePlace, 0);
        java.util.Arrays.fill(cohortAbroadByDegreePlace, 0);
        cohortAbroadExchangeFunded = 0;
        cohortExchangeFunded = 0;
    }

    /**
     * Counts agents [from, to) where they are: students and graduates by home region × place;
     * graduates below qualification by place; returnees (graduates in Kazakhstan who have lived
     * abroad) by region; former state-funded mobility participants by place; the graduates of
     * {@code cohortYear} by funding route, degree, degree place and whether abroad (non-return).
     */
    void countAgents(kz.kosh.population.Population pop, kz.kosh.world.World world, int from, int to, int cohortYear) {
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
                if (pop.has(i, kz.kosh.population.Population.EXCHANGE_FUNDED)) {
                    exchangeFundedByPlace[loc]++;
                }
                if (pop.graduationYear(i) == cohortYear) {
                    countCohort(pop.funding(i), pop.has(i, kz.kosh.population.Population.EXCHANGE),
                            pop.has(i, kz.kosh.population.Population.EXCHANGE_FUNDED),
                            pop.degree(i) == kz.kosh.population.Population.PHD, world.isAbroad(pop.degreePlace(i)),
                            world.isAbroad(loc));
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

    /** Former publicly funded exchange students (academic mobility, graduates) by place. */
    public long exchangeFunded(int place) { return exchangeFundedByPlace[place]; }

    /**
     * Counts a graduate of the N-years-after-graduation cohort: funding route, former mobility
     * participant (state funded), PhD, degree taken abroad, living abroad now.
     */
    void countCohort(int funding, boolean mobility, boolean exchangeFunded, boolean phd, boolean degreeAbroad,
                     boolean abroad) {
        int dp = degreeAbroad ? 1 : 0;
        cohortByFunding[funding]++;
        cohortByDegreePlace[dp]++;
        if (mobility) {
            cohortByFunding[kz.kosh.population.Population.ACADEMIC_MOBILITY]++;
            if (exchangeFunded) {
                cohortExchangeFunded++;
            }
        }
        if (abroad) {
            cohortAbroadByFunding[funding]++;
            cohortAbroadByDegreePlace[dp]++;
            if (mobility) {
                cohortAbroadByFunding[kz.kosh.population.Population.ACADEMIC_MOBILITY]++;
                if (exchangeFunded) {
                    cohortAbroadExchangeFunded++;
                }
            }
            if (phd) {
                cohortAbroadPhdByFunding[funding]++;
            }
        }
    }

    /** Graduates N years after graduation (N = run.nonReturnYearsAfterGraduation) of a funding route (academic-mobility: former participants of any route). */
    public long cohort(int funding) { return cohortByFunding[funding]; }
    /** Of {@link #cohort}, those living abroad. */
    public long cohortAbroad(int funding) { return cohortAbroadByFunding[funding]; }
    /** Graduates N years after graduation whose last degree was taken abroad ({@code true}) or in Kazakhstan. */
    public long cohortByDegreePlace(boolean degreeAbroad) { return cohortByDegreePlace[degreeAbroad ? 1 : 0]; }
    /** Of {@link #cohortByDegreePlace}, those living abroad. */
    public long cohortAbroadByDegreePlace(boolean degreeAbroad) { return cohortAbroadByDegreePlace[degreeAbroad ? 1 : 0]; }
    /** PhDs of a funding route's cohort living abroad (the others of {@link #cohortAbroad} hold a bachelor's or master's). */
    public long cohortAbroadPhd(int funding) { return cohortAbroadPhdByFunding[funding]; }
    /** Former state-funded mobility participants of the cohort living abroad. */
    public long cohortAbroadExchangeFunded() { return cohortAbroadExchangeFunded; }
    /** Graduates N years after graduation who were state-funded mobility participants (of {@link #cohort}). */
    public long cohortExchangeFunded() { return cohortExchangeFunded; }

    /** All agents in the model. */
    public long agents() { return agents; }
}
