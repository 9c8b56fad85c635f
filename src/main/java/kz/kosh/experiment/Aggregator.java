package kz.kosh.experiment;

import kz.kosh.scenario.ScenarioLoader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streaming aggregation in replication order: replication r is added (for every scenario,
 * and as differences to the reference) only when all scenarios of r and every earlier
 * replication have arrived, so the result is the same for any completion order.
 */
final class Aggregator {
    private final ExperimentSpec spec;
    private final int scenarios;
    private final Map<Integer, IndicatorTable[]> pending = new HashMap<>();
    private final List<Map<String, CellStats[]>> summary = new ArrayList<>();
    private final List<Map<String, CellStats[]>> differences = new ArrayList<>();
    /** The key indicators of every replication, for the headline over the policy period. */
    final kz.kosh.experiment.report.HeadlineCollector headline;
    private List<Integer> years;
    private int next;
    private final List<Integer> added = new ArrayList<>();

    /** The replications summarised so far, in order. */
    List<Integer> replicationsAdded() {
        return List.copyOf(added);
    }

    Aggregator(ExperimentSpec spec, int scenarios) {
        this.spec = spec;
        this.scenarios = scenarios;
        this.headline = new kz.kosh.experiment.report.HeadlineCollector(scenarios, spec.referenceIndex());
        for (int s = 0; s < scenarios; s++) {
            summary.add(new LinkedHashMap<>());
            differences.add(new LinkedHashMap<>());
        }
    }

    synchronized void offer(int scenario, int replication, IndicatorTable table) {
        pending.computeIfAbsent(replication, r -> new IndicatorTable[scenarios])[scenario] = table;
        while (pending.containsKey(next) && complete(pending.get(next))) {
            add(pending.remove(next), next);
            next++;
        }
    }

    private static boolean complete(IndicatorTable[] t) {
        for (IndicatorTable x : t) {
            if (x == null) {
                return false;
            }
        }
        return true;
    }

    /** Adds one complete replication (all scenarios) directly; callers add replications in order. */
    synchronized void addInOrder(int replication, IndicatorTable[] tables) {
        add(tables, replication);
    }

    private void add(IndicatorTable[] tables, int replication) {
        added.add(replication);
        if (years == null) {
            years = List.copyOf(tables[spec.referenceIndex()].years());
        }
        IndicatorTable ref = tables[spec.referenceIndex()];
        headline.add(tables, spec.setOf(replication));
        for (int s = 0; s < scenarios; s++) {
            IndicatorTable t = tables[s];
            Map<String, CellStats[]> sum = summary.get(s);
            Map<String, CellStats[]> diff = differences.get(s);
            for (String key : t.keys()) {
                CellStats[] cells = sum.computeIfAbsent(key, k -> newCells());
                CellStats[] dcells = s == spec.referenceIndex() ? null : diff.computeIfAbsent(key, k -> newCells());
                for (int y = 0; y < years.size() && y < t.years().size(); y++) {
                    double v = t.value(y, key);
                    cells[y].add(v);
                    if (dcells != null) {
                        dcells[y].add(v - ref.value(y, key));
                    }
                }
            }
        }
    }

    private CellStats[] newCells() {
        CellStats[] c = new CellStats[years.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = new CellStats();
        }
        return c;
    }

    List<Integer> years() {
        return years == null ? List.of() : years;
    }

    Map<String, CellStats[]> summary(int scenario) {
        return summary.get(scenario);
    }

    Map<String, CellStats[]> differences(int scenario) {
        return differences.get(scenario);
    }

    /**
     * The aggregation of an experiment, its headline's policy period set from the scenarios'
     * timelines (see {@link kz.kosh.experiment.report.PolicyPeriod#policyStart}).
     */
    static Aggregator forExperiment(ExperimentSpec spec, List<ScenarioLoader.Loaded> loaded) {
        Aggregator agg = new Aggregator(spec, loaded.size());
        if (spec.ensemble() != null) {
            agg.headline.parameterSets(spec.ensemble().size());
        }
        agg.headline.headlineCodes(loaded.stream().map(l -> l.scenario().headline()).toList());
        var run = loaded.get(spec.referenceIndex()).scenario().run();
        agg.headline.periodStarts(kz.kosh.experiment.report.PolicyPeriod.policyStarts(
                loaded.stream().map(ScenarioLoader.Loaded::scenario).toList(), spec.referenceIndex(), run.startYear(),
                run.endYear()));
        return agg;
    }
}
