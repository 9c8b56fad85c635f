package kz.kosh.sim;

import kz.kosh.decision.Bonuses;
import kz.kosh.decision.LocationTables;
import kz.kosh.population.Population;
import kz.kosh.world.World;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 2: every graduate who did not graduate this year reconsiders where to live: consider
 * (with the probability of {@link LocationTables#considerProbability}), form an intention (the
 * nested logit over the other places), meet the permit barrier (a refused graduate takes the
 * second choice, {@link Rules#moveChoice}), and follow through with probability
 * followThroughInternal or followThroughAbroad. Intentions and moves are both counted. Each
 * graduate's draws are its own ({@link AgentRandom}).
 */
final class LocationPhase implements Steppable {
    private static final long serialVersionUID = 1L;
    /**
     * Willingness to emigrate is an average, estimated on a systematic 1-in-8 sample of agents
     * (agent id divisible by 8, i.e. every eighth entrant of a cohort): about 280,000 graduates a year at scale 1.0.
     */
    static final int WILLINGNESS_SAMPLE_MASK = 7;

    @Override
    public void step(SimState state) {
        KoshSim sim = (KoshSim) state;
        Population pop = sim.population;
        double internal = sim.params.decision().followThroughInternal();
        double abroad = sim.params.decision().followThroughAbroad();
        double boostExchange = sim.rules.draws.considerationBoostAfterExchange;
        boolean recorded = sim.year >= sim.scenario().run().startYear();
        long seed = sim.scenario().run().seed();
        sim.runner.run(sim.streams, sim.year, KoshSim.PHASE_LOCATION, pop.size(), (from, to, blockRandom, c) -> {
            AgentRandom rnd = new AgentRandom(seed);
            c.mover.keyed(seed, sim.year);
            Bonuses b = new Bonuses();
            NestSums sums = new NestSums();
            LocationTables t = sim.tables;
            Rules rules = sim.rules;
            World w = sim.world;
            for (int i = from; i < to; i++) {
                if (pop.has(i, Population.STUDENT | Population.JUST_GRADUATED)) {
                    continue;
                }
                c.decisions++;
                int id = pop.id(i);
                rnd.start(id, sim.year, KoshSim.PHASE_LOCATION);
                int cur = pop.location(i);
                int kind = rules.kind(pop, i);
                // the nest sums without the list of bonuses (the same numbers): most do not consider moving
                boolean sampled = recorded && (id & WILLINGNESS_SAMPLE_MASK) == 0 && !w.isAbroad(cur);
                double willingness = sums.of(rules, pop, i, cur, t, kind, b, sampled);
                if (sampled) {
                    c.willingnessMicro += Math.round(willingness * 1e6);
                    c.willingnessCount++;
                }
                double boost = pop.has(i, Population.EXCHANGE) ? boostExchange : 0.0;
                if (!t.considers(b, boost, rnd.nextDouble())) {
                    continue;
                }
                // the draws need the list
                rules.bonuses(pop, i, b);
                t.prepareRow(t.row(kind), cur, b);
                c.considered[cur]++;
                int intended = t.drawMove(b, rnd.nextDouble());
                if (intended < 0) {
                    continue;
                }
                if (w.isAbroad(intended)) {
                    c.intendAbroad[cur]++;
                } else {
                    c.intendInternal[cur]++;
                }
                int j = rules.moveChoice(t, b, cur, intended, false, pop.home(i), pop.degreePlace(i), rnd, c);
                if (j == cur) {
                    continue;
                }
                boolean crossing = w.isAbroad(j) || w.isAbroad(cur);
                if (rnd.nextDouble() < (crossing ? abroad : internal)) {
                    rules.move(pop, i, j, FlowKind.ofMove(w.isAbroad(cur), w.isAbroad(j)), rnd, c);
                }
            }
        });
    }
}
