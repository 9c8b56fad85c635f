package kz.kosh.sim;

import kz.kosh.decision.AgentKind;
import kz.kosh.population.Population;
import kz.kosh.scenario.PolicyParams;
import kz.kosh.scenario.PopulationParams;
import kz.kosh.world.World;
import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.SplittableRandom;

/**
 * Phase 0: school leavers of each region enter higher education and choose where to study.
 * Entrants of region r: E_r = leavers × (population_r / Σ population) × entry rate × scale,
 * rounded stochastically. Funding: abroad self-paid; at home a state grant with the grant share
 * (some grants carry a work-off obligation), else self-paid.
 */
final class EntryPhase implements Steppable {
    private static final long serialVersionUID = 1L;

    @Override
    public void step(SimState state) {
        KoshSim sim = (KoshSim) state;
        World w = sim.world;
        PopulationParams pp = sim.params.population();
        PolicyParams.StateGrant grant = sim.params.policy().stateGrant();
        double rural = sim.params.policy().ruralIncentive().eligibleShare();
        double totalPopulation = 0;
        for (int r = 0; r < w.regionCount(); r++) {
            totalPopulation += w.population(r);
        }
        SplittableRandom rnd = sim.streams.stream(sim.year, KoshSim.PHASE_ENTRY, 0);
        YearCounters c = sim.runner.sequentialCounters();
        Population pop = sim.population;
        sim.firstEntrantIndex = pop.size();
        double scale = sim.scenario().run().scale();
        for (int r = 0; r < w.regionCount(); r++) {
            double expected = pp.schoolLeaversPerYear() * w.population(r) / totalPopulation
                    * pp.higherEducationEntryRate() * scale;
            int n = (int) expected + (rnd.nextDouble() < expected - Math.floor(expected) ? 1 : 0);
            for (int k = 0; k < n; k++) {
                int parents = r;
                if (rnd.nextDouble() < pp.parentsElsewhereShare()) {
                    do {
                        parents = Rules.draw(sim.rules.regionPopulationCumulative, rnd.nextDouble());
                    } while (parents == r);
                }
                int place = sim.studyChoice.draw(r, rnd.nextDouble());
                int funding = Population.SELF_PAID;
                int obligation = AgentKind.OBLIGATION_NONE;
                if (!w.isAbroad(place) && rnd.nextDouble() < grant.shareOfDomesticEntrants()) {
                    funding = Population.STATE_GRANT;
                    if (rnd.nextDouble() < grant.workOffShare()) {
                        obligation = AgentKind.OBLIGATION_GRANT;
                    }
                }
                boolean female = rnd.nextDouble() < pp.femaleShare();
                int i = pop.addStudent(r, parents, place, pp.entryAgeYears(), female, Population.BACHELOR, funding,
                        sim.params.study().bachelorYears(), obligation);
                if (rnd.nextDouble() < rural) {
                    pop.set(i, Population.RURAL_ELIGIBLE, true);
                }
                c.flow(FlowKind.STUDY, funding, r, r, place);
                if (w.isAbroad(place)) {
                    pop.set(i, Population.EVER_ABROAD, true);
                }
                sim.entrantsTotal++;
            }
        }
    }
}
