package kz.kosh.sim;

import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Responses of the world-adjusting policy modules (visa routes, regional shocks) over a few
 * seeds at a small scale: each lever from 2026 against the baseline, summed over 2026-2032 and
 * the seeds (same seeds for both, so common random numbers). The figures are printed.
 */
class WorldModulesResponseTest {
    private static final double SCALE = 0.05;
    private static final long[] SEEDS = {11, 12, 13};
    /** 2024-2032 recorded; the shortest spin-up that gives graduates of every degree by 2026. */
    private static final String RUN = TestRuns.run(2024, 2032, 6);
    private static final int FROM = 2026;
    private static final List<String> WEST = List.of("KZ-23", "KZ-47", "KZ-27", "KZ-15");

    @TempDir
    static Path tmp;

    /** What is measured in a run, summed over the policy years 2026-2032. */
    private static final class Measures {
        long studentsInRussia;
        long firstJobsInUs;
        long graduatesInUs;
        long permitsRefusedUs;
        long firstJobsStayingInUk;
        long firstJobsStayingInRussia;
        long netDeparturesWest;
    }

    private static Measures run(String name, String body) {
        Measures m = new Measures();
        for (long seed : SEEDS) {
            Scenario s = TestRuns.variant(tmp, name + "-" + seed, RUN + body, seed, SCALE).scenario();
            KoshSim sim = new KoshSim(s, 2);
            sim.addObserver((KoshSim k, int year, YearCounters c, Stocks st, Stocks prev) -> {
                if (year < FROM) {
                    return;
                }
                World w = k.world();
                int ru = w.indexOf("RU");
                int us = w.indexOf("US");
                int gb = w.indexOf("GB");
                m.studentsInRussia += st.atPlace(Stocks.STUDENT, ru);
                m.graduatesInUs += st.atPlace(Stocks.GRADUATE, us);
                m.permitsRefusedUs += c.permitRefused(us);
                Set<Integer> west = new java.util.HashSet<>();
                WEST.forEach(id -> west.add(w.indexOf(id)));
                int first = FlowKind.FIRST_JOB.ordinal();
                for (int f = 0; f < YearCounters.FUNDINGS; f++) {
                    for (int h = 0; h < w.regionCount(); h++) {
                        m.firstJobsStayingInUk += c.flow(first, f, h, gb, gb);
                        m.firstJobsStayingInRussia += c.flow(first, f, h, ru, ru);
                        for (int o = 0; o < w.placeCount(); o++) {
                            m.firstJobsInUs += c.flow(first, f, h, o, us);
                            for (FlowKind kind : List.of(FlowKind.FIRST_JOB, FlowKind.INTERNAL, FlowKind.EMIGRATION,
                                    FlowKind.RETURN)) {
                                for (int d = 0; d < w.placeCount(); d++) {
                                    int n = c.flow(kind.ordinal(), f, h, o, d);
                                    if (n != 0 && west.contains(o) && !west.contains(d)) {
                                        m.netDeparturesWest += n;
                                    } else if (n != 0 && west.contains(d) && !west.contains(o)) {
                                        m.netDeparturesWest -= n;
                                    }
                                }
                            }
                        }
                    }
                }
            });
            sim.runToEnd();
        }
        return m;
    }

    private static String timeline(String policy) {
        return "timeline:\n  - fromYear: " + FROM + "\n    policy: " + policy + "\n";
    }

    @Test
    void leversMoveTheirOutcomes() {
        Measures base = run("base", "");

        Measures closed = run("russia-study-closed", timeline("{visaRoutes: {RU: {study: closed}}}"));
        System.out.printf("WorldModulesResponseTest: students in Russia (agent-years 2026-2032, 3 seeds, scale %.2f): "
                + "%d baseline -> %d with Russia's study route closed%n", SCALE, base.studentsInRussia, closed.studentsInRussia);
        assertTrue(closed.studentsInRussia < 0.8 * base.studentsInRussia,
                "closing Russia's study route should lower students in Russia: " + base.studentsInRussia + " -> "
                        + closed.studentsInRussia);

        Measures oil = run("oil-shock", timeline("{regionalShocks: {regions: [KZ-23, KZ-47, KZ-27, KZ-15], wageFactor: 0.8, "
                + "unemploymentChangePercentagePoints: 3}}"));
        System.out.printf("WorldModulesResponseTest: net graduate departures from Atyrau, Mangystau, West Kazakhstan, "
                + "Aktobe: %d baseline -> %d with the oil shock%n", base.netDeparturesWest, oil.netDeparturesWest);
        assertTrue(oil.netDeparturesWest > base.netDeparturesWest,
                "an oil shock should raise net departures from the western regions: " + base.netDeparturesWest + " -> "
                        + oil.netDeparturesWest);

        Measures lottery = run("us-lottery", timeline("{visaRoutes: {US: {work: lottery, workLotteryOdds: 0.25}}}"));
        Measures hardLottery = run("us-lottery-05", timeline("{visaRoutes: {US: {work: lottery, workLotteryOdds: 0.05}}}"));
        System.out.printf("WorldModulesResponseTest: US (baseline = table work access 0.27 / lottery 0.25 / lottery 0.05): "
                        + "first jobs %d / %d / %d, graduates living there (agent-years) %d / %d / %d, permits refused "
                        + "%d / %d / %d%n", base.firstJobsInUs, lottery.firstJobsInUs, hardLottery.firstJobsInUs,
                base.graduatesInUs, lottery.graduatesInUs, hardLottery.graduatesInUs,
                base.permitsRefusedUs, lottery.permitsRefusedUs, hardLottery.permitsRefusedUs);
        // the lottery acts at the end of OPT (1 year of post-study work) and on moves there: first
        // jobs in the US are mostly US graduates on OPT, so they barely move; the stock falls
        assertTrue(lottery.firstJobsInUs <= base.firstJobsInUs,
                "a US lottery of 0.25 should not raise first jobs in the US: " + base.firstJobsInUs + " -> " + lottery.firstJobsInUs);
        assertTrue(lottery.graduatesInUs < base.graduatesInUs,
                "a US lottery of 0.25 (table 0.27) should lower graduates in the US: " + base.graduatesInUs + " -> "
                        + lottery.graduatesInUs);
        assertTrue(hardLottery.graduatesInUs < 0.9 * lottery.graduatesInUs,
                "lower lottery odds should lower graduates in the US: " + lottery.graduatesInUs + " -> " + hardLottery.graduatesInUs);
        assertTrue(hardLottery.permitsRefusedUs > lottery.permitsRefusedUs);

        Measures uk0 = run("uk-psw-0", timeline("{visaRoutes: {GB: {postStudyWorkYears: 0}}}"));
        Measures uk2 = run("uk-psw-2", timeline("{visaRoutes: {GB: {postStudyWorkYears: 2}}}"));
        System.out.printf("WorldModulesResponseTest: first jobs staying in the UK: %d with post-study work 2 years, "
                + "%d with 0 (baseline %d)%n", uk2.firstJobsStayingInUk, uk0.firstJobsStayingInUk, base.firstJobsStayingInUk);
        assertEquals(base.firstJobsStayingInUk, uk2.firstJobsStayingInUk, "2 years is the table value: same run");
        assertTrue(uk0.firstJobsStayingInUk < 0.9 * uk2.firstJobsStayingInUk,
                "no UK post-study work should lower first jobs staying in the UK: " + uk2.firstJobsStayingInUk + " -> "
                        + uk0.firstJobsStayingInUk);

        // Russia's work route closed and no post-study right: nobody stays after a Russian degree,
        // unless graduates of Russian universities need no permit (graduateCitizenship)
        Measures noStay = run("ru-no-stay", timeline("{visaRoutes: {RU: {work: closed, postStudyWorkYears: 0}}}"));
        Measures citizens = run("ru-citizens", timeline("{visaRoutes: {RU: {work: closed, postStudyWorkYears: 0, "
                + "graduateCitizenship: true}}}"));
        System.out.printf("WorldModulesResponseTest: first jobs staying in Russia: %d baseline, %d with work closed and "
                + "no post-study work, %d with graduate citizenship too%n", base.firstJobsStayingInRussia,
                noStay.firstJobsStayingInRussia, citizens.firstJobsStayingInRussia);
        assertEquals(0, noStay.firstJobsStayingInRussia);
        assertTrue(citizens.firstJobsStayingInRussia > 0);
    }

    @Test
    void quotasAndCapsGiveTheSameRunWithOneOrTwoThreads() throws Exception {
        // a binding study quota and work cap from last year's demand (integer counts summed over
        // blocks): the run must not depend on the thread count; the population spans several blocks
        String body = TestRuns.run(2015, 2019, 8) + timeline("{visaRoutes: {RU: {study: quota, studyQuotaPerYear: 5000}, "
                + "GB: {work: cap, workCapPerYear: 200}, US: {study: quota, studyQuotaPerYear: 300, work: cap, workCapPerYear: 100}}}")
                .replace("fromYear: " + FROM, "fromYear: 2012");
        kz.kosh.scenario.ScenarioLoader.Loaded l = TestRuns.variant(tmp, "quota-threads", body, 20240917L, 0.05);
        kz.kosh.output.HeadlessRun.Result one = kz.kosh.output.HeadlessRun.run(l, tmp.resolve("q1"), false, 1);
        kz.kosh.output.HeadlessRun.Result two = kz.kosh.output.HeadlessRun.run(l, tmp.resolve("q2"), false, 2);
        assertTrue(one.agentsAlive() > 2L * BlockRunner.BLOCK);
        for (String f : List.of("flows.csv", "stocks.csv", "indicators.csv")) {
            assertEquals(-1, java.nio.file.Files.mismatch(one.directory().resolve(f), two.directory().resolve(f)), f);
        }
        // the quotas and caps bind (access below 1 in the last year)
        double[] access = new double[3];
        KoshSim sim = new KoshSim(l.scenario(), 1);
        sim.addObserver((KoshSim k, int year, YearCounters c, Stocks st, Stocks prev) -> {
            World w = k.world();
            access[0] = w.studyAccess(w.indexOf("RU"));
            access[1] = w.workAccess(w.indexOf("GB"));
            access[2] = w.studyAccess(w.indexOf("US"));
        });
        sim.runToEnd();
        System.out.printf("WorldModulesResponseTest: 2019 access under the quotas and caps: RU study %.3f, GB work %.3f, "
                + "US study %.3f%n", access[0], access[1], access[2]);
        assertTrue(access[0] < 1 && access[1] < 1 && access[2] < 1, java.util.Arrays.toString(access));
    }

    @Test
    void graduateCitizenshipWaivesThePermitForTheCountrysGraduatesOnly() throws Exception {
        Scenario s = TestRuns.variant(tmp, "citizenship", "policy: {visaRoutes: {RU: {work: closed, graduateCitizenship: true}}}\n",
                1, 0.01).scenario();
        World w = new World(s, 2024);
        Rules rules = new Rules(w, s);
        int ru = w.indexOf("RU");
        int almaty = w.indexOf("KZ-75");
        YearCounters c = new YearCounters(w.regionCount(), w.placeCount());
        SplittableRandom rnd = new SplittableRandom(1);
        // a graduate of a Russian university moving (back) to Russia: no permit needed, none applied for
        assertEquals(ru, rules.moveChoice(null, null, almaty, ru, false, almaty, ru, rnd, c));
        assertEquals(0, c.permitApplications(ru));
        // anyone else applies and is refused (work route closed)
        assertTrue(Rules.refused(w, ru, rnd, c));
        assertEquals(1, c.permitApplications(ru));
    }
}
