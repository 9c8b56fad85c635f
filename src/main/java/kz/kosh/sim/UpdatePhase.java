package kz.kosh.sim;

import kz.kosh.decision.Bonuses;
import kz.kosh.decision.LocationTables;
import kz.kosh.population.Population;
import kz.kosh.scenario.HumanCapitalParams;
import kz.kosh.world.World;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 3: the policy and life-course update at the end of the year.
 * <ul>
 *   <li>Obligations: a year worked at a place that does not breach it serves ⌈100/Y⌉ percent
 *       of it, with Y the owning programme's {@link kz.kosh.policy.ObligationProgramme#serviceYears} (Bolashak:
 *       5 in Astana, Almaty, Shymkent, 3 in another region; grants: the work-off years).</li>
 *   <li>Permits: a temporary post-study permit runs down; when it ends, a work permit is
 *       granted with the destination's work access, else the graduate must leave: a move
 *       choice excluding the current place, going home when the permits there are refused too.</li>
 *   <li>Human capital (Becker): h ← h·(1 + g) a year, or h ← h·(1 − δ) while working below
 *       qualification abroad (brain waste), which ends with the yearly exit rate; ln h is kept in
 *       thousandths, so each year's change is rounded to 0.1%.</li>
 *   <li>Partners: singles in the age window form a partnership at the yearly rate; a partner
 *       living elsewhere joins at the join rate (family-following).</li>
 *   <li>Ageing: agents older than the decision age leave the model, counted as aged out.</li>
 *   <li>Diaspora stocks change by the net moves of the year (persons = agents / scale).</li>
 *   <li>Timed policy changes and the yearly inputs (wages, unemployment) of the next year take
 *       effect; a timed change of a destination's {@code diasporaThousands} shifts its current
 *       stock by the difference.</li>
 * </ul>
 */
final class UpdatePhase implements Steppable {
    private static final long serialVersionUID = 1L;

    @Override
    public void step(SimState state) {
        KoshSim sim = (KoshSim) state;
        Population pop = sim.population;
        int maxAge = sim.params.population().maxDecisionAgeYears();
        int growthMilli = (int) Math.round(Math.log1p(sim.params.humanCapital().growthPerYear()) * 1000);
        int decayMilli = (int) Math.round(Math.log1p(-sim.params.humanCapital().brainWasteDecayPerYear()) * 1000);
        long seed = sim.scenario().run().seed();
        java.util.concurrent.atomic.AtomicLong older = new java.util.concurrent.atomic.AtomicLong();
        sim.runner.run(sim.streams, sim.year, KoshSim.PHASE_UPDATE, pop.size(), (from, to, blockRandom, c) -> {
            AgentRandom rnd = new AgentRandom(seed);
            c.mover.keyed(seed, sim.year);
            World w = sim.world;
            Rules rules = sim.rules;
            HumanCapitalParams hc = sim.params.humanCapital();
            Bonuses b = new Bonuses();
            long agedOut = 0;
            for (int i = from; i < to; i++) {
                int loc = pop.location(i);
                boolean abroad = w.isAbroad(loc);
                if (abroad) {
                    pop.setYearsAbroad(i, pop.yearsAbroad(i) + 1);
                }
                pop.setYearsAtPlace(i, pop.yearsAtPlace(i) + 1);
                if (!pop.has(i, Population.STUDENT)) {
                    rnd.start(pop.id(i), sim.year, KoshSim.PHASE_UPDATE);
                    pop.set(i, Population.JUST_GRADUATED, false);
                    rules.obligationBreakYear(pop, i, rnd, c);
                    rules.serveObligationYear(pop, i);
                    if (abroad && pop.has(i, Population.BELOW_QUALIFICATION)) {
                        pop.setLogHumanCapitalMilli(i, pop.logHumanCapitalMilli(i) + decayMilli);
                        if (rnd.nextDouble() < hc.brainWasteExitRatePerYear()) {
                            pop.set(i, Population.BELOW_QUALIFICATION, false);
                        }
                    } else {
                        pop.setLogHumanCapitalMilli(i, pop.logHumanCapitalMilli(i) + growthMilli);
                    }
                    rules.partnerYear(pop, i, rnd, c);
                    int permit = pop.permitYearsLeft(i);
                    if (permit > 0) {
                        pop.setPermitYearsLeft(i, permit - 1);
                        if (permit == 1 && abroad && !(w.graduateCitizenship(loc) && pop.degreePlace(i) == loc)
                                && Rules.refused(w, loc, rnd, c)) {
                            c.permitRefused[loc]++;
                            rules.bonuses(pop, i, b);
                            LocationTables t = sim.tables;
                            t.prepare(rules.kind(pop, i), loc, b);
                            int j = rules.moveChoice(t, b, loc, t.drawMove(b, rnd.nextDouble()), true, pop.home(i),
                                    pop.degreePlace(i), rnd, c);
                            rules.move(pop, i, j, FlowKind.ofMove(true, w.isAbroad(j)), rnd, c);
                        }
                    }
                }
                int age = pop.age(i) + 1;
                pop.setAge(i, age);
                if (age > maxAge) {
                    agedOut++;
                    c.agedOut[pop.home(i) * w.placeCount() + pop.location(i)]++;
                    if (c.payments != null && w.isAbroad(pop.location(i))) {
                        c.payments.leftAbroad(pop.id(i));
                    }
                }
            }
            older.addAndGet(agedOut);
        });
        // the agents aged out above (no flag array: 1.5 bytes per agent less); usually the oldest in front
        int removed = pop.removeOlderThan(maxAge, older.get());
        sim.agedOutTotal += removed;
        sim.runner.collectMovesInto(sim.diasporaThousands, sim.scenario().run().scale(), sim.world.regionCount());
        World before = sim.world;
        sim.advanceTo(sim.year + 1);
        if (sim.world != before) {
            shiftDiaspora(sim.diasporaThousands, before, sim.world);
        }
    }

    /**
     * A timed change of a destination's {@code diasporaThousands} (the table gives the initial
     * stock, which then evolves with the moves) shifts the current stock by the difference,
     * e.g. +100 adds 100 thousand people from Kazakhstan living there; the stock stays >= 0.
     */
    static void shiftDiaspora(double[] diasporaThousands, World before, World after) {
        for (int j = after.regionCount(); j < after.placeCount(); j++) {
            double delta = after.initialDiasporaThousands(j) - before.initialDiasporaThousands(j);
            if (delta != 0) {
                diasporaThousands[j] = Math.max(0.0, diasporaThousands[j] + delta);
            }
        }
    }
}
