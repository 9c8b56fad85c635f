package kz.kosh.search;

import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A search on the real model at a tiny scale, its resumption and export; the strict search file. */
class PolicySearchTest {
    static final Path BASELINE = Path.of("scenarios", "baseline.yaml").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    static String tiny(Path baseline) {
        return "name: tiny\n"
                + "scenario: " + baseline + "\n"
                + "fromYear: 2016\n"
                + "startYear: 2015\nendYear: 2017\nspinUpYears: 2\n"
                + "variables:\n"
                + "  - {path: policy.relocation.subsidyKzt, min: 0, max: 4000000}\n"
                + "  - {path: policy.bolashak.awardsPerYear, min: 0, max: 2000, whole: true}\n"
                + "objectives:\n"
                + "  - {indicator: programme_spending_kzt, sense: minimise}\n"
                + "  - {indicator: retention_own_graduates, place: KZ-59, sense: maximise}\n"
                + "constraints:\n"
                + "  - {indicator: programme_spending_kzt, difference: true, max: 1.0e12}\n"
                + "population: 4\ngenerations: 2\nreplications: 2\nfinalReplications: 2\nscale: 0.01\n";
    }

    @Test
    void tinySearchOnTheModelResumesRepairsAndExportsAPointThatLoads() throws IOException {
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, tiny(BASELINE));
        SearchSpec spec = SearchSpec.load(file);
        Path out = tmp.resolve("out");
        PolicySearch.Result r = new PolicySearch(spec, new PolicySearch.Options(out, 2, false, null, false, false)).run();
        assertEquals(3, r.generationsRun()); // two generations and the front's re-evaluation
        // the reference ran once (2 replications) for the 3 x 2 paired replications of the generations
        assertEquals(2, r.referenceReplicationsRun());
        assertEquals(6, r.referenceReplicationsPaired());
        String front = Files.readString(out.resolve(FrontReport.CSV));
        assertTrue(front.startsWith(FrontReport.HEADER), front);
        assertTrue(Files.size(out.resolve(FrontReport.PNG)) > 5_000);
        assertTrue(!Files.exists(out.resolve(FrontReport.MATRIX_PNG))); // two objectives: front.png shows them
        String report = Files.readString(out.resolve(FrontReport.REPORT));
        assertTrue(report.contains("**Answer.** For ") || report.contains("No feasible point"), report);
        assertTrue(front.contains(",objective,programme_spending_kzt,KZ,period_mean,KZT,"));
        assertTrue(front.contains(",derived," + kz.kosh.indicator.PairedIndicators.COST_PER_ADDITIONAL_GRADUATE_RETAINED_KZT.name() + ","));
        assertTrue(!Files.exists(out.resolve(PolicySearch.INCOMPLETE)));
        // deadweight, agent by agent: for every candidate a share in [0, 1] of positive extra payments
        java.util.List<String> shares = front.lines().filter(x -> x.contains(",derived,"
                + kz.kosh.indicator.PairedIndicators.DEADWEIGHT_SHARE.name() + ",")).toList();
        assertTrue(!shares.isEmpty(), front);
        for (String x : shares) {
            String v = x.split(",")[10];
            assertTrue(v.equals("NA") || Double.parseDouble(v) >= 0 && Double.parseDouble(v) <= 1, x);
        }
        assertTrue(front.contains(",derived," + kz.kosh.indicator.PairedIndicators.COST_PER_ADDITIONAL_GRADUATE_RETAINED_NET_KZT.name() + ","));

        // the same command again: every generation is read back from disk, the same front
        PolicySearch.Result again = new PolicySearch(SearchSpec.load(file),
                new PolicySearch.Options(out, 2, false, null, false, false)).run();
        assertEquals(0, again.generationsRun());
        assertEquals(0, again.referenceReplicationsRun());
        assertEquals(front, Files.readString(out.resolve(FrontReport.CSV)));

        // a damaged replication of a finished generation (a kill while copying, a disk error) is recomputed
        Path runs = out.resolve("generations").resolve("g001").resolve("result").resolve("runs");
        Path rep;
        try (var s = Files.walk(runs)) {
            rep = s.filter(p -> p.getFileName().toString().matches("rep-\\d+\\.csv\\.gz")).sorted().findFirst().orElseThrow();
        }
        Files.write(rep, new byte[]{1, 2, 3});
        PolicySearch.Result repaired = new PolicySearch(SearchSpec.load(file),
                new PolicySearch.Options(out, 2, false, null, false, false)).run();
        assertEquals(1, repaired.generationsRun());
        assertEquals(front, Files.readString(out.resolve(FrontReport.CSV)));

        // a candidate's scenario: extends the reference, the variables from fromYear, as in front.csv
        Path exported = Export.write(out, 1, tmp.resolve("chosen").resolve("point-1.yaml"), false);
        ScenarioLoader.Loaded l = ScenarioLoader.load(exported);
        assertEquals("tiny-point-1", l.scenario().name());
        String subsidy = value(front, 1, "policy.relocation.subsidyKzt");
        assertEquals(Double.parseDouble(subsidy), l.scenario().inForce(2016).policy().get(kz.kosh.policy.Relocation.class).subsidyKzt(), 1e-6);
        assertEquals(1_000_000, l.scenario().inForce(2015).policy().get(kz.kosh.policy.Relocation.class).subsidyKzt(), 1e-6);
        // refused: the reference as a point, an unknown point, replacing a file Kosh did not write
        assertThrows(IllegalArgumentException.class, () -> Export.write(out, 0, tmp.resolve("p0.yaml"), false));
        assertThrows(IllegalArgumentException.class, () -> Export.write(out, 99, tmp.resolve("p99.yaml"), false));
        Path foreign = tmp.resolve("mine.yaml");
        Files.writeString(foreign, "name: mine\n");
        assertThrows(UncheckedIOException.class, () -> Export.write(out, 1, foreign, true));
        assertEquals("name: mine\n", Files.readString(foreign));
    }

    @Test
    void clusterModeStopsBeforeEachGenerationWhichRunsAsShardsAndMerges() throws IOException {
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, tiny(BASELINE).replace("generations: 2", "generations: 1")
                .replace("replications: 2\nfinalReplications: 2", "replications: 1\nfinalReplications: 1"));
        Path out = tmp.resolve("out");
        PolicySearch.Options cluster = new PolicySearch.Options(out, 1, false, null, false, true);
        // first the reference's runs, once for the whole search
        PolicySearch.GenerationPending ref = assertThrows(PolicySearch.GenerationPending.class,
                () -> new PolicySearch(SearchSpec.load(file), cluster).run());
        assertTrue(ref.experimentFile().endsWith(Path.of("generations", "reference", "experiment.yaml")));
        runAsArray(ref);
        PolicySearch.GenerationPending g = assertThrows(PolicySearch.GenerationPending.class,
                () -> new PolicySearch(SearchSpec.load(file), cluster).run());
        assertTrue(g.experimentFile().endsWith(Path.of("generations", "g001", "experiment.yaml")));
        runAsArray(g);
        // the next call reads the merged generation and stops before the front's re-evaluation
        PolicySearch.GenerationPending f = assertThrows(PolicySearch.GenerationPending.class,
                () -> new PolicySearch(SearchSpec.load(file), cluster).run());
        assertTrue(f.experimentFile().endsWith(Path.of("generations", "front", "experiment.yaml")));
        PolicySearch.Result r = new PolicySearch(SearchSpec.load(file),
                new PolicySearch.Options(out, 1, false, null, false, false)).run();
        assertEquals(1, r.generationsRun()); // the front here; g001 read back from its shards
        assertTrue(Files.exists(out.resolve(FrontReport.CSV)));
    }

    /** The array job: two shards, then the merge (kosh experiment --shard k/2, kosh experiment merge). */
    private static void runAsArray(PolicySearch.GenerationPending g) {
        kz.kosh.experiment.ExperimentSpec es = kz.kosh.experiment.ExperimentSpec.load(g.experimentFile());
        for (int k = 0; k < 2; k++) {
            new kz.kosh.experiment.ExperimentRunner(es, g.resultDir(), 1, true, false, false).runShard(k, 2);
        }
        kz.kosh.experiment.Shards.merge(List.of(g.resultDir()), g.resultDir(), false, false);
    }

    private static String value(String csv, int point, String quantity) {
        for (String line : csv.split("\n")) {
            String[] f = line.split(",", -1);
            if (f[0].equals(String.valueOf(point)) && f[5].equals("variable") && f[6].equals(quantity)) {
                return f[10];
            }
        }
        throw new AssertionError("no " + quantity + " of point " + point);
    }

    @Test
    void anotherSearchIntoTheSameDirectoryIsRefused() throws IOException {
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, tiny(BASELINE));
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        PolicySearch s = new PolicySearch(SearchSpec.load(file), new PolicySearch.Options(out, 1, false, null, true, false));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, s::preflight);
        assertTrue(e.getMessage().contains("Kosh did not write"), e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void everyProblemOfASearchFileInOnePass() throws IOException {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "scenario: " + BASELINE + "\n"
                + "fromYear: 2016\n"
                + "variables:\n"
                + "  - {path: policy.bolashak.awardsPerYer, min: 0, max: 10}\n"
                + "  - {path: policy.relocation.subsidyKzt, min: 5, max: 1, colour: red}\n"
                + "objectives:\n"
                + "  - {indicator: programme_spending_kzt, sense: minimise}\n"
                + "  - {indicator: no_such_indicator, place: XX, sense: upwards, measure: median}\n"
                + "constraints:\n"
                + "  - {indicator: programme_spending_kzt}\n"
                + "population: 5\ngenerations: 100000\nreplications: 0\nscale: 0.01\nrobust: {percentile: 100}\n"
                + "mutation: 0.5\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> SearchSpec.load(file));
        String all = String.join("\n", e.problems());
        for (String expected : List.of("variables[0].path: 'policy.bolashak.awardsPerYer' is not a numeric policy parameter",
                "variables[1].max: must be above min", "variables[1].colour: unknown field",
                "objectives[1].indicator: unknown indicator", "objectives[1].place: unknown place 'XX'",
                "objectives[1].sense: unknown sense", "objectives[1].measure: unknown measure", "constraints[0]: give max, min",
                "population: value 5 is odd", "generations: value 100000 is out of range", "replications: value 0 is out of range",
                "robust.percentile: value 100 is out of range", "mutation: unknown field")) {
            assertTrue(all.contains(expected), "missing '" + expected + "' in:\n" + all);
        }
        for (String p : e.problems()) {
            assertTrue(p.startsWith(file.toString()), p);
        }
    }

    @Test
    void theRobustFrontRanksByTheBadTailOverParameterSets() throws IOException {
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, tiny(BASELINE) + "robust: {percentile: 90}\n");
        Path sets = tmp.resolve("posterior.csv");
        Files.writeString(sets, "set,decision.followThroughAbroad\na,0.4\nb,0.5\n");
        kz.kosh.experiment.ParameterEnsemble e = kz.kosh.experiment.ParameterEnsemble.load(sets, BASELINE);
        PolicySearch s = new PolicySearch(SearchSpec.load(file), new PolicySearch.Options(tmp.resolve("o"), 1, false, e,
                false, false));
        Evaluation ev = new Evaluation(new double[]{0, 0});
        // objectives: spending (minimised), retention (maximised); then the constraint and the accounting targets
        ev.add(0, new double[]{100, 0.30, 0, 0, 0}, new double[5]);
        ev.add(1, new double[]{140, 0.20, 0, 0, 0}, new double[5]);
        ev.add(0, new double[]{120, 0.34, 0, 0, 0}, new double[5]);
        ev.add(1, new double[]{160, 0.22, 0, 0, 0}, new double[5]);
        // per-set means: spending 110 (a), 150 (b); retention 0.32 (a), 0.21 (b)
        double[] r = s.ranking().rankValues(ev);
        assertEquals(110 + 0.9 * 40, r[0], 1e-9);         // 90th percentile of a minimised objective
        assertEquals(-(0.21 + 0.1 * 0.11), r[1], 1e-9);   // 10th percentile of a maximised one, negated
    }

    @Test
    void robustRankingNeedsParameterSets() throws IOException {
        Path file = tmp.resolve("tiny.yaml");
        Files.writeString(file, tiny(BASELINE) + "robust: {percentile: 90}\n");
        SearchSpec spec = SearchSpec.load(file);
        assertEquals(90, spec.robustPercentile());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PolicySearch(spec, new PolicySearch.Options(tmp.resolve("o"), 1, false, null, false, false)));
        assertTrue(e.getMessage().contains("--parameter-ensemble"), e.getMessage());
    }
}
