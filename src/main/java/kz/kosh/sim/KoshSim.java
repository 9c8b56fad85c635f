package kz.kosh.sim;

import kz.kosh.decision.LocationTables;
import kz.kosh.decision.LocationUtility;
import kz.kosh.decision.StudyChoice;
import kz.kosh.population.Population;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.Demand;
import kz.kosh.world.World;
import sim.engine.Schedule;
import sim.engine.SimState;

import java.util.ArrayList;
import java.util.List;

/**
 * The MASON model, kept thin: it owns the world, the population and the schedule. One step is
 * one year; the yearly phases run in a fixed order as {@link sim.engine.Steppable}s:
 * <ol start="0">
 *   <li>{@link EntryPhase}: school leavers enter higher education and choose where to study;</li>
 *   <li>{@link StudyPhase}: a year of study, academic mobility, graduation, continuation
 *       (master's, PhD, Bolashak) and the first-job choice;</li>
 *   <li>{@link LocationPhase}: every other graduate reconsiders where to live;</li>
 *   <li>{@link UpdatePhase}: obligations served, permits, human capital, partners, ageing,
 *       ageing out, diaspora stocks and timed policy changes;</li>
 *   <li>recording: stocks are counted and the observers are told.</li>
 * </ol>
 * All randomness comes from the scenario seed: each agent's draws from {@link AgentRandom}, keyed
 * by (seed, agent id, year, phase), the sizes of the entering cohorts from {@link RandomStreams}.
 */
public final class KoshSim extends SimState {
    private static final long serialVersionUID = 1L;

    static final int PHASE_ENTRY = 0;
    static final int PHASE_STUDY = 1;
    static final int PHASE_LOCATION = 2;
    static final int PHASE_UPDATE = 3;
    static final int PHASE_RECORD = 4;
    /** Stream id of the count of graduating bachelors (draws no numbers; blocks only). */
    static final int PHASE_STUDY_COUNT = 5;
    /** Stream id of the latent traits drawn at entry (home attachment). */
    static final int PHASE_TRAITS = 6;
    /** Stream id of the ethnicity drawn at entry (before the study place, which depends on it). */
    static final int PHASE_ETHNICITY = 7;
    /** Key id of the draw by which a rationed programme allocates its places among qualifying movers ({@link MoveView#placeDraw}). */
    static final int PHASE_PLACES = 8;

    private final Scenario scenario;
    private final int threads;
    final transient RandomStreams streams;
    private final List<YearObserver> observers = new ArrayList<>();

    Scenario params;
    World world;
    LocationUtility utility;
    StudyChoice studyChoice;
    LocationTables tables;
    /** The tables of an earlier year, whose row arrays the next tables take over (see {@link LocationTables}). */
    private transient LocationTables retiredTables;
    Rules rules;
    Population population;
    double[] diasporaThousands;
    transient BlockRunner runner;
    YearCounters counters;
    Stocks stocks;
    Stocks previousStocks;
    int year;
    /** Index of the first agent who entered this year (entrants have not finished a study year). */
    int firstEntrantIndex;
    long entrantsTotal;
    long agedOutTotal;
    long decisionsTotal;
    long agentYearsTotal;
    /** The parameters in force during the year being simulated (params is next year's once UpdatePhase has run). */
    Scenario yearParams;
    /**
     * The chance that a qualifying mover gets each module's money this year, in module order
     * ({@link kz.kosh.policy.PolicyModule#paymentChance} of last year's merged counts; null: 1 each).
     */
    private double[] paymentChances;
    /**
     * Which statuses agents can hold ({@link kz.kosh.scenario.PolicyParams#statusInForce}): an
     * obligation type once its lever has been on in this run (obligations taken are kept), the
     * researcher status while return support runs.
     */
    boolean[] statuses;
    /** The per-agent payment ledger ({@link #recordAgentPayments}); null when not recorded. */
    private AgentPayments payments;

    public KoshSim(Scenario scenario, int threads) {
        super(scenario.run().seed());
        this.scenario = scenario;
        this.threads = threads;
        this.streams = new RandomStreams(scenario.run().seed());
    }

    /**
     * Records who is paid what, agent by agent, from {@code fromYear} on, and who ends abroad
     * ({@link AgentPayments}); call before the run starts. Changes no draw and no outcome.
     */
    public AgentPayments recordAgentPayments(int fromYear) {
        payments = new AgentPayments(fromYear);
        return payments;
    }

    /** Adds an observer told after every recorded year. */
    public void addObserver(YearObserver o) {
        observers.add(o);
    }

    @Override
    public void start() {
        super.start();
        params = scenario.inForce(scenario.run().firstSimulatedYear());
        world = new World(params, scenario.run().firstSimulatedYear());
        paymentChances = null;
        statuses = null;
        applyParams(params, world);
        yearParams = params;
        population = new Population();
        allocateFields(params);
        diasporaThousands = new double[world.placeCount()];
        for (int j = 0; j < world.placeCount(); j++) {
            diasporaThousands[j] = world.initialDiasporaThousands(j);
        }
        if (runner != null) {
            runner.close();
        }
        runner = new BlockRunner(threads, world.regionCount(), world.placeCount());
        if (payments != null) {
            payments.reset();
            runner.payments(payments);
        }
        counters = new YearCounters(world.regionCount(), world.placeCount());
        stocks = new Stocks(world.regionCount(), world.placeCount());
        previousStocks = new Stocks(world.regionCount(), world.placeCount());
        year = scenario.run().firstSimulatedYear();
        entrantsTotal = agedOutTotal = decisionsTotal = agentYearsTotal = 0;
        java.util.Arrays.fill(phaseNanos, 0);
        java.util.Arrays.fill(phaseCpuNanos, 0);
        schedule.scheduleRepeating(Schedule.EPOCH, PHASE_ENTRY, timed(PHASE_ENTRY, new EntryPhase()), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, PHASE_STUDY, timed(PHASE_STUDY, new StudyPhase()), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, PHASE_LOCATION, timed(PHASE_LOCATION, new LocationPhase()), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, PHASE_UPDATE, timed(PHASE_UPDATE, new UpdatePhase()), 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, PHASE_RECORD, timed(PHASE_RECORD, s -> ((KoshSim) s).record()), 1.0);
    }

    /** Names of the yearly phases, in schedule order. */
    public static final String[] PHASE_NAMES = {"entry", "study", "location", "update", "record"};
    private final long[] phaseNanos = new long[PHASE_NAMES.length];
    private final long[] phaseCpuNanos = new long[PHASE_NAMES.length];
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private sim.engine.Steppable timed(int phase, sim.engine.Steppable step) {
        return s -> {
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            step.step(s);
            phaseNanos[phase] += System.nanoTime() - t0;
            phaseCpuNanos[phase] += CPU.getCurrentThreadCpuTime() - c0;
        };
    }

    /**
     * CPU seconds the stepping thread spent in each phase so far: on one thread the phase's whole
     * cost, not inflated by other processes' load as wall time is (with more threads the workers'
     * share is left out).
     */
    public double[] phaseCpuSeconds() {
        double[] out = new double[phaseCpuNanos.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = phaseCpuNanos[i] / 1e9;
        }
        return out;
    }

    /** Wall-clock seconds spent in each phase so far (for the benchmark). */
    public double[] phaseSeconds() {
        double[] out = new double[phaseNanos.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = phaseNanos[i] / 1e9;
        }
        return out;
    }

    /**
     * Before simulating {@code nextYear}: the parameters in force and that year's world (wages,
     * unemployment of {@link kz.kosh.world.YearlyInputs}); everything derived from them, the
     * choice tables included, is rebuilt when either changed (at most once a year).
     */
    void advanceTo(int nextYear) {
        Scenario next = scenario.inForce(nextYear);
        int places = world.placeCount();
        Demand demand = new Demand(runner.sum(c -> c.studyEntrants, places), studyAccessOf(world),
                runner.sum(c -> c.permitApplications, places), graduatesLiving(stocks, world.regionCount()));
        World w = new World(next, nextYear, demand);
        if (next != params || !w.sameYearlyInputs(world)) {
            applyParams(next, w);
        }
        if (nextYear > scenario.run().endYear()) {
            // the run is over: no next year's tables will take the retired arrays over (18 MB at any scale)
            retiredTables = null;
        }
    }

    /** Graduates living in each region at the end of the last recorded year (agents); zeros before the first. */
    private static long[] graduatesLiving(Stocks s, int regions) {
        long[] g = new long[regions];
        for (int j = 0; j < regions; j++) {
            g[j] = s.atPlace(Stocks.GRADUATE, j);
        }
        return g;
    }

    private static double[] studyAccessOf(World w) {
        double[] a = new double[w.placeCount()];
        for (int j = 0; j < a.length; j++) {
            a[j] = w.studyAccess(j);
        }
        return a;
    }

    /** Builds everything derived from the parameters in force and the year's world. */
    void applyParams(Scenario p, World w) {
        params = p;
        world = w;
        boolean[] now = LocationUtility.statusesOf(p);
        if (statuses == null) {
            statuses = now;
        } else {
            for (int o = 0; o < now.length; o++) {
                // an obligation given once keeps its rows; a status derived each year only while in force
                boolean derived = p.policy().owner(o) instanceof kz.kosh.policy.PolicyModule pm && pm.derivesStatus();
                statuses[o] = derived ? now[o] : statuses[o] || now[o];
            }
        }
        // the utility (and what the rules take from it) is built by rebuildTables with the payment chances of
        // the year's merged counts, before any phase reads it: the record and entry phases in between do not
        utility = null;
        studyChoice = new StudyChoice(world, p);
        rules = new Rules(world, p, statuses);
        if (population != null) {
            allocateFields(p);
        }
        retire();
    }

    /**
     * Allocates the per-agent fields the modules in force declare ({@link kz.kosh.policy.PolicyModule#fields}),
     * before any phase writes them from several threads; a field allocated once stays.
     */
    private void allocateFields(Scenario p) {
        for (kz.kosh.scenario.PolicySection m : p.policy().sections()) {
            if (m instanceof kz.kosh.policy.PolicyModule pm) {
                for (kz.kosh.scenario.AgentFields.Field f : pm.fields()) {
                    population.allocate(f);
                }
            }
        }
    }

    /** Drops the tables (rebuilt before they are next used), keeping their arrays for the next ones. */
    private void retire() {
        if (tables != null) {
            retiredTables = tables;
        }
        tables = null;
    }

    /** School leavers of a year, persons (births 17 years earlier × completion ratio × the year's factor from the counts, {@link kz.kosh.world.YearlyInputs#schoolLeavers}). */
    public double schoolLeavers(int calendarYear) {
        return kz.kosh.world.YearlyInputs.builtIn().schoolLeavers(calendarYear,
                params.population().schoolLeaverCompletionRatio(),
                scenario.economy().birthsGrowthPerYearAfterLastObserved());
    }

    /** Updates the choice tables for the current diaspora stocks (rebuilding them after a policy or yearly-input change). */
    void rebuildTables() {
        yearParams = params;
        // rationed payments (e.g. capped places): the money in the tables is the expected one, from last year's merged counts
        java.util.List<kz.kosh.policy.PolicyModule> modules = LocationUtility.modulesOf(params);
        double[] chances = new double[modules.size()];
        boolean changed = false;
        for (int k = 0; k < chances.length; k++) {
            chances[k] = modules.get(k).paymentChance(counters, scenario.run().scale());
            changed |= chances[k] != (paymentChances == null ? 1.0 : paymentChances[k]);
        }
        if (changed) {
            paymentChances = chances;
        }
        // once a year at most: when the parameters or the world changed (applyParams) or the chances did
        if (changed || utility == null) {
            utility = new LocationUtility(world, params, paymentChances, statuses);
            rules.withholdHomeMoney(utility);
            rules.rationPlaces(utility);
            retire();
        }
        if (tables == null) {
            tables = new LocationTables(world, utility, params.decision(), retiredTables);
            retiredTables = null;
        }
        // the rows are computed when an agent of their kind first needs them this year
        tables.setDiaspora(diasporaThousands);
    }

    private void record() {
        runner.collect(counters);
        // the values the programmes in force this year derive from the merged counts
        for (kz.kosh.scenario.PolicySection m : yearParams.policy().sections()) {
            if (m instanceof kz.kosh.policy.PolicyModule pm) {
                pm.closeYear(counters, yearParams, scenario.run().scale());
            }
        }
        if (payments != null) {
            payments.closeYear(year, counters);
            if (year == scenario.run().endYear()) {
                payments.atEnd(population, world);
            }
        }
        Stocks t = previousStocks;
        previousStocks = stocks;
        stocks = t;
        stocks.clear();
        runner.run(streams, year, PHASE_RECORD, population.size(), (from, to, random, c) -> {
            Stocks s = new Stocks(world.regionCount(), world.placeCount());
            countStocks(from, to, s);
            synchronized (this) {
                stocks.add(s);
            }
        });
        decisionsTotal += counters.decisions();
        agentYearsTotal += stocks.agents() + counters.agedOutTotal();
        if (year >= scenario.run().startYear()) {
            for (YearObserver o : observers) {
                o.observe(this, year, counters, stocks, previousStocks);
            }
        }
        year++;
    }

    private void countStocks(int from, int to, Stocks s) {
        s.countAgents(population, world, from, to, year - scenario.run().nonReturnYearsAfterGraduation());
    }

    /** Runs the whole scenario headless (no {@code doLoop}, which would call System.exit). */
    public void runToEnd() {
        start();
        int years = scenario.run().endYear() - scenario.run().firstSimulatedYear() + 1;
        for (int i = 0; i < years; i++) {
            if (!schedule.step(this)) {
                break;
            }
        }
        finish();
    }

    @Override
    public void finish() {
        super.finish();
        if (runner != null) {
            runner.close();
            runner = null;
        }
    }

    // ---- read access for recorders, the CLI and the GUI ----
    public Scenario scenario() { return scenario; }
    /**
     * The parameters of the next year to simulate (after timed changes): once a year's update phase
     * has run, those of the following year. Observers of a finished year want {@link #yearParams()}.
     */
    public Scenario params() { return params; }
    /** The parameters in force during the year being simulated or just recorded (its costs and levers). */
    public Scenario yearParams() { return yearParams; }
    public World world() { return world; }
    public Population population() { return population; }
    /** The calendar year the next step will simulate. */
    public int year() { return year; }
    public double diasporaThousands(int place) { return diasporaThousands[place]; }
    public long entrantsTotal() { return entrantsTotal; }
    public long agedOutTotal() { return agedOutTotal; }
    /** Agent-year location decisions evaluated so far (spin-up included). */
    public long decisionsTotal() { return decisionsTotal; }
    /** Agent-years simulated so far: agents alive at each year's end plus those aged out that year. */
    public long agentYearsTotal() { return agentYearsTotal; }
    public int threads() { return threads; }
}
