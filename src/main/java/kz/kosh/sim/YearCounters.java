package kz.kosh.sim;

import kz.kosh.population.Population;

/**
 * What happened in one year, counted in agents (not scaled). One instance per worker thread;
 * all counts are integers so merging in any order gives the same totals.
 */
public final class YearCounters implements kz.kosh.policy.Counts {
    public static final int FUNDINGS = Population.FUNDING_NAMES.length;
    public static final int KINDS = FlowKind.values().length;

    private final int places;
    private final int regions;
    /**
     * flows[kind][((funding·R + home)·P + origin)·P + destination]. An array per kind (370 kB each)
     * rather than one of 2.2 MB: G1 would hold one array larger than half a region (2 MB) in a
     * whole 4 MB region of its own, per thread's counters and for the merged ones.
     */
    final int[][] flows;
    /** Agents that considered moving, by current place. */
    final long[] considered;
    /** Considering agents whose intended place was abroad, by current place. */
    final long[] intendAbroad;
    /** Considering agents whose intended place was another region, by current place. */
    final long[] intendInternal;
    /** Permits refused, by intended destination. */
    final long[] permitRefused;
    /** Arrivals and departures by place (all moves, students included), for the diaspora. */
    final long[] arrivals;
    final long[] departures;
    /** Aged out of the decision model, by home region × place. */
    final long[] agedOut;
    /** Degree-study entrants (school leavers and Bolashak awards) by place of study (visa quotas). */
    final long[] studyEntrants;
    /** Work-permit applications (every permit draw) by foreign place (visa caps). */
    final long[] permitApplications;
    /** Entrants (school leavers and college entrants) by ethnicity ({@link kz.kosh.world.Ethnicity}). */
    final long[] entrantsByEthnicity = new long[kz.kosh.world.Ethnicity.COUNT];
    /**
     * Graduates leaving Kazakhstan for a place abroad (emigration, and first jobs abroad after
     * study in Kazakhstan), by ethnicity.
     */
    final long[] departuresByEthnicity = new long[kz.kosh.world.Ethnicity.COUNT];
    /** New cases of working below qualification abroad. */
    long brainWasteEntries;
    /** New graduates by funding route ({@link kz.kosh.population.Population#FUNDING_NAMES}), and those whose first job is abroad. */
    final long[] graduatesByFunding = new long[FUNDINGS];
    final long[] graduatesFirstJobAbroadByFunding = new long[FUNDINGS];
    /** Bachelor programmes completed at Kazakhstani universities, whether or not a master's follows. */
    long bachelorDegreesInKz;
    long partnersFollowing;
    /** Σ of willingness to emigrate (in millionths) over graduates living in Kazakhstan, and their count. */
    long willingnessMicro;
    long willingnessCount;
    /** Agent-year location decisions evaluated (consideration step), first-job choices included. */
    long decisions;
    /** Breaches and repayments recovered (KZT), by status index (kz.kosh.scenario.Statuses). */
    final long[] breaches = new long[kz.kosh.scenario.Statuses.count()];
    final long[] repaymentsKzt = new long[kz.kosh.scenario.Statuses.count()];
    /** The programmes' own counts, by {@link kz.kosh.policy.Counter#index}. */
    private long[] programme = new long[kz.kosh.policy.Counter.count()];
    /** The values the programmes derive at the year's end ({@link kz.kosh.policy.PolicyModule#closeYear}), by counter index. */
    private double[] derived = new double[kz.kosh.policy.Counter.count()];
    /** The view of a move the programmes' move hooks get (one per counters, i.e. per worker thread). */
    final MoveView mover = new MoveView();
    /** The per-agent payment ledger of the run (null unless the run records it): not a count, never merged or cleared. */
    AgentPayments payments;

    public YearCounters(int regions, int places) {
        this.places = places;
        this.regions = regions;
        flows = new int[KINDS][FUNDINGS * regions * places * places];
        considered = new long[places];
        intendAbroad = new long[places];
        intendInternal = new long[places];
        permitRefused = new long[places];
        arrivals = new long[places];
        departures = new long[places];
        agedOut = new long[regions * places];
        studyEntrants = new long[places];
        permitApplications = new long[places];
    }

    void flow(FlowKind kind, int funding, int home, int origin, int destination) {
        flows[kind.ordinal()][((funding * regions + home) * places + origin) * places + destination]++;
        if (origin != destination) {
            departures[origin]++;
            arrivals[destination]++;
        }
    }

    /** Adds another counter's counts to this one. */
    void add(YearCounters o) {
        for (int k = 0; k < KINDS; k++) {
            int[] a = flows[k];
            int[] b = o.flows[k];
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
        }
        addCounts(o);
    }

    /**
     * Makes this the sum of the counters {@code from} (the worker threads') and clears them, as
     * {@code clear()}, {@code add} of each and their {@code clear()} would: the flows of the first
     * (2.2 MB of cells, most of them 0) are taken over by exchanging the arrays instead of being
     * cleared here, added, and cleared there, so with one thread they are swept once a year instead
     * of three times (the first's flows are then this one's former arrays, which its clear() zeroes).
     */
    void collect(YearCounters[] from) {
        YearCounters first = from[0];
        for (int k = 0; k < KINDS; k++) {
            int[] t = flows[k];
            flows[k] = first.flows[k];
            first.flows[k] = t;
        }
        clearCounts();
        addCounts(first);
        for (int t = 1; t < from.length; t++) {
            add(from[t]);
        }
        for (YearCounters c : from) {
            c.clear();
        }
    }

    /** Adds another counter's counts but its flows to this one. */
    private void addCounts(YearCounters o) {
        addAll(considered, o.considered);
        addAll(intendAbroad, o.intendAbroad);
        addAll(intendInternal, o.intendInternal);
        addAll(permitRefused, o.permitRefused);
        addAll(arrivals, o.arrivals);
        addAll(departures, o.departures);
        addAll(agedOut, o.agedOut);
        addAll(studyEntrants, o.studyEntrants);
        addAll(permitApplications, o.permitApplications);
        addAll(entrantsByEthnicity, o.entrantsByEthnicity);
        addAll(departuresByEthnicity, o.departuresByEthnicity);
        brainWasteEntries += o.brainWasteEntries;
        addAll(graduatesByFunding, o.graduatesByFunding);
        addAll(graduatesFirstJobAbroadByFunding, o.graduatesFirstJobAbroadByFunding);
        bachelorDegreesInKz += o.bachelorDegreesInKz;
        partnersFollowing += o.partnersFollowing;
        decisions += o.decisions;
        willingnessMicro += o.willingnessMicro;
        willingnessCount += o.willingnessCount;
        addAll(breaches, o.breaches);
        addAll(repaymentsKzt, o.repaymentsKzt);
        if (o.programme.length > programme.length) {
            programme = java.util.Arrays.copyOf(programme, o.programme.length);
        }
        addAll(programme, o.programme);
        if (o.derived.length > derived.length) {
            derived = java.util.Arrays.copyOf(derived, o.derived.length);
        }
        for (int i = 0; i < o.derived.length; i++) {
            derived[i] += o.derived[i];
        }
    }

    private static void addAll(long[] a, long[] b) {
        for (int i = 0; i < b.length; i++) {
            a[i] += b[i];
        }
    }

    void clear() {
        for (int[] a : flows) {
            java.util.Arrays.fill(a, 0);
        }
        clearCounts();
    }

    /** Clears every count but the flows. */
    private void clearCounts() {
        java.util.Arrays.fill(considered, 0);
        java.util.Arrays.fill(intendAbroad, 0);
        java.util.Arrays.fill(intendInternal, 0);
        java.util.Arrays.fill(permitRefused, 0);
        java.util.Arrays.fill(arrivals, 0);
        java.util.Arrays.fill(departures, 0);
        java.util.Arrays.fill(entrantsByEthnicity, 0);
        java.util.Arrays.fill(departuresByEthnicity, 0);
        java.util.Arrays.fill(agedOut, 0);
        java.util.Arrays.fill(studyEntrants, 0);
        java.util.Arrays.fill(permitApplications, 0);
        brainWasteEntries = 0;
        java.util.Arrays.fill(graduatesByFunding, 0);
        java.util.Arrays.fill(graduatesFirstJobAbroadByFunding, 0);
        bachelorDegreesInKz = partnersFollowing = decisions = 0;
        willingnessMicro = willingnessCount = 0;
        java.util.Arrays.fill(breaches, 0);
        java.util.Arrays.fill(repaymentsKzt, 0);
        java.util.Arrays.fill(programme, 0);
        java.util.Arrays.fill(derived, 0);
    }

    // ---- read access for recorders ----
    /** A non-zero cell of the flows, as {@link #forEachFlow} visits it. */
    @FunctionalInterface
    public interface FlowCell {
        void accept(int kind, int funding, int home, int origin, int destination, int n);
    }

    /**
     * Calls {@code cell} for every non-zero count of {@link #flow(int, int, int, int, int)}, in the
     * order of kind, funding, home, origin, destination: one linear scan of the counts instead of
     * an index computed per cell (a year's moves fill a few thousand of the 555,000 cells).
     */
    public void forEachFlow(FlowCell cell) {
        int pp = places * places;
        int hpp = regions * pp;
        for (int kind = 0; kind < KINDS; kind++) {
            int[] a = flows[kind];
            for (int i = 0; i < a.length; i++) {
                if (a[i] != 0) {
                    int r = i % hpp;
                    int od = r % pp;
                    cell.accept(kind, i / hpp, r / pp, od / places, od % places, a[i]);
                }
            }
        }
    }

    public int flow(int kind, int funding, int home, int origin, int destination) {
        return flows[kind][((funding * regions + home) * places + origin) * places + destination];
    }

    public long considered(int place) { return considered[place]; }
    public long intendAbroad(int place) { return intendAbroad[place]; }
    public long intendInternal(int place) { return intendInternal[place]; }
    public long permitRefused(int place) { return permitRefused[place]; }
    public long arrivals(int place) { return arrivals[place]; }
    public long departures(int place) { return departures[place]; }
    public long entrantsByEthnicity(int e) { return entrantsByEthnicity[e]; }
    public long departuresByEthnicity(int e) { return departuresByEthnicity[e]; }
    public long studyEntrants(int place) { return studyEntrants[place]; }
    public long permitApplications(int place) { return permitApplications[place]; }
    public long agedOut(int home, int place) { return agedOut[home * places + place]; }
    /** All agents aged out this year. */
    public long agedOutTotal() {
        long n = 0;
        for (long x : agedOut) {
            n += x;
        }
        return n;
    }
    public long brainWasteEntries() { return brainWasteEntries; }
    /** New graduates of a funding route this year. */
    public long graduates(int funding) { return graduatesByFunding[funding]; }
    /** Of {@link #graduates}, those whose first job is abroad. */
    public long graduatesFirstJobAbroad(int funding) { return graduatesFirstJobAbroadByFunding[funding]; }
    public long bachelorDegreesInKz() { return bachelorDegreesInKz; }
    public long partnersFollowing() { return partnersFollowing; }
    public long decisions() { return decisions; }
    /** Breaches of obligations of a type (a status index, kz.kosh.scenario.Statuses). */
    @Override
    public long breaches(int obligationType) { return breaches[obligationType]; }
    /** Repayments recovered from breaches of obligations of a type, KZT. */
    @Override
    public long repaymentsKzt(int obligationType) { return repaymentsKzt[obligationType]; }
    /** Adds n to a programme's counter. */
    @Override
    public void add(kz.kosh.policy.Counter counter, long n) {
        int i = counter.index();
        if (i >= programme.length) {
            programme = java.util.Arrays.copyOf(programme, kz.kosh.policy.Counter.count());
        }
        programme[i] += n;
    }

    /** A programme's counter this year. */
    @Override
    public long get(kz.kosh.policy.Counter counter) {
        int i = counter.index();
        return i < programme.length ? programme[i] : 0;
    }

    @Override
    public void set(kz.kosh.policy.Counter counter, double value) {
        int i = counter.index();
        if (i >= derived.length) {
            derived = java.util.Arrays.copyOf(derived, kz.kosh.policy.Counter.count());
        }
        derived[i] = value;
    }

    @Override
    public double value(kz.kosh.policy.Counter counter) {
        return valueAt(counter.index());
    }

    /** The derived value of the counter of an index (0 when not set). */
    double valueAt(int index) {
        return index < derived.length ? derived[index] : 0.0;
    }

    /** Mean willingness to emigrate of graduates living in Kazakhstan (0 when none). */
    public double meanWillingness() { return willingnessCount == 0 ? 0.0 : willingnessMicro / 1e6 / willingnessCount; }
}
