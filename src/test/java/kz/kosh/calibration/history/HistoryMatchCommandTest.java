package kz.kosh.calibration.history;

import kz.kosh.experiment.ParameterEnsemble;
import kz.kosh.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command on the model, tiny (scale 0.01, one recorded year, 6 spin-up years): wave 1 run as
 * two shards, then the rest locally; the outputs of every wave, the posterior in the
 * --parameter-ensemble format, the re-run draws with their coverage; a second call reruns nothing.
 */
class HistoryMatchCommandTest {
    @TempDir
    Path tmp;

    private Path files() throws Exception {
        Path scenario = Path.of("scenarios/baseline.yaml").toAbsolutePath();
        Files.writeString(tmp.resolve("targets.yaml"), kz.kosh.calibration.TargetFiles.tiny("calibration", true));
        Files.writeString(tmp.resolve("calibrate.yaml"), "name: tiny\nscenario: " + scenario.toString().replace('\\', '/')
                + "\ntargets: targets.yaml\nreplications: 1\nscale: 0.01\nstartYear: 2015\nendYear: 2015\nspinUpYears: 6\n"
                + "budget: 3\nparameters:\n  - {path: decision.considerationConstant, min: -2, max: 4}\n"
                + "  - {path: decision.followThroughAbroad, min: 0.1, max: 1.0}\n");
        Path file = tmp.resolve("hm.yaml");
        Files.writeString(file, """
                name: tiny
                calibration: calibrate.yaml
                waves: 2
                points: 6
                replications: 2
                seed: 3
                rule: max
                maxCandidates: 20000
                posterior: {draws: 4, confirmReplications: 1}
                output: {posterior: out/tiny-posterior.csv}
                """);
        return file;
    }

    @Test
    void wavesShardsPosteriorAndResume() throws Exception {
        HistoryMatchSpec spec = HistoryMatchSpec.load(files());
        Path dir = tmp.resolve("results");
        new HistoryMatchRun(spec, dir, 2, null).run(1, new int[]{0, 2});
        new HistoryMatchRun(spec, dir, 2, null).run(1, new int[]{1, 2});
        assertTrue(Files.isDirectory(dir.resolve("wave-1/experiment/shards/1-of-2")));
        HistoryMatchRun.Result r = new HistoryMatchRun(spec, dir, 2, null).run(null, null);
        assertTrue(!Files.exists(dir.resolve("wave-1/experiment/summary.csv")), "wave 1 came from the shards, not a local run");
        assertEquals(1 + 6 * 2 * 2, Files.readAllLines(dir.resolve("wave-1/runs.csv")).size());
        for (String f : List.of("design.csv", "emulators.csv", "loo.csv", "loo.png", "nonimplausible.csv")) {
            assertTrue(Files.exists(dir.resolve("wave-1").resolve(f)), f);
        }
        String report = Files.readString(r.report());
        assertTrue(report.contains("## Waves"), report);
        if (r.stopped() == null) {
            assertEquals(2, r.waves().size());
            ParameterEnsemble e = ParameterEnsemble.load(dir.resolve("posterior.csv"), spec.calibration().scenario());
            assertEquals(4, e.size());
            assertEquals(List.of("decision.considerationConstant", "decision.followThroughAbroad"), e.paths());
            assertEquals(Files.readString(dir.resolve("posterior.csv")), Files.readString(tmp.resolve("out/tiny-posterior.csv")));
            assertEquals(1 + 4, Files.readAllLines(dir.resolve("posterior/confirm.csv")).size());
            assertEquals(1 + 2, Files.readAllLines(dir.resolve("posterior/coverage.csv")).size());
            assertTrue(report.contains("## Posterior") && report.contains("## Predictive coverage"), report);
            assertTrue(Files.size(dir.resolve("posterior-pairs.png")) > 1000);
        } else {
            assertTrue(report.contains(r.stopped()), report);
        }
        // resumed: nothing reruns, the same report
        long before = Files.getLastModifiedTime(dir.resolve("wave-1/runs.csv")).toMillis();
        HistoryMatchRun.Result again = new HistoryMatchRun(spec, dir, 2, null).run(null, null);
        assertEquals(before, Files.getLastModifiedTime(dir.resolve("wave-1/runs.csv")).toMillis());
        assertEquals(report, Files.readString(again.report()));
    }

    @Test
    void badFileNamesEveryProblem() throws Exception {
        files();
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, """
                calibration: calibrate.yaml
                waves: 0
                points: 8
                replications: 1
                seed: 3
                rule: median
                fitYears: [2019, 2015]
                colour: red
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> HistoryMatchSpec.load(bad));
        String all = String.join("\n", e.problems());
        for (String s : List.of("waves", "replications", "rule", "fitYears", "colour")) {
            assertTrue(all.contains(s), s + " in " + all);
        }
    }

    @Test
    void committedFilesLoadAndEveryMatchedTargetHasItsVariances() {
        for (String f : List.of("calibration/history-match.yaml", "calibration/history-match-oos.yaml")) {
            HistoryMatchSpec spec = HistoryMatchSpec.load(Path.of(f));
            HistoryMatchRun run = new HistoryMatchRun(spec, tmp.resolve("unused"), 1, null);
            assertTrue(spec.dimension() >= 9, f);
            assertTrue(run.outputs().size() >= 10, f);
            for (HistoryMatching.Output o : run.outputs()) {
                assertTrue(o.observationVariance() > 0 && o.discrepancyVariance() > 0, o.id());
                if (spec.fitYears() != null) {
                    int year = Integer.parseInt(o.id().replaceAll(".*@(\\d{4}).*", "$1"));
                    assertTrue(year >= 2015 && year <= 2019, "out-of-sample mode matches only 2015-2019: " + o.id());
                }
            }
        }
    }

    /** Sobol' indices of a policy contrast on its emulator: paired differences, sobol.csv, the report section. */
    @Test
    void policyContrastIndicesOnTheEmulator() throws Exception {
        files();
        Path scenario = Path.of("scenarios/baseline.yaml").toAbsolutePath();
        Files.writeString(tmp.resolve("more-awards.yaml"), "extends: " + scenario.toString().replace('\\', '/')
                + "\nname: more-awards\ndescription: test\ntimeline:\n  - fromYear: 2010\n    policy:\n      bolashak:\n"
                + "        awardsPerYear: 2000\n");
        Path file = tmp.resolve("contrast.yaml");
        Files.writeString(file, """
                name: tiny-contrast
                calibration: calibrate.yaml
                waves: 1
                points: 6
                replications: 2
                seed: 4
                maxCandidates: 20000
                posterior: {draws: 2, confirmReplications: 0}
                contrasts:
                  - name: more-awards
                    scenario: more-awards.yaml
                    model: {indicator: "students_abroad|KZ"}
                    years: [2015, 2015]
                sobol: {points: 256, bootstrap: 20}
                """);
        HistoryMatchSpec spec = HistoryMatchSpec.load(file);
        Path dir = tmp.resolve("contrast-results");
        HistoryMatchRun.Result r = new HistoryMatchRun(spec, dir, 2, null).run(null, null);
        String report = Files.readString(r.report());
        assertTrue(report.contains("## Sensitivity of the policy contrasts"), report);
        List<String> sobol = Files.readAllLines(dir.resolve("contrasts/sobol.csv"));
        assertEquals(1 + 2, sobol.size(), "one row per parameter");
        List<String> diffs = Files.readAllLines(dir.resolve("contrasts/contrasts.csv"));
        assertEquals(1 + 6 * 2, diffs.size());
        double sum = 0;
        for (String line : diffs.subList(1, diffs.size())) {
            sum += Double.parseDouble(line.split(",")[3]);
        }
        assertTrue(sum > 0, "more Bolashak awards since 2010 mean more students abroad in 2015 at every point: " + sum);
    }
}
