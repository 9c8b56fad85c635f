package kz.kosh.experiment.hindcast;

import kz.kosh.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kosh hindcast} on a tiny run (scale 0.02, 2015-2018 after 2 spin-up years, 2 replications). */
class HindcastEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void tinyHindcastWritesDocumentCsvAndCharts() throws IOException {
        Path out = tmp.resolve("hc");
        Path doc = tmp.resolve("docs").resolve("hindcast.md");
        Files.createDirectories(doc.getParent());
        int code = Main.execute("hindcast", "scenarios/baseline.yaml", "--reps", "2", "--scale", "0.02",
                "--start-year", "2015", "--end-year", "2018", "--spin-up-years", "2", "--threads", "2",
                "--out", out.toString(), "--doc", doc.toString(), "--no-posterior");
        assertEquals(0, code);

        List<String> csv = Files.readAllLines(out.resolve("hindcast.csv"));
        assertTrue(csv.get(0).startsWith("series,year,observed,observed_low,observed_high,model_mean,ci_low,ci_high,"), csv.get(0));
        Map<String, Integer> rows = new TreeMap<>();
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1);
            rows.merge(f[0], 1, Integer::sum);
            int year = Integer.parseInt(f[1]);
            assertTrue(year >= 2015 && year <= 2018, line);
            assertFalse(f[5].equals("NA"), "model mean missing: " + line);
            assertEquals("2", f[9], line);
        }
        // observed years inside 2015-2018 of each series
        assertEquals(Map.of("students-abroad", 4, "students-in-russia", 1, "students-in-kazakhstan", 2,
                "school-leavers", 3, "graduate-emigration", 4, "graduate-emigration-moves", 4, "graduates-hired", 4), rows);

        List<String> errors = Files.readAllLines(out.resolve("hindcast-errors.csv"));
        assertEquals(10, errors.size(), "header + 9 series");
        assertTrue(errors.contains("entrants-in-kazakhstan,NA,0,2015,2018,2"), String.join("\n", errors));
        assertEquals(1 + 9 * 4, Files.readAllLines(out.resolve("hindcast-model.csv")).size());

        String md = Files.readString(out.resolve("hindcast.md"));
        assertTrue(md.contains("## Kazakhstani students abroad"), md);
        assertTrue(md.contains("| 2016 | 90,213 |"), "students abroad 2016 row");
        assertTrue(md.contains("Skipped: 16 observed values outside the recorded years 2015-2018 (2000-2001, 2003-2014, "
                + "2019-2020)"), "skipped years of students abroad");
        assertTrue(md.contains("## Series the model cannot speak to"));
        assertTrue(md.contains("![Kazakhstani students abroad](hindcast/students-abroad.png)"));
        assertTrue(md.contains("--reps 2 --scale 0.02 --seed 1 --start-year 2015 --end-year 2018 --spin-up-years 2 "
                + "--no-posterior"), md);
        // the series the calibration is fitted to are named (calibration/targets.yaml by default), the others not
        assertTrue(md.contains("are calibration targets of `calibration/targets.yaml`"), md);
        assertTrue(md.contains("- Fitted by the calibration: **yes** (target students-abroad, 2015-2019)"), md);
        assertTrue(md.contains("| yes: target graduate-emigration, 2015-2024 |"), md);
        assertTrue(md.contains("- Fitted by the calibration: no;"), "students in Russia is a validation target only");
        assertFalse(md.contains("No parameter was fitted to these series"), md);
        assertTrue(Files.size(out.resolve("hindcast").resolve("students-abroad.png")) > 1000);

        assertTrue(Files.exists(doc));
        assertTrue(Files.exists(doc.resolveSibling("hindcast").resolve("graduate-emigration.png")));
        assertEquals(md, Files.readString(doc), "the document and the run's copy are the same text");
        assertEquals(csv, Files.readAllLines(doc.resolveSibling("hindcast").resolve("hindcast.csv")));
        assertFalse(Files.exists(out.resolve("runs")), "runs/ removed without --keep-runs");

        // the same seeds give the same bytes, whatever the number of threads
        Path again = tmp.resolve("again");
        Path targets = Path.of("calibration", "targets.yaml");
        Hindcast.run(new Hindcast.Settings(Path.of("scenarios/baseline.yaml"), 2, 1, 0.02, 2015, 2018, 2, 1, again, null,
                false, false, false, null, targets, kz.kosh.calibration.Targets.fittedSeries(targets,
                kz.kosh.scenario.ScenarioLoader.load(Path.of("scenarios/baseline.yaml")).scenario())));
        for (String f : List.of("hindcast.csv", "hindcast-model.csv", "hindcast-errors.csv")) {
            assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
        }
        // the document differs only in the command line (the first run also wrote --doc)
        assertEquals(withoutCommand(md), withoutCommand(Files.readString(again.resolve("hindcast.md"))));
    }

    private static String withoutCommand(String md) {
        return md.replaceAll("(?m)^\\| command \\|.*$", "");
    }
}
