package kz.kosh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kosh regions} end to end on the baseline at a small scale: the answer on the terminal,
 * regions.csv (ranked by retention, shares of a region adding up to 1, net gains adding up to
 * minus the graduates abroad), the chart, the document and the manifest; the same files on 1 and 2
 * threads; a second run into the folder refused without --overwrite.
 */
class RegionsCommandTest {
    @RegisterExtension
    final StdStreams io = new StdStreams();

    private static int run(Path out, String threads, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("regions", "scenarios/baseline.yaml", "--reps", "2",
                "--scale", "0.005", "--no-posterior", "--threads", threads, "--out", out.toString()));
        args.addAll(List.of(more));
        return Main.execute(args.toArray(String[]::new));
    }

    @Test
    void answersWhichRegionsLoseMostAndToWhere(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a");
        assertEquals(0, run(a, "2"), io.err.toString());
        String out = io.out.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Which regions lose most graduates, and to where? baseline, graduates living on 31 Dec 2045"), out);
        assertTrue(out.contains("Headline: retention of own graduates"), out);
        for (String f : List.of("regions.csv", "regions.png", "regions.md", "manifest.json")) {
            assertTrue(Files.size(a.resolve(f)) > 0, f);
        }
        List<String> lines = Files.readAllLines(a.resolve("regions.csv"));
        Map<String, Double> retention = new HashMap<>();
        Map<String, Double> shareSum = new HashMap<>();
        double gains = 0;
        double abroad = 0;
        double previous = -1;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            if (f[10].equals("n/a")) {
                continue;
            }
            double v = Double.parseDouble(f[10]);
            switch (f[5]) {
                case "retention_own_graduates" -> {
                    assertTrue(v >= previous, "ranked lowest retention first: " + l);
                    previous = v;
                    retention.put(f[3], v);
                }
                case "share_living_at" -> shareSum.merge(f[3], v, Double::sum);
                case "graduate_net_gain" -> gains += v;
                case "graduates_living_at" -> abroad += f[8].equals("destination") ? v : 0;
                default -> {
                }
            }
        }
        assertEquals(20, retention.size());
        shareSum.forEach((region, sum) -> assertEquals(1, sum, 1e-5, region));
        assertEquals(-abroad, gains, 1e-3 * Math.abs(abroad), "net gains sum to minus the graduates abroad");
        assertTrue(Files.readString(a.resolve("regions.md")).startsWith("# Which regions lose most graduates"));
        assertTrue(Files.readString(a.resolve("manifest.json")).contains("\"tool\" : \"kosh\""));

        Path b = tmp.resolve("b");
        assertEquals(0, run(b, "1"), io.err.toString());
        assertEquals(Files.readString(a.resolve("regions.csv")), Files.readString(b.resolve("regions.csv")),
                "the same answer on 1 and 2 threads");
        assertNotEquals(0, run(b, "1"), "a second run into the folder needs --overwrite");
        assertTrue(io.err.toString().contains("--overwrite"), io.err.toString());
    }
}
