package kz.kosh.calibration;

import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole command on a tiny calibration: spec file, fit, fitted scenario, CSVs, chart, document, sessions. */
class CalibrateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesAFittedScenarioThatExtendsTheInputAndTheReport() throws Exception {
        Path scenario = Path.of("scenarios/baseline.yaml").toAbsolutePath();
        Files.writeString(tmp.resolve("targets.yaml"), """
                targets:
                  - id: willingness
                    title: willingness
                    use: calibration
                    weight: 1
                    tolerance: 0.15
                    source: test
                    model: {indicator: "willingness_to_emigrate_share|KZ"}
                    observed:
                      - {year: 2015, value: 0.46}
                  - id: russia-share
                    title: russia share
                    use: validation
                    weight: 1
                    tolerance: 0.1
                    source: test
                    model: {ratio: ["students_abroad|RU", "students_abroad|KZ"]}
                    observed:
                      - {year: 2015, value: 0.793}
                """);
        Path file = tmp.resolve("calibrate.yaml");
        Files.writeString(file, "name: tiny\nscenario: " + scenario.toString().replace('\\', '/') + "\n"
                + "targets: targets.yaml\nreplications: 1\nreportReplications: 2\nscale: 0.01\nstartYear: 2015\n"
                + "endYear: 2015\nspinUpYears: 6\nbudget: 3\noptimizer: {seed: 1, sigma: 0.2, populationSize: 3}\n"
                + "parameters:\n  - {path: decision.considerationConstant, min: -2, max: 2}\n"
                + "output: {scenario: out/fitted.yaml, doc: docs/calibration.md}\n"
                + "scaleCheck: {scale: 0.02, replications: 1}\n");
        CalibrationSpec spec = CalibrationSpec.load(file);
        Path dir = tmp.resolve("results");
        CalibrationReport.Report r = CalibrateCommand.run(spec, dir, new EvaluationCache(dir.resolve("cache.jsonl")), 2,
                null, "./kosh calibrate calibrate.yaml", true);
        Path fitted = tmp.resolve("out/fitted.yaml");
        String yaml = Files.readString(fitted);
        assertTrue(yaml.contains("extends: "), yaml);
        assertEquals(r.fittedValues()[0],
                ScenarioLoader.load(fitted).tree().at("/decision/considerationConstant").asDouble(), 0.0);
        String doc = Files.readString(tmp.resolve("docs/calibration.md"));
        assertTrue(doc.contains("| willingness | calibration | 2015 |"), doc);
        assertTrue(doc.contains("| russia-share | validation | 2015 |"), doc);
        assertTrue(doc.contains("## Scale check"), doc);
        assertTrue(Files.size(tmp.resolve("docs/calibration/observed-vs-fitted.png")) > 1000);
        List<String> csv = Files.readAllLines(dir.resolve("calibration.csv"));
        assertEquals(3, csv.size());
        List<String> sessions = Files.readAllLines(dir.resolve("sessions.csv"));
        assertEquals(2, sessions.size());
        assertEquals(1, Sessions.totals(dir).sessions());
        // the validation target does not enter the distance
        assertTrue(r.fitted().distance() >= 0);
    }
}
