package kz.kosh.calibration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An interrupted calibration resumes from the evaluation cache without recomputing. */
class EvaluationCacheTest {
    @TempDir
    Path tmp;

    @Test
    void rerunReplaysFromTheCacheAndAnInterruptedRunRecomputesOnlyWhatIsMissing() throws Exception {
        List<CalibrationSpec.Parameter> params = List.of(
                new CalibrationSpec.Parameter("decision.considerationConstant", -2.0, 2.0));
        CalibrationSpec spec = CalibrationTestSupport.spec(params, 4, 4);
        List<Target> targets = CalibrationTestSupport.targets(
                List.of(CalibrationTestSupport.indicator("willingness_to_emigrate_share|KZ")), new double[]{0.46});
        Path file = tmp.resolve("cache.jsonl");
        Calibration.Result first;
        try (Evaluator ev = new Evaluator(spec, targets, new EvaluationCache(file), 2)) {
            first = Calibration.fit(spec, ev, null);
        }
        List<String> lines = Files.readAllLines(file);
        int distinct = lines.size();
        assertEquals(first.replicationsRun(), distinct, "one line per replication run");

        // a complete rerun: everything from the cache, the same result
        try (Evaluator ev = new Evaluator(spec, targets, new EvaluationCache(file), 2)) {
            Calibration.Result again = Calibration.fit(spec, ev, null);
            assertEquals(0, again.replicationsRun());
            assertEquals(first.best().distance(), again.best().distance(), 0.0);
            assertArrayEquals(first.best().unit(), again.best().unit(), 0.0);
        }

        // interrupted after two evaluations, the last line torn: only the rest is recomputed
        Files.write(file, List.of(lines.get(0), lines.get(1), lines.get(2).substring(0, lines.get(2).length() / 2)));
        try (Evaluator ev = new Evaluator(spec, targets, new EvaluationCache(file), 2)) {
            Calibration.Result resumed = Calibration.fit(spec, ev, null);
            assertEquals(distinct - 2, resumed.replicationsRun());
            assertEquals(first.best().distance(), resumed.best().distance(), 0.0);
        }
    }

    @Test
    void editedEmptiedOrForeignLinesAreNotTrusted() throws Exception {
        Path file = tmp.resolve("c.jsonl");
        EvaluationCache c = new EvaluationCache(file);
        String k1 = EvaluationCache.key("f", new double[]{0.5}, 0);
        String k2 = EvaluationCache.key("f", new double[]{0.5}, 1);
        String k3 = EvaluationCache.key("f", new double[]{0.7}, 0);
        c.put(k1, new double[]{0.5}, 0, new double[]{1234.5, Double.NaN, 1e-7});
        c.put(k2, new double[]{0.5}, 1, new double[]{99, 0.25, 3});
        c.put(k3, new double[]{0.7}, 0, new double[]{1, 2, 3});
        EvaluationCache reread = new EvaluationCache(file);
        assertEquals(0, reread.untrusted());
        assertEquals(1234.5, reread.get(k1)[0]);
        List<String> lines = Files.readAllLines(file);
        // one value edited to the observed figure (a "perfect fit"), one line's values emptied, one line without check
        Files.write(file, List.of(lines.get(0).replace("1234.5", "0.46"), lines.get(1).replaceFirst("\"values\":\\[[^]]*]",
                "\"values\":[]"), lines.get(2).replaceFirst(",\"check\":\"[0-9a-f]+\"", ""), "{}", "not json"));
        EvaluationCache edited = new EvaluationCache(file);
        assertEquals(5, edited.untrusted());
        assertEquals(null, edited.get(k1));
        assertEquals(null, edited.get(k2));
        assertEquals(null, edited.get(k3));
    }

    @Test
    void keyDependsOnFingerprintValuesAndReplication() {
        String a = EvaluationCache.key("f", new double[]{0.5, 1}, 0);
        assertEquals(a, EvaluationCache.key("f", new double[]{0.5, 1}, 0));
        org.junit.jupiter.api.Assertions.assertNotEquals(a, EvaluationCache.key("g", new double[]{0.5, 1}, 0));
        org.junit.jupiter.api.Assertions.assertNotEquals(a, EvaluationCache.key("f", new double[]{0.5, 1.0000001}, 0));
        org.junit.jupiter.api.Assertions.assertNotEquals(a, EvaluationCache.key("f", new double[]{0.5, 1}, 1));
    }
}
