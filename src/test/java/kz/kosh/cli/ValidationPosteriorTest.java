package kz.kosh.cli;

import kz.kosh.sim.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kosh validation} over a parameter ensemble: replication r runs set r mod K, a variant's
 * own {@code set} value wins over the set's, and each check's interval is split into parameter and
 * seed parts; {@code --no-posterior} runs the scenario's own values without a split.
 */
class ValidationPosteriorTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final StdStreams io = new StdStreams();

    @TempDir
    Path dir;

    @Test
    void theIntervalSplitsIntoParameterAndSeedPartsAndAVariantKeepsItsOwnValue() throws Exception {
        Path base = TestRuns.writeVariant(dir, "short", TestRuns.BASELINE, "run: {startYear: 2015, endYear: 2016, spinUpYears: 3}\n");
        // two sets far apart in the constant of considering a move: first jobs abroad differ a lot between them
        Path ens = dir.resolve("ens.csv");
        Files.writeString(ens, "set,decision.considerationConstant\n1,-4\n2,1\n");
        Path patterns = dir.resolve("patterns.yaml");
        Files.writeString(patterns, """
                run: {startYear: 2015, endYear: 2016}
                variants:
                  - {id: fixed, description: the constant held at -1, set: {decision: {considerationConstant: -1.0}}}
                patterns:
                  - {id: base-moves, title: internal moves, source: test, model: {indicator: "internal_moves|KZ"},
                     years: [2015, 2016], expect: {min: 0}, tolerance: 0}
                  - {id: fixed-moves, title: internal moves at -1, source: test, model: {indicator: "internal_moves|KZ"},
                     years: [2015, 2016], of: {variant: fixed}, expect: {min: 0}, tolerance: 0}
                """);
        Path out = dir.resolve("v");
        Path doc = dir.resolve("validation.md");
        assertEquals(0, Main.execute("validation", base.toString(), "--patterns", patterns.toString(), "--reps", "4",
                "--scale", "0.02", "--threads", "2", "--out", out.toString(), "--doc", doc.toString(),
                "--parameter-ensemble", ens.toString()), io.err.toString(StandardCharsets.UTF_8));
        Map<String, Map<String, String>> rows = csv(out.resolve("validation.csv"));
        Map<String, String> b = rows.get("base-moves");
        Map<String, String> f = rows.get("fixed-moves");
        assertEquals("2", b.get("parameter_sets"));
        double pb = Double.parseDouble(b.get("parameter_share"));
        double pf = Double.parseDouble(f.get("parameter_share"));
        // the sets differ in the base variant: parameter spread dominates; the variant sets the column itself,
        // so its two sets are the same parameters and differ by seeds only
        assertTrue(pb > 0.8, "base parameter share " + pb);
        assertTrue(pf < pb, "variant parameter share " + pf + " vs base " + pb);
        String md = Files.readString(doc);
        assertTrue(md.contains("| parameters | `"), md);
        assertTrue(md.contains("replication r runs set r mod 2"), md);
        assertTrue(md.contains("% parameter / "), md);
        assertTrue(md.contains("--parameter-ensemble "), md);

        // --no-posterior: the scenario's own values, no split
        Path out2 = dir.resolve("v2");
        assertEquals(0, Main.execute("validation", base.toString(), "--patterns", patterns.toString(), "--reps", "2",
                "--scale", "0.02", "--threads", "2", "--out", out2.toString(), "--no-posterior"));
        Map<String, String> n = csv(out2.resolve("validation.csv")).get("base-moves");
        assertEquals("", n.get("parameter_sets"));
        assertFalse(Files.readString(out2.resolve("validation.md")).contains("CI parts"));
    }

    @Test
    void parameterSetsWithoutAnEnsembleIsRefused() {
        assertEquals(2, Main.execute("validation", "--no-posterior", "--parameter-sets", "2", "--out",
                dir.resolve("x").toString()));
        assertTrue(io.err.toString(StandardCharsets.UTF_8).contains("--parameter-sets needs a parameter ensemble"));
        assertFalse(Files.exists(dir.resolve("x")));
    }

    private static Map<String, Map<String, String>> csv(Path f) throws Exception {
        List<String> lines = Files.readAllLines(f);
        String[] head = lines.get(0).split(",", -1);
        Map<String, Map<String, String>> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            // the statistic column is quoted and may hold commas: split outside quotes
            String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < head.length; i++) {
                m.put(head[i], cells[i]);
            }
            out.put(m.get("id"), m);
        }
        return out;
    }
}
