package kz.kosh.sim;

import kz.kosh.output.HeadlessRun;
import kz.kosh.population.Population;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.world.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Book-keeping invariants checked in every recorded year of small runs: agents are neither
 * created nor lost except by entry and ageing out, the stocks agree with the population, and
 * the stocks of each (home region, place) change exactly by the recorded flows.
 */
class ConservationTest {
    @TempDir
    Path tmp;

    /** Checks one run and returns the years observed. */
    private static final class Checker implements YearObserver {
        final List<String> failures = new ArrayList<>();
        final List<Integer> years = new ArrayList<>();
        /** Whether students never age out, so that stocks by status can be checked too. */
        final boolean byStatus;
        long lastEntrants = -1;
        long lastAgedOut = -1;
        long agedOutSeen;
        long moves;

        Checker(boolean byStatus) {
            this.byStatus = byStatus;
        }

        void check(boolean ok, int year, String what) {
            if (!ok && failures.size() < 30) {
                failures.add(year + ": " + what);
            }
        }

        /** As above, the message built only on failure (for the checks of every agent). */
        void check(boolean ok, int year, java.util.function.Supplier<String> what) {
            if (!ok && failures.size() < 30) {
                failures.add(year + ": " + what.get());
            }
        }

        @Override
        public void observe(KoshSim sim, int year, YearCounters c, Stocks s, Stocks prev) {
            years.add(year);
            Population pop = sim.population();
            World w = sim.world();
            int regions = w.regionCount();
            int places = w.placeCount();
            int maxAge = sim.params().population().maxDecisionAgeYears();
            int entryAge = sim.params().population().entryAgeYears();

            // population vs stocks vs cumulative totals
            check(s.agents() == pop.size(), year, () -> "stocks.agents " + s.agents() + " != population " + pop.size());
            check(sim.entrantsTotal() == pop.size() + sim.agedOutTotal(), year, () -> "entrants " + sim.entrantsTotal()
                    + " != alive " + pop.size() + " + aged out " + sim.agedOutTotal());
            long stockSum = 0;
            for (int st = 0; st < 2; st++) {
                for (int h = 0; h < regions; h++) {
                    for (int p = 0; p < places; p++) {
                        stockSum += s.count(st, h, p);
                    }
                }
            }
            long stockTotal = stockSum;
            check(stockTotal == s.agents(), year, () -> "Σ stocks " + stockTotal + " != agents " + s.agents());

            // every agent is valid
            long students = 0;
            for (int idx = 0; idx < pop.size(); idx++) {
                final int i = idx;
                int age = pop.age(i);
                check(age <= maxAge, year, () -> "agent " + i + " aged " + age + " > max decision age " + maxAge);
                check(age > entryAge, year, () -> "agent " + i + " aged " + age + " not older than the entry age " + entryAge);
                int loc = pop.location(i);
                check(loc >= 0 && loc < places, year, () -> "agent " + i + " at invalid location " + loc);
                check(pop.home(i) >= 0 && pop.home(i) < regions, year, () -> "agent " + i + " with invalid home " + pop.home(i));
                check(pop.parents(i) >= 0 && pop.parents(i) < regions, year, () ->
                        "agent " + i + " with invalid parents' region " + pop.parents(i));
                check(pop.partner(i) == Population.NONE || (pop.partner(i) >= 0 && pop.partner(i) < places), year, () ->
                        "agent " + i + " with invalid partner place " + pop.partner(i));
                check(pop.exposure(i) == Population.NONE || (pop.exposure(i) >= regions && pop.exposure(i) < places),
                        year, () -> "agent " + i + " with invalid exposure place " + pop.exposure(i));
                check(pop.obligationPct(i) >= 0 && pop.obligationPct(i) <= 100, year, () ->
                        "agent " + i + " with obligation " + pop.obligationPct(i) + "%");
                if (pop.has(i, Population.STUDENT)) {
                    students++;
                    // a student whose programme ended graduated or continued in the study phase
                    check(pop.programmeYearsLeft(i) >= 1, year, () ->
                            "student " + i + " with programmeYearsLeft " + pop.programmeYearsLeft(i));
                } else {
                    check(pop.programmeYearsLeft(i) >= 0, year, () ->
                            "graduate " + i + " with programmeYearsLeft " + pop.programmeYearsLeft(i));
                    check(!pop.has(i, Population.JUST_GRADUATED), year, () -> "graduate " + i + " still flagged just graduated");
                }
                if (w.isAbroad(loc)) {
                    check(pop.has(i, Population.EVER_ABROAD), year, () -> "agent " + i + " abroad without EVER_ABROAD");
                }
            }
            long studentCount = students;
            check(studentCount == s.total(Stocks.STUDENT, false) + s.total(Stocks.STUDENT, true), year,
                    "students in population " + studentCount + " != student stocks");

            // yearly deltas of the cumulative totals against the year's counters
            long agedOutYear = 0;
            for (int h = 0; h < regions; h++) {
                for (int p = 0; p < places; p++) {
                    agedOutYear += c.agedOut(h, p);
                }
            }
            agedOutSeen += agedOutYear;
            long entrantsYear = 0;
            for (int f : new int[]{Population.SELF_PAID, Population.STATE_GRANT}) {
                for (int h = 0; h < regions; h++) {
                    for (int o = 0; o < places; o++) {
                        for (int d = 0; d < places; d++) {
                            entrantsYear += c.flow(FlowKind.STUDY.ordinal(), f, h, o, d);
                        }
                    }
                }
            }
            if (lastEntrants >= 0) {
                check(sim.entrantsTotal() - lastEntrants == entrantsYear, year, "entrants this year "
                        + (sim.entrantsTotal() - lastEntrants) + " != entrant study flows " + entrantsYear);
                check(sim.agedOutTotal() - lastAgedOut == agedOutYear, year, "aged out this year "
                        + (sim.agedOutTotal() - lastAgedOut) + " != aged-out counters " + agedOutYear);
            }
            lastEntrants = sim.entrantsTotal();
            lastAgedOut = sim.agedOutTotal();

            // stocks by (home, place) change exactly by the flows
            long[] delta = new long[2 * regions * places]; // [status][home][place]
            for (FlowKind kind : FlowKind.values()) {
                for (int f = 0; f < YearCounters.FUNDINGS; f++) {
                    for (int h = 0; h < regions; h++) {
                        for (int o = 0; o < places; o++) {
                            for (int d = 0; d < places; d++) {
                                int n = c.flow(kind.ordinal(), f, h, o, d);
                                if (n == 0) {
                                    continue;
                                }
                                if (kind == FlowKind.STUDY) {
                                    if (f == Population.ACADEMIC_MOBILITY) {
                                        continue; // a semester abroad: the student comes back within the year
                                    }
                                    if (f != Population.BOLASHAK) {
                                        check(o == h, year, "entrant flow from " + w.id(o) + " of home " + w.id(h));
                                        delta[(Stocks.STUDENT * regions + h) * places + d] += n; // a new agent
                                        continue;
                                    }
                                    delta[(Stocks.STUDENT * regions + h) * places + o] -= n;
                                    delta[(Stocks.STUDENT * regions + h) * places + d] += n;
                                } else if (kind == FlowKind.FIRST_JOB) {
                                    delta[(Stocks.STUDENT * regions + h) * places + o] -= n;
                                    delta[(Stocks.GRADUATE * regions + h) * places + d] += n;
                                } else {
                                    check(o != d, year, kind.label() + " flow from a place to itself: " + w.id(o));
                                    check(FlowKind.ofMove(w.isAbroad(o), w.isAbroad(d)) == kind, year,
                                            kind.label() + " flow from " + w.id(o) + " to " + w.id(d));
                                    delta[(Stocks.GRADUATE * regions + h) * places + o] -= n;
                                    delta[(Stocks.GRADUATE * regions + h) * places + d] += n;
                                    moves += n;
                                }
                            }
                        }
                    }
                }
            }
            for (int h = 0; h < regions; h++) {
                for (int p = 0; p < places; p++) {
                    long agedOut = c.agedOut(h, p);
                    if (byStatus) {
                        for (int status = 0; status < 2; status++) {
                            final int st = status;
                            long expected = prev.count(st, h, p) + delta[(st * regions + h) * places + p]
                                    - (st == Stocks.GRADUATE ? agedOut : 0);
                            check(s.count(st, h, p) == expected, year, Stocks.STATUS_NAMES[st] + " of " + w.id(h)
                                    + " at " + w.id(p) + ": " + s.count(st, h, p) + " != previous "
                                    + prev.count(st, h, p) + " + flows " + delta[(st * regions + h) * places + p]
                                    + (st == Stocks.GRADUATE ? " - aged out " + agedOut : ""));
                        }
                    } else {
                        long before = prev.count(Stocks.STUDENT, h, p) + prev.count(Stocks.GRADUATE, h, p);
                        long now = s.count(Stocks.STUDENT, h, p) + s.count(Stocks.GRADUATE, h, p);
                        long flows = delta[(Stocks.STUDENT * regions + h) * places + p]
                                + delta[(Stocks.GRADUATE * regions + h) * places + p];
                        check(now == before + flows - agedOut, year, "agents of " + w.id(h) + " at " + w.id(p) + ": "
                                + now + " != previous " + before + " + flows " + flows + " - aged out " + agedOut);
                    }
                }
            }
        }
    }

    private Checker run(ScenarioLoader.Loaded loaded, int threads, boolean byStatus) {
        Checker checker = new Checker(byStatus);
        KoshSim sim = new KoshSim(loaded.scenario(), threads);
        sim.addObserver(checker);
        try {
            HeadlessRun.runYears(sim);
        } finally {
            sim.finish();
        }
        assertEquals(List.of(), checker.failures, "conservation failures");
        List<Integer> expectedYears = new ArrayList<>();
        for (int y = loaded.scenario().run().startYear(); y <= loaded.scenario().run().endYear(); y++) {
            expectedYears.add(y);
        }
        assertEquals(expectedYears, checker.years, "every recorded year is observed once, in order");
        assertTrue(checker.moves > 0, "the run had graduate moves");
        return checker;
    }

    @Test
    void fullSpinUpConservesAgentsByStatusAndPlace() {
        // the default 22-year spin-up: the oldest cohorts pass the decision age (40) in the recorded years
        ScenarioLoader.Loaded l = TestRuns.variant(tmp, "conserve", TestRuns.run(2015, 2018, 22), 11, 0.01);
        Checker c = run(l, 2, true);
        assertTrue(c.agedOutSeen > 0, "agents aged out in the recorded years");
    }

    @Test
    void lowDecisionAgeConservesAgentsWithStudentsAgeingOut() {
        // a decision age of 22 makes agents (students among them) age out within a short run
        ScenarioLoader.Loaded l = TestRuns.variant(tmp, "young",
                TestRuns.SHORT_RUN + "population: {maxDecisionAgeYears: 22}\n", 5, 0.02);
        Checker c = run(l, 1, false);
        assertTrue(c.agedOutSeen > 0, "agents aged out in the recorded years");
    }
}
