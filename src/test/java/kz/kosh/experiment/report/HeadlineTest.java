package kz.kosh.experiment.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headline of a constructed comparison: period statistics, the sentence, headline.csv and the report. */
class HeadlineTest {
    private static final List<Integer> YEARS = List.of(2020, 2021, 2022, 2023, 2024, 2025);

    /**
     * 4 replications. Emigration: reference 1000 + 10r every year; the policy adds 0, 100, 200,
     * 300 persons a year from 2023 (differences not distinguishable from zero with 4
     * replications). Bolashak graduates abroad N years after graduating: 2%/3% in the reference, 93-95% under the policy.
     */
    static HeadlineCollector constructed() {
        HeadlineCollector c = new HeadlineCollector(2, 0);
        c.periodStart(2023);
        double[] refShare = {0.02, 0.03, 0.02, 0.03};
        double[] altShare = {0.93, 0.95, 0.94, 0.94};
        for (int r = 0; r < 4; r++) {
            double[] ref = new double[6];
            double[] alt = new double[6];
            for (int y = 0; y < 6; y++) {
                ref[y] = 1000 + 10 * r;
                alt[y] = ref[y] + (YEARS.get(y) >= 2023 ? 100 * r : 0);
            }
            c.put(YEARS, KeyIndicator.EMIGRATION, ref, alt);
            double[] rs = new double[6];
            double[] as = new double[6];
            java.util.Arrays.fill(rs, refShare[r]);
            java.util.Arrays.fill(as, altShare[r]);
            c.put(YEARS, KeyIndicator.NONRETURN_BOLASHAK, rs, as);
        }
        return c;
    }

    private static Headline.Row find(List<Headline.Row> rows, KeyIndicator k, Headline.Measure m) {
        return rows.stream().filter(r -> r.key() == k && r.measure() == m).findFirst().orElse(null);
    }

    @Test
    void periodStatisticsByHand() {
        List<Headline.Row> rows = Headline.compute(constructed(), List.of("baseline", "policy"));
        // emigration: mean, total and last year; shares: no total
        assertEquals(5, rows.size(), rows.toString());
        double half = 3.182446305284263 * 129.09944487358058 / 2; // t(0.975,3) · sd{0,100,200,300} / √4
        Headline.Row mean = find(rows, KeyIndicator.EMIGRATION, Headline.Measure.PERIOD_MEAN);
        assertEquals(2023, mean.fromYear());
        assertEquals(2025, mean.toYear());
        assertEquals(1015, mean.referenceMean(), 1e-9);
        assertEquals(1165, mean.mean(), 1e-9);
        assertEquals(150, mean.difference(), 1e-9);
        assertEquals(150 - half, mean.differenceLo(), 1e-6);
        assertEquals(150 + half, mean.differenceHi(), 1e-6);
        assertFalse(mean.excludesZero());
        Headline.Row total = find(rows, KeyIndicator.EMIGRATION, Headline.Measure.PERIOD_TOTAL);
        assertEquals(450, total.difference(), 1e-9);
        assertEquals(450 - 3 * half, total.differenceLo(), 1e-6);
        Headline.Row last = find(rows, KeyIndicator.EMIGRATION, Headline.Measure.LAST_YEAR);
        assertEquals(2025, last.fromYear());
        assertEquals(150, last.difference(), 1e-9);
        assertEquals(null, find(rows, KeyIndicator.NONRETURN_BOLASHAK, Headline.Measure.PERIOD_TOTAL));
        Headline.Row share = find(rows, KeyIndicator.NONRETURN_BOLASHAK, Headline.Measure.PERIOD_MEAN);
        assertEquals(0.915, share.difference(), 1e-9);
        assertTrue(share.excludesZero());
        double[] wilson = Intervals.share(0.025, 0.005773502691896258, 4);
        assertEquals(wilson[0], share.referenceLo(), 1e-12);
        assertTrue(share.referenceLo() > 0 && share.hi() < 1);
    }

    @Test
    void policyStartIsTheFirstYearInWhichAScenarioDiffersFromTheReference() {
        var base = kz.kosh.scenario.ScenarioLoader.load(java.nio.file.Path.of("scenarios", "baseline.yaml")).scenario();
        var russia = kz.kosh.scenario.ScenarioLoader.load(java.nio.file.Path.of("scenarios", "russia-restricted-2025.yaml"))
                .scenario();
        var noObligation = kz.kosh.scenario.ScenarioLoader.load(java.nio.file.Path.of("scenarios", "no-bolashak-obligation.yaml"))
                .scenario();
        // the baseline's own history (2020, 2022, ...) is shared, so it does not start the period
        assertEquals(2015, PolicyPeriod.policyStart(List.of(base), 0, 2015, 2045));
        assertEquals(2025, PolicyPeriod.policyStart(List.of(base, russia), 0, 2015, 2045));
        assertEquals(2025, PolicyPeriod.policyStart(List.of(russia, base), 1, 2015, 2045), "reference not first");
        assertEquals(2015, PolicyPeriod.policyStart(List.of(base, russia), 0, 2015, 2020), "a timeline after the last year");
        assertEquals(2015, PolicyPeriod.policyStart(List.of(base, noObligation), 0, 2015, 2045), "a difference from the start");
        // each scenario against the reference alone: one that differs from the start does not pull
        // another's period back
        assertEquals("[2015, 2015, 2025]", java.util.Arrays.toString(
                PolicyPeriod.policyStarts(List.of(base, noObligation, russia), 0, 2015, 2045)));
        // per-scenario periods: scenario 1 from 2023, scenario 2 from 2025
        HeadlineCollector per = new HeadlineCollector(3, 0);
        per.periodStarts(new int[]{2020, 2023, 2025});
        per.put(YEARS, KeyIndicator.EMIGRATION, new double[]{1, 1, 1, 1, 1, 1}, new double[]{1, 1, 1, 5, 5, 5},
                new double[]{1, 1, 1, 1, 1, 9});
        List<Headline.Row> rows = Headline.compute(per, List.of("a", "b", "c"));
        Headline.Row b = rows.stream().filter(r -> r.scenario().equals("b") && r.measure() == Headline.Measure.PERIOD_MEAN)
                .findFirst().orElseThrow();
        Headline.Row cc = rows.stream().filter(r -> r.scenario().equals("c") && r.measure() == Headline.Measure.PERIOD_MEAN)
                .findFirst().orElseThrow();
        assertEquals(2023, b.fromYear());
        assertEquals(4.0, b.difference(), 1e-12);
        assertEquals(2025, cc.fromYear());
        assertEquals(8.0, cc.difference(), 1e-12);
        // a period starting after the last year falls back to the whole recorded period
        HeadlineCollector c = new HeadlineCollector(2, 0);
        c.periodStart(2030);
        c.put(YEARS, KeyIndicator.EMIGRATION, new double[]{1, 1, 1, 1, 1, 1}, new double[]{2, 2, 2, 2, 2, 2});
        assertEquals(2020, Headline.compute(c, List.of("a", "b")).get(0).fromYear());
    }

    @Test
    void theAnswerLeadsWithPersonsPerYearAndTotals() {
        List<Headline.Row> rows = Headline.compute(constructed(), List.of("baseline", "policy"));
        // no headline named: the default leads are the indicators in persons or KZT (never a share)
        List<String> a = HeadlineText.answer("policy", rows);
        assertEquals(List.of(
                "policy against baseline, policy period 2023\u20132025, 95% CI over 4 paired replications:",
                "  graduate emigration: +150 [\u221255; +355] persons per year, +450 [\u2212166; +1,066] persons in total "
                        + "2023\u20132025; +150 [\u221255; +355] in 2025"), a);
        assertEquals(1, find(rows, KeyIndicator.EMIGRATION, Headline.Measure.PERIOD_TOTAL).lead());
        assertEquals(0, find(rows, KeyIndicator.NONRETURN_BOLASHAK, Headline.Measure.PERIOD_MEAN).lead());
        String text = HeadlineText.text(rows);
        assertTrue(text.startsWith("Answer: policy against baseline") && text.contains("+450 [-166; +1,066] persons in total"),
                text);
    }

    /**
     * The steady state by hand: 12 years 2020-2031 from the policy's start, 3 replications.
     * Emigration's difference rises by 10 a year and stays at 60 from 2026: the window 2027-2031
     * is flat (steady state +60, trend 0: settled). Returns' difference rises until 2028 (0, 10, ...,
     * 80): window 70, 80, 80, 80, 80, mean 78, least-squares slope 2 a year, drift 2 x 5 = +10, more
     * than a tenth of 78 and the same in every replication: not yet steady.
     */
    @Test
    void theSteadyStateIsTheMeanOfTheLastFiveYearsAndSaysWhenItHasNotSettled() {
        List<Integer> years = new java.util.ArrayList<>();
        for (int y = 2020; y <= 2031; y++) {
            years.add(y);
        }
        HeadlineCollector c = new HeadlineCollector(2, 0);
        c.periodStart(2020);
        c.headline(List.of(List.of(), List.of(KeyIndicator.EMIGRATION, KeyIndicator.RETURNS)));
        for (int r = 0; r < 3; r++) {
            double[][] emigration = new double[2][12];
            double[][] returns = new double[2][12];
            for (int i = 0; i < 12; i++) {
                emigration[0][i] = 1000 + r;
                emigration[1][i] = 1000 + r + 10 * Math.min(i, 6);
                returns[0][i] = 500 - r;
                returns[1][i] = 500 - r + 10 * Math.min(i, 8);
            }
            c.put(years, KeyIndicator.EMIGRATION, emigration);
            c.put(years, KeyIndicator.RETURNS, returns);
        }
        List<Headline.Row> rows = Headline.compute(c, List.of("baseline", "policy"));
        Headline.Row steady = rows.stream().filter(r -> r.key() == KeyIndicator.EMIGRATION
                && r.measure() == Headline.Measure.STEADY_STATE).findFirst().orElseThrow();
        assertEquals(2027, steady.fromYear());
        assertEquals(2031, steady.toYear());
        assertEquals(60, steady.difference(), 1e-9);
        assertEquals(1000 + 1, steady.referenceMean(), 1e-9);
        Headline.Row drift = rows.stream().filter(r -> r.key() == KeyIndicator.RETURNS
                && r.measure() == Headline.Measure.STEADY_DRIFT).findFirst().orElseThrow();
        assertEquals(10, drift.difference(), 1e-9);
        List<String> a = HeadlineText.answer("policy", rows);
        assertTrue(a.get(1).endsWith("persons in total 2020\u20132031 *; steady state 2027\u20132031: +60.0 [+60.0; +60.0] per year *"),
                a.get(1));
        assertTrue(a.get(2).endsWith("; 2027\u20132031: +78.0 [+78.0; +78.0] per year * (not yet steady: +10.0 [+10.0; +10.0] per 5 years)"),
                a.get(2));
        // too short a period for a steady state: none, and the line ends with the last year
        assertEquals(Double.NaN, Headline.aggregate(new double[9], 0, 8, Headline.Measure.STEADY_STATE));
        assertEquals(3.0, Headline.aggregate(new double[]{9, 9, 9, 9, 9, 1, 2, 3, 4, 5}, 0, 9,
                Headline.Measure.STEADY_STATE), 1e-12);
        assertEquals(5.0, Headline.aggregate(new double[]{9, 9, 9, 9, 9, 1, 2, 3, 4, 5}, 0, 9,
                Headline.Measure.STEADY_DRIFT), 1e-12); // slope 1 a year x 5 years
    }

    @Test
    void aScenarioNamesItsLeadsAndAnIndicatorOutsideTheKeyList() {
        HeadlineCollector c = new HeadlineCollector(2, 0);
        KeyIndicator breaches = KeyIndicator.parse("obligation_breaches_bolashak");
        KeyIndicator russia = KeyIndicator.parse("students_abroad@RU");
        assertFalse(breaches.isKey());
        assertTrue(breaches == KeyIndicator.parse("obligation_breaches_bolashak"), "made once");
        c.headline(List.of(List.of(), List.of(russia, KeyIndicator.NONRETURN_BOLASHAK, breaches)));
        List<Integer> years = List.of(2024, 2025);
        for (int r = 0; r < 3; r++) {
            IndicatorTableStub ref = new IndicatorTableStub();
            IndicatorTableStub alt = new IndicatorTableStub();
            ref.put(years, russia.tableKey(), 1000, 1000 + r);
            alt.put(years, russia.tableKey(), 500, 400 + r);
            ref.put(years, breaches.tableKey(), 10, 10 + r);
            alt.put(years, breaches.tableKey(), 0, r);
            ref.put(years, KeyIndicator.NONRETURN_BOLASHAK.tableKey(), 0.01, 0.01);
            alt.put(years, KeyIndicator.NONRETURN_BOLASHAK.tableKey(), 0.5 + r / 100.0, 0.6);
            c.add(new kz.kosh.experiment.IndicatorTable[]{ref.table(), alt.table()});
        }
        List<Headline.Row> rows = Headline.compute(c, List.of("baseline", "policy"));
        List<String> a = HeadlineText.answer("policy", rows);
        assertEquals(4, a.size(), a.toString());
        assertTrue(a.get(1).startsWith("  students abroad in RU: \u2212600 [\u2212600; \u2212600] persons in 2025 *"), a.get(1));
        assertTrue(a.get(1).contains("(1,001 \u2192 401)") && a.get(1).contains("on average 2024\u20132025"), a.get(1));
        assertTrue(a.get(2).startsWith("  Bolashak graduates abroad N years after graduating: +59.0 pp"), a.get(2));
        assertTrue(a.get(3).startsWith("  obligation breaches (bolashak): \u221210.0 [\u221210.0; \u221210.0] persons per year *, "
                + "\u221220.0 [\u221220.0; \u221220.0] persons in total 2024\u20132025"), a.get(3));
    }

    @Test
    void aShareOfNoGraduatesIsNotAvailableNeverZero(@TempDir Path dir) {
        HeadlineCollector c = new HeadlineCollector(2, 0);
        KeyIndicator grant = KeyIndicator.FIRST_JOB_ABROAD_STATE_GRANT;
        c.headline(List.of(List.of(), List.of(grant, KeyIndicator.EMIGRATION)));
        List<Integer> years = List.of(2024, 2025);
        for (int r = 0; r < 3; r++) {
            IndicatorTableStub ref = new IndicatorTableStub();
            IndicatorTableStub alt = new IndicatorTableStub();
            ref.put(years, grant.tableKey(), Double.NaN, Double.NaN); // written, but no graduates of this kind
            alt.put(years, grant.tableKey(), Double.NaN, Double.NaN);
            ref.put(years, KeyIndicator.EMIGRATION.tableKey(), 100, 100 + r);
            alt.put(years, KeyIndicator.EMIGRATION.tableKey(), 110, 110 + 2 * r);
            c.add(new kz.kosh.experiment.IndicatorTable[]{ref.table(), alt.table()});
        }
        List<Headline.Row> rows = Headline.compute(c, List.of("baseline", "policy"));
        Headline.Row mean = find(rows, grant, Headline.Measure.PERIOD_MEAN);
        assertEquals(0, mean.n());
        assertTrue(Double.isNaN(mean.mean()) && Double.isNaN(mean.difference()) && Double.isNaN(mean.pValue()));
        assertEquals(null, find(rows, KeyIndicator.RETURNS, Headline.Measure.PERIOD_MEAN), "never written: no row");
        List<String> a = HeadlineText.answer("policy", rows);
        assertEquals("  state-grant first jobs abroad: n/a (no graduates of this kind)", a.get(1));
        HeadlineCsv.write(dir, rows);
        List<Headline.Row> back = HeadlineCsv.read(dir);
        assertEquals(a, HeadlineText.answer("policy", back));
        assertTrue(back.stream().filter(r -> r.key() == grant).allMatch(r -> r.n() == 0 && Double.isNaN(r.mean())));
    }

    /** A replication's indicator table built by hand (the table's own writer, through its gzip form). */
    private static final class IndicatorTableStub {
        private final java.util.Map<Integer, java.util.Map<String, Double>> byYear = new java.util.TreeMap<>();

        void put(List<Integer> years, String key, double... values) {
            for (int y = 0; y < years.size(); y++) {
                byYear.computeIfAbsent(years.get(y), x -> new java.util.LinkedHashMap<>()).put(key, values[y]);
            }
        }

        kz.kosh.experiment.IndicatorTable table() {
            return kz.kosh.experiment.IndicatorTableTestAccess.of(byYear);
        }
    }

    @Test
    void defaultLeadsRankDiscoveriesByRelativeChangeAndSkipShares() {
        List<Headline.Row> rows = new java.util.ArrayList<>();
        rows.add(row(KeyIndicator.EMIGRATION, 1000, 100, 0.001));      // +10%, discovery
        rows.add(row(KeyIndicator.DEPARTURES, 1100, 300, 0.001));      // +27%, discovery, overlaps emigration
        rows.add(row(KeyIndicator.RETURNS, 100, 50, 0.001));           // +50%, discovery
        rows.add(row(KeyIndicator.STUDENTS_ABROAD, 1000, 900, 0.5));   // +90%, noise: after every discovery
        rows.add(row(KeyIndicator.GRADUATES_ABROAD_SHARE, 0.1, 0.05, 0.001)); // a share: never a default lead
        rows.add(row(KeyIndicator.FISCAL_LOSS, 1e9, 2e9, 0.001));      // +200%, discovery
        rows.add(row(KeyIndicator.FIRST_JOB_ABROAD, 1000, 1, 0.001));  // +0.1%, the fourth discovery
        List<Headline.Row> controlled = Headline.withFalseDiscoveryControl(rows);
        assertEquals(List.of(KeyIndicator.FISCAL_LOSS, KeyIndicator.RETURNS, KeyIndicator.DEPARTURES,
                KeyIndicator.FIRST_JOB_ABROAD), Headline.defaultLeads(controlled));
        // without the discoveries of money and returns, the noisy change comes after the remaining discoveries
        assertEquals(List.of(KeyIndicator.DEPARTURES, KeyIndicator.FIRST_JOB_ABROAD, KeyIndicator.STUDENTS_ABROAD),
                Headline.defaultLeads(Headline.withFalseDiscoveryControl(
                        List.of(rows.get(0), rows.get(1), rows.get(3), rows.get(6)))));
    }

    /** A period-mean row: reference level {@code ref}, difference {@code diff} with two-sided p-value p (n = 10). */
    private static Headline.Row row(KeyIndicator k, double ref, double diff, double p) {
        long n = 10;
        double t = new org.apache.commons.math3.distribution.TDistribution(n - 1).inverseCumulativeProbability(1 - p / 2);
        double h = Intervals.t95(n) * diff / t;
        return new Headline.Row("s", "ref", k, Headline.Measure.PERIOD_MEAN, 2025, 2045, ref, ref, ref, ref + diff,
                ref + diff, ref + diff, diff, diff - h, diff + h, n);
    }

    @Test
    void fileRoundTripAndReport(@TempDir Path dir) throws IOException {
        List<Headline.Row> rows = Headline.compute(constructed(), List.of("baseline", "policy"));
        HeadlineCsv.write(dir, rows);
        List<String> lines = Files.readAllLines(dir.resolve(Headline.FILE));
        assertEquals(HeadlineCsv.HEADER, lines.get(0));
        assertTrue(lines.get(1).startsWith("policy,baseline,emigration,KZ,persons/year,period_mean,2023,2025,1015,"),
                lines.get(1));
        List<Headline.Row> back = HeadlineCsv.read(dir);
        assertEquals(rows.size(), back.size());
        assertEquals(HeadlineText.answer("policy", rows), HeadlineText.answer("policy", back));
        assertEquals(rows.stream().map(r -> r.key() + " " + r.measure() + " " + r.lead()).toList(),
                back.stream().map(r -> r.key() + " " + r.measure() + " " + r.lead()).toList());
        Files.writeString(dir.resolve("summary.csv"), "scenario,year,indicator,place,mean,sd,ci95_low,ci95_high,p05,p50,p95,n\n"
                + "baseline,2025,emigration,KZ,1030,1,1029,1031,1029,1030,1031,4\n"
                + "policy,2025,emigration,KZ,1180,1,1179,1181,1179,1180,1181,4\n", StandardCharsets.UTF_8);
        ReportWriter.write(dir);
        String html = Files.readString(dir.resolve("report.html"));
        int answer = html.indexOf("<h2>The answer</h2>");
        assertTrue(answer > 0 && answer < html.indexOf("Key indicators"), "the answer comes first");
        for (String l : HeadlineText.answer("policy", rows)) {
            assertTrue(html.contains(Formats.html(l.trim())), "the report shows the terminal's answer: " + l);
        }
        assertTrue(html.contains("Glossary") && html.contains("graduates living minus own"));
        assertNotNull(html);
        // sweep points are named with their parameter values in the printed answer too
        Files.writeString(dir.resolve("design.csv"), "scenario,parameter,value\npolicy,policy.bolashak.enforcementProbability,0.5\n");
        String text = HeadlineText.text(HeadlineCsv.labelled(HeadlineCsv.read(dir), dir));
        assertTrue(text.contains("Answer: policy (enforcementProbability=0.5) against baseline"), text);
    }

    /**
     * Each scenario's table is labelled with its own policy period: "early" differs from 2021,
     * "late" from 2023; the Docquier-Rapoport note sits in a wrapping block, not in the no-wrap
     * number text.
     */
    @Test
    void reportLabelsEachScenarioWithItsOwnPolicyPeriod(@TempDir Path dir) throws IOException {
        HeadlineCollector c = new HeadlineCollector(3, 0);
        c.periodStarts(new int[]{2020, 2021, 2023});
        for (int r = 0; r < 3; r++) {
            double[] ref = {1000 + r, 1000 + r, 1000 + r, 1000 + r, 1000 + r, 1000 + r};
            double[] early = ref.clone();
            double[] late = ref.clone();
            for (int y = 1; y < 6; y++) {
                early[y] += 50 + r;
                late[y] += y >= 3 ? 80 + r : 0;
            }
            c.put(YEARS, KeyIndicator.EMIGRATION, ref, early, late);
            c.put(YEARS, KeyIndicator.GRADUATES_ABROAD_SHARE, new double[]{.1, .1, .1, .1, .1, .1},
                    new double[]{.12, .12, .12, .12, .12, .12}, new double[]{.1, .1, .1, .1, .1, .1});
        }
        List<Headline.Row> rows = Headline.compute(c, List.of("baseline", "early", "late"));
        HeadlineCsv.write(dir, rows);
        Files.writeString(dir.resolve("summary.csv"), "scenario,year,indicator,place,mean,sd,ci95_low,ci95_high,p05,p50,p95,n\n"
                + "baseline,2025,emigration,KZ,1030,1,1029,1031,1029,1030,1031,3\n", StandardCharsets.UTF_8);
        ReportWriter.write(dir);
        String html = Files.readString(dir.resolve("report.html"));
        String early = html.substring(html.indexOf("<h3>early"), html.indexOf("<h3>late"));
        String late = html.substring(html.indexOf("<h3>late"));
        assertTrue(early.contains("policy period 2021\u20132025") && early.contains("baseline, mean 2021\u20132025"), early);
        assertTrue(late.contains("policy period 2023\u20132025") && late.contains("late, mean 2023\u20132025"), late);
        assertFalse(late.contains("2021\u20132025"), late);
        assertTrue(html.contains("<small class=\"band\">") && html.contains("td.num small.band { display: block; white-space: normal"),
                "the Docquier-Rapoport note wraps in its own block");
    }
}
