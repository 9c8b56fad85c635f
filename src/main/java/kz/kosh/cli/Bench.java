package kz.kosh.cli;

import kz.kosh.output.HeadlessRun;
import kz.kosh.population.Population;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.KoshSim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code kosh bench}: runs a scenario (default the baseline at scale 1.0) without writing
 * outputs and prints agent-year decisions per second, peak heap and bytes per agent.
 */
@Command(name = "bench", description = "Measure speed and memory: agent-year decisions/s, peak heap, bytes per agent.")
final class Bench implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", description = "scenario YAML file (default scenarios/baseline.yaml)")
    Path file = Path.of("scenarios/baseline.yaml");
    @Option(names = "--scale", description = "agents per person (default 1.0)")
    double scale = 1.0;
    @Option(names = "--threads", description = "worker threads (default all cores); with --experiment, measure on this many threads only (default 1 and all cores)")
    Integer threads;
    @Option(names = "--seed", description = "random seed (default 1)")
    long seed = 1;
    @Option(names = "--experiment", description = "measure replications per minute (scales 0.05, 0.25 and 1.0) and the speed-up from 1 to 2 threads")
    boolean experiment;
    @Option(names = "--scales", split = ",", description = "scales measured with --experiment (default 0.05,0.25,1.0)")
    double[] scales = {0.05, 0.25, 1.0};
    @Option(names = "--no-reference", negatable = false, description = "skip the reference model (by default it runs before and after Kosh, "
            + "on one thread: the obvious MASON model, one Steppable per graduate with a multinomial logit over all places; the ratio is printed)")
    boolean noReference;
    @Option(names = "--reps", description = "replications per measurement with --experiment (default 8 below scale 0.1, 4 below 1.0, 2 at 1.0)")
    Integer reps;

    @Override
    public Integer call() {
        if (experiment) {
            return benchExperiment();
        }
        ScenarioLoader.Loaded loaded = ScenarioLoader.load(file).withRun(seed, scale);
        int t = kz.kosh.experiment.Threads.orCores(threads);
        double refBefore = noReference ? 0 : referenceDecisionsPerSecond(loaded);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        KoshSim sim = new KoshSim(loaded.scenario(), t);
        long t0 = System.nanoTime();
        HeadlessRun.runYears(sim);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Population pop = sim.population();
        System.gc();
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long decisions = sim.decisionsTotal();
        long agentYears = sim.agentYearsTotal();
        var run = loaded.scenario().run();
        int years = run.endYear() - run.firstSimulatedYear() + 1;
        System.out.printf("scenario %s, scale %s, %d threads, %d simulated years (%d spin-up)%n",
                loaded.scenario().name(), kz.kosh.output.Fmt.number(scale), t, years, run.spinUpYears());
        System.out.printf("agents: %d entered, %d in the model at the end%n", sim.entrantsTotal(), pop.size());
        System.out.printf("agent-years simulated (students and graduates, every phase): %d in %.2f s = %.2f million per second%n",
                agentYears, seconds, agentYears / seconds / 1e6);
        System.out.printf("graduate location decisions (consider/intend/act): %d = %.2f million per second%n", decisions,
                decisions / seconds / 1e6);
        System.out.printf("peak heap: %.0f MiB; heap in use after the run: %.0f MiB%n", peak / 1048576.0, used / 1048576.0);
        long tableBytes = kz.kosh.decision.LocationTables.arrayBytes(sim.world().placeCount());
        System.out.printf("bytes per agent: %.1f in the population arrays (%d bytes a slot, %d slots); "
                        + "%.1f of heap in use per agent alive after the run, %.1f with the choice tables a year holds "
                        + "(%.1f MB at any scale, released when the run ends)%n",
                (double) pop.arrayBytes() / Math.max(1, pop.size()), Population.BYTES_PER_SLOT, pop.capacity(),
                (double) used / Math.max(1, pop.size()), (double) (used + tableBytes) / Math.max(1, pop.size()),
                tableBytes / 1e6);
        double[] phases = sim.phaseSeconds();
        StringBuilder sb = new StringBuilder("seconds per phase:");
        for (int i = 0; i < phases.length; i++) {
            sb.append(String.format(" %s %.2f", KoshSim.PHASE_NAMES[i], phases[i]));
        }
        if (t == 1) {
            double[] cpu = sim.phaseCpuSeconds();
            sb.append("; CPU seconds per phase:");
            for (int i = 0; i < cpu.length; i++) {
                sb.append(String.format(" %s %.2f", KoshSim.PHASE_NAMES[i], cpu[i]));
            }
        }
        System.out.println(sb);
        System.out.printf("load average (1 min) at the end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        sim.finish();
        if (!noReference) {
            double refAfter = referenceDecisionsPerSecond(loaded);
            double ref = (refBefore + refAfter) / 2;
            double fast = decisions / seconds;
            System.out.printf("reference (one MASON Steppable per graduate, multinomial logit over %d places with an exp per place "
                            + "and agent, 1 thread, %,d graduates x %d years, run before and after Kosh): %.2f and %.2f million "
                            + "decisions per second%n", loaded.scenario().destinations().size() + loaded.scenario().regions().size(),
                    REFERENCE_AGENTS, REFERENCE_YEARS, refBefore / 1e6, refAfter / 1e6);
            System.out.printf("ratio: Kosh on %d threads makes %.1fx the reference's decisions per second (%.2f / %.2f million)%n",
                    t, fast / ref, fast / 1e6, ref / 1e6);
        }
        return 0;
    }

    private static final int REFERENCE_AGENTS = 500_000;
    private static final int REFERENCE_YEARS = 3;

    private static double referenceDecisionsPerSecond(ScenarioLoader.Loaded loaded) {
        return ReferenceBench.decisionsPerSecond(loaded.scenario(), REFERENCE_AGENTS, REFERENCE_YEARS);
    }

    private int benchExperiment() {
        ScenarioLoader.Loaded base = ScenarioLoader.load(file);
        int cores = Runtime.getRuntime().availableProcessors();
        int many = threads != null ? kz.kosh.experiment.Threads.orCores(threads) : Math.max(2, cores);
        System.out.printf("replications of %s (%d simulated years each), %d cores; load average %.2f%n", base.scenario().name(),
                base.scenario().run().endYear() - base.scenario().run().firstSimulatedYear() + 1, cores,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        replicationsPerMinute(base.withRun(seed, 0.05), 2, 1); // JIT warm-up, not reported
        for (double sc : scales) {
            if (!(sc > 0 && sc <= 1)) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--scales: " + sc + " is not a scale in (0, 1]");
            }
            int n = reps != null ? reps : (sc < 0.1 ? 8 : sc < 1 ? 4 : 2);
            ScenarioLoader.Loaded l = base.withRun(seed, sc);
            double[] one = threads == null ? replicationsPerMinute(l, n, 1) : null;
            double[] two = replicationsPerMinute(l, n, many);
            String ones = one == null ? "" : String.format("%.2f replications/min on 1 thread, ", one[0]);
            System.out.printf("scale %s: %s%.2f on %d threads%s; %.2f s of CPU per replication (the thread's own, "
                            + "not inflated by other processes' load: %.0f replications/min if %d cores were free); "
                            + "100 replications would take %.1f min; load average %.2f%n", kz.kosh.output.Fmt.number(sc), ones,
                    two[0], many, one == null ? "" : String.format(": speed-up %.2fx", two[0] / one[0]), two[1],
                    60 * cores / two[1], cores, 100 / two[0], ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        return 0;
    }

    /** Replications per minute (wall) and CPU seconds per replication, n replications on a pool of {@code threads}. */
    private static double[] replicationsPerMinute(ScenarioLoader.Loaded l, int n, int threads) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();
        long t0 = System.nanoTime();
        try {
            java.util.List<Runnable> jobs = new java.util.ArrayList<>();
            for (int r = 0; r < n; r++) {
                kz.kosh.experiment.LocalReplication task = new kz.kosh.experiment.LocalReplication(0, r, l, 1 + r);
                jobs.add(() -> {
                    long c0 = mx.getCurrentThreadCpuTime();
                    task.run();
                    cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                });
            }
            kz.kosh.experiment.Threads.runAll(pool, jobs);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return new double[]{n / ((System.nanoTime() - t0) / 60e9), cpuNanos.get() / 1e9 / n};
    }
}
