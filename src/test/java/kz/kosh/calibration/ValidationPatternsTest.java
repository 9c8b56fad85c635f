package kz.kosh.calibration;

import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pattern-oriented validation at small scale: the validation targets of calibration/targets.yaml
 * and the patterns of calibration/patterns.yaml on the baseline (scale 0.05, 4 replications per
 * variant, seeds 1-4, common random numbers; recorded years 2015-2025 as in the patterns file).
 * Every check that holds today must keep holding: a change of the model that breaks a pattern
 * fails here. The checks that fail today are listed in {@link #KNOWN_FAILING} (docs/validation.md
 * reports them with their margins); they are asserted to fail still, so that a change that makes
 * one hold is noticed and the document regenerated (`./kosh validation --doc docs/validation.md`).
 * Thresholds are never loosened to make a pattern pass. Results do not depend on the threads.
 */
class ValidationPatternsTest {
    /** Checks that do not hold in today's baseline at this test's scale and seeds (see docs/validation.md). */
    static final Set<String> KNOWN_FAILING = Set.of("students-in-russia-2025",
            // issue 20, session 5: at the defaults (decision.oneTimeMoneyWeight 0, money only as a share of
            // lifetime income) the tripled relocation subsidy raises relocations by 2.8% 2017-2025 (< 5%);
            // the weight of one-time money is free in the final match
            "relocation-subsidy-moves-relocations");

    /**
     * Checks within a few percent of their edge, whose verdict differs between this test's scale
     * (0.05) and the document's (0.25): covid-emigration misses its band by 1.2% in
     * docs/validation.md and holds by 2% here; the two Russia-2022 study-share patterns hold by 2.0% and 0.8%.
     * Neither verdict is asserted; the document reports it.
     */
    static final Set<String> BORDERLINE = Set.of("covid-emigration",
            // eighth round (UIS's year convention: UIS 2016-2019 are the model's 2015-2018, observed 0.990
            // within 5%): holds here by 1.5% of its edge, before the refit
            "students-abroad-2015-2019",
            // since issue 20 (the study choice weighs safety): hold by 2.0% and 0.8%
            "russia-2022-students-counterfactual", "russia-2022-students-before-after",
            // issue 20, second part (Russia's funded places, the obstacles spared on a move to a place
            // lived in, the village commitment), at the prior values before the refit: Russia's share of
            // arrivals abroad 2023-2025 over 2017-2019 is 1.031 here (misses < 1 by 3.1%)
            "russia-2022-arrivals-before-after",
            // issue 20 items 3-4 (the Russia orientation from the regions' ethnic composition instead of a
            // border bonus that Atyrau shared): the oil regions' retention rank is 5 in every replication
            // here, on the edge of [1, 5]
            "oil-region-retention",
            // few German graduates at scale 0.05: the over-representation ratio is 1.28 [1.11; 1.46] (1.29 [0.99; 1.58]
            // at another seed set before the study constants' refit)
            "germans-overrepresented-among-graduate-emigrants",
            // issue 20, fifth round: the study constants refitted with Russia's 2022 state (0.45, not the pre-2022
            // 0.55 that kosh calibrate-study read before): at the defaults students in Russia 2020 are 69,420,
            // 0.7% above the band's top (69,000); the posterior's verdict is in docs/validation.md
            "students-in-russia-2020",
            // issue 20, seventh round (Russia's funded places bind within the year, d2fa646): at the defaults
            // students in Russia 2018 are 75,650 here, 0.1% above the band's top (75,555); as for 2020, the
            // posterior's verdict is in docs/validation.md
            "students-in-russia-2018");

    static ValidationRun.Report report;

    @BeforeAll
    static void run() {
        report = ValidationRun.run(new ValidationRun.Settings(Path.of("scenarios/baseline.yaml"),
                Path.of("calibration/patterns.yaml"), 4, 0.05, 1, Math.max(1, Runtime.getRuntime().availableProcessors())));
        System.out.print(ValidationDoc.console(report));
        System.out.printf("ValidationPatternsTest: %d of %d checks hold, %.1f s%n", report.holding(),
                report.results().size(), report.wallSeconds());
    }

    @Test
    void everyValidationTargetAndPatternIsEvaluated() {
        List<String> ids = new ArrayList<>();
        report.results().forEach(r -> ids.add(r.check().id()));
        // the 5 `use: validation` targets of targets.yaml (students-in-russia has two points); covid-students-abroad
        // was removed in the ninth round (its years precede COVID-19 under UIS's year convention; targets.yaml)
        for (String id : List.of("net-gainers-almaty-astana", "oil-region-retention", "north-low-retention",
                "covid-emigration", "students-in-russia-2018", "students-in-russia-2020")) {
            assertTrue(ids.contains(id), "missing validation target " + id);
        }
        // the patterns of patterns.yaml: obligations, networks, wages, regions, the 2022 shock
        for (String id : List.of("obligation-response", "diaspora-network", "wage-retention", "north-sends-to-russia",
                "russians-overrepresented-among-graduate-emigrants", "germans-overrepresented-among-graduate-emigrants",
                "russia-2022-arrivals-counterfactual", "russia-2022-arrivals-before-after")) {
            assertTrue(ids.contains(id), "missing pattern " + id);
        }
        for (ValidationRun.Result r : report.results()) {
            assertEquals(4, r.n(), r.check().id() + ": replications");
            assertTrue(!Double.isNaN(r.mean()), r.check().id() + ": no model value");
        }
        assertFalse(ids.contains("covid-students-abroad"), "covid-students-abroad is no longer a check (targets.yaml)");
    }

    @Test
    void aWithdrawnCheckIsNotRunButListedWithItsLastResult() {
        List<String> withdrawn = report.spec().withdrawn().stream().map(ValidationPatterns.Withdrawn::id).toList();
        assertEquals(List.of("covid-students-abroad"), withdrawn);
        String doc = ValidationDoc.markdown(report, "kosh validation", "c0ffee");
        assertTrue(doc.contains("Withdrawn and no longer run: 1 check"), "the count line names the withdrawn check");
        assertTrue(doc.contains("- **covid-students-abroad** (withdrawn before the ninth refit"), doc);
        assertTrue(doc.contains("Last result: 1.030 [1.019; 1.040] against 0.8943"), "its last result is on record");
    }

    @Test
    void aWithdrawnIdThatIsStillACheckOrIncompleteIsRefused(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("p.yaml");
        Files.writeString(f, "targets: " + Path.of("calibration/targets.yaml").toAbsolutePath() + "\n"
                + "withdrawn:\n"
                + "  - {id: covid-emigration, title: t, when: w, lastResult: l, reason: r}\n"
                + "  - {id: gone, title: t, lastResult: l, reason: r}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ValidationPatterns.load(f,
                ScenarioLoader.load(Path.of("scenarios/baseline.yaml")).scenario()));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("withdrawn[0].id") && all.contains("is still a check"), all);
        assertTrue(all.contains("withdrawn[1].when") && all.contains("required field is missing"), all);
    }

    @Test
    void thePatternsThatHoldTodayStillHold() {
        List<String> broken = new ArrayList<>();
        for (ValidationRun.Result r : report.results()) {
            if (!KNOWN_FAILING.contains(r.check().id()) && !BORDERLINE.contains(r.check().id()) && !r.holds()) {
                broken.add(r.check().id() + ": model " + ValidationDoc.fmt(r.mean()) + " against "
                        + ValidationDoc.expectation(r.check()) + ", margin " + ValidationDoc.margin(r));
            }
        }
        assertTrue(broken.isEmpty(), "validation patterns broken: " + broken);
    }

    @Test
    void theKnownFailuresStillFail() {
        List<String> nowHolding = new ArrayList<>();
        for (ValidationRun.Result r : report.results()) {
            if (KNOWN_FAILING.contains(r.check().id()) && r.holds()) {
                nowHolding.add(r.check().id() + " (margin " + ValidationDoc.margin(r) + ")");
            }
        }
        assertTrue(nowHolding.isEmpty(), "known failing patterns now hold: remove them from KNOWN_FAILING and "
                + "regenerate docs/validation.md: " + nowHolding);
    }

    @Test
    void theMarginIsTheDistanceToTheAcceptedRange() {
        // a value target: margin = tolerance - |relative error|
        ValidationPatterns.Side side = new ValidationPatterns.Side("base", "m", "2020", c -> 0);
        ValidationPatterns.Check value = new ValidationPatterns.Check("v", "validation target", "t", "s", null, "2020",
                side, null, 100, 100, false, 0.15, "100");
        ValidationRun.Result r = ValidationRun.evaluate(value, new double[]{108, 112}, null);
        assertEquals(110, r.mean(), 1e-9);
        assertTrue(r.holds());
        assertEquals(0.05, r.relMargin(), 1e-9);
        r = ValidationRun.evaluate(value, new double[]{60, 70}, null);
        assertTrue(!r.holds());
        assertEquals(-0.2, r.relMargin(), 1e-9);
        // a strict direction: a ratio of exactly 1 does not hold
        ValidationPatterns.Check above = new ValidationPatterns.Check("d", "pattern", "t", "s", null, "2020", side, side,
                1, Double.POSITIVE_INFINITY, true, 0, "> 1");
        r = ValidationRun.evaluate(above, new double[]{2, 4}, new double[]{2, 4});
        assertEquals(1, r.mean(), 1e-12);
        assertTrue(!r.holds());
        r = ValidationRun.evaluate(above, new double[]{3, 5}, new double[]{2, 4});
        assertEquals(8.0 / 6, r.mean(), 1e-12);
        assertTrue(r.holds());
        assertEquals(8.0 / 6 - 1, r.margin(), 1e-12);
    }
}
