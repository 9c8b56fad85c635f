package kz.kosh.sim;

import kz.kosh.decision.AgentKind;
import kz.kosh.population.Population;
import kz.kosh.scenario.PopulationParams;
import kz.kosh.world.World;
import sim.engine.SimState;
import sim.engine.Steppable;

import java.util.SplittableRandom;

/**
 * Phase 0: school leavers of each region enter higher education and choose where to study.
 * Entrants of region r in year t: E_r = L(t) × (population_r / Σ population) × entry rate × scale,
 * rounded stochastically, with L(t) = births(t − 17) × completion ratio × k(t) the year's school leavers
 * (k(t) from the observed counts, {@link kz.kosh.world.YearlyInputs}). Besides them, C_r = L(t) × (population_r / Σ population) ×
 * collegeEntrantsPerSchoolLeaver × scale entrants come from technical and vocational colleges (or
 * enter later): at collegeEntryAgeYears, into a shortened bachelor programme of
 * collegeBachelorYears at a university in Kazakhstan ({@link kz.kosh.decision.StudyChoice#drawDomestic}). Funding: abroad self-paid; at home the
 * route of the first programme that funds the entrant ({@link kz.kosh.policy.PolicyModule#drawDomesticFunding}, in
 * module order: e.g. a state grant, some with a work-off obligation), else self-paid. The eligibility for
 * programme money in the tables is drawn for every entrant ({@link kz.kosh.policy.PolicyModule#eligibleShareOfEntrants}). Regions draw their entrants in
 * parallel: the cohort sizes from the region's random stream, each entrant's attributes from its
 * own numbers ({@link AgentRandom}, keyed by its {@linkplain Population#entrantId id}); entrants
 * are appended in region order, the slots of all cohorts reserved at once and each region's written
 * on the pool ({@link Population#reserve}, {@link Population#initStudent}).
 */
final class EntryPhase implements Steppable {
    private static final long serialVersionUID = 1L;

    /** One region's entrants before they are appended to the population. */
    private static final class Cohort {
        int n;
        int[] parents = new int[0];
        int[] place = new int[0];
        int[] funding = new int[0];
        int[] obligation = new int[0];
        boolean[] female = new boolean[0];
        boolean[] eligible = new boolean[0];
        int[] age = new int[0];
        int[] years = new int[0];
        int[] id = new int[0];
        int[] attachment = new int[0];
        int[] ethnicity = new int[0];

        void ensure(int size) {
            if (parents.length < size) {
                id = new int[size];
                attachment = new int[size];
                ethnicity = new int[size];
                age = new int[size];
                years = new int[size];
                parents = new int[size];
                place = new int[size];
                funding = new int[size];
                obligation = new int[size];
                female = new boolean[size];
                eligible = new boolean[size];
            }
            n = size;
        }
    }

    private transient Cohort[] cohorts;

    /** ⌊x⌋ + 1 with probability x − ⌊x⌋: a count with expectation x. */
    private static int draw(double expected, SplittableRandom rnd) {
        return (int) expected + (rnd.nextDouble() < expected - Math.floor(expected) ? 1 : 0);
    }

    @Override
    public void step(SimState state) {
        KoshSim sim = (KoshSim) state;
        World w = sim.world;
        PopulationParams pp = sim.params.population();
        // the programmes' eligibility share and the funders of domestic entrants, in module order
        double eligible = sim.rules.draws.eligibleShareOfEntrants;
        kz.kosh.policy.PolicyModule[] funder = sim.rules.draws.domesticFunders;
        int[] funderRoute = sim.rules.draws.domesticFunding;
        double totalPopulation = 0;
        for (int r = 0; r < w.regionCount(); r++) {
            totalPopulation += w.population(r);
        }
        if (cohorts == null || cohorts.length != w.regionCount()) {
            cohorts = new Cohort[w.regionCount()];
            for (int r = 0; r < cohorts.length; r++) {
                cohorts[r] = new Cohort();
            }
        }
        double scale = sim.scenario().run().scale();
        double total = totalPopulation;
        double leavers = sim.schoolLeavers(sim.year);
        sim.runner.parallelFor(w.regionCount(), r -> {
            // the cohort sizes from the region's stream
            SplittableRandom counts = sim.streams.stream(sim.year, KoshSim.PHASE_ENTRY, r);
            int n = draw(leavers * w.population(r) / total * pp.higherEducationEntryRate() * scale, counts);
            // entrants not straight from school (technical and vocational colleges, later entrants):
            // Kazakhstani universities only, shortened programmes
            double expectedCollege = leavers * w.population(r) / total * pp.collegeEntrantsPerSchoolLeaver() * scale;
            int m = expectedCollege > 0 && sim.studyChoice.drawDomestic(r, 0.5) >= 0 ? draw(expectedCollege, counts) : 0;
            Cohort co = cohorts[r];
            co.ensure(n + m);
            AgentRandom a = new AgentRandom(sim.scenario().run().seed());
            for (int k = 0; k < n + m; k++) {
                boolean college = k >= n;
                // each entrant's attributes from its own numbers (keyed by its id), not the region's stream
                co.id[k] = Population.entrantId(sim.year, r, college, college ? k - n : k);
                // ethnicity from the home region's composition, with numbers of its own (another
                // decision) so that it leaves the entry draws below unchanged; drawn first, because
                // the study choice depends on it
                int ethnicity = w.drawEthnicity(r, a.start(co.id[k], sim.year, KoshSim.PHASE_ETHNICITY).nextDouble());
                co.ethnicity[k] = ethnicity;
                java.util.random.RandomGenerator rnd = a.start(co.id[k], sim.year, KoshSim.PHASE_ENTRY);
                // the draws of attributes every entrant has come first, at fixed positions
                co.female[k] = rnd.nextDouble() < pp.femaleShare();
                co.eligible[k] = rnd.nextDouble() < eligible;
                int parents = r;
                if (rnd.nextDouble() < pp.parentsElsewhereShare()) {
                    do {
                        parents = kz.kosh.decision.Logit.drawCumulative(sim.rules.regionPopulationCumulative, rnd.nextDouble());
                    } while (parents == r);
                }
                int place = college ? sim.studyChoice.drawDomestic(r, rnd.nextDouble()) : sim.studyChoice.draw(r, ethnicity, rnd.nextDouble());
                int funding = Population.SELF_PAID;
                int obligation = kz.kosh.scenario.Statuses.NONE;
                if (!w.isAbroad(place)) {
                    for (int f = 0; f < funder.length; f++) {
                        int o = funder[f].drawDomesticFunding(rnd);
                        if (o != kz.kosh.policy.PolicyModule.NOT_FUNDED) {
                            funding = funderRoute[f];
                            obligation = o;
                            break;
                        }
                    }
                }
                co.parents[k] = parents;
                co.place[k] = place;
                co.funding[k] = funding;
                co.obligation[k] = obligation;
                co.age[k] = college ? pp.collegeEntryAgeYears() : pp.entryAgeYears();
                co.years[k] = college ? pp.collegeBachelorYears() : sim.params.study().bachelorYears();
            }
            // latent traits from numbers of their own (the entrant's, another decision), so that they
            // leave every other draw unchanged
            for (int k = 0; k < n + m; k++) {
                co.attachment[k] = a.start(co.id[k], sim.year, KoshSim.PHASE_TRAITS).nextInt(Population.HOME_ATTACHMENT_LEVELS);
            }
        });
        Population pop = sim.population;
        sim.firstEntrantIndex = pop.size();
        // the cohorts take consecutive slots in region order, each region's written by one thread
        int[] offset = new int[w.regionCount()];
        int entrants = 0;
        for (int r = 0; r < w.regionCount(); r++) {
            offset[r] = entrants;
            entrants += cohorts[r].n;
        }
        int first = pop.reserve(entrants);
        sim.entrantsTotal += entrants;
        sim.runner.parallelFor(w.regionCount(), (r, c) -> {
            Cohort co = cohorts[r];
            for (int k = 0; k < co.n; k++) {
                int i = first + offset[r] + k;
                pop.initStudent(i, r, co.parents[k], co.place[k], co.age[k], co.female[k],
                        Population.BACHELOR, co.funding[k], co.years[k], co.obligation[k]);
                pop.setId(i, co.id[k]);
                pop.setHomeAttachmentLevel(i, co.attachment[k]);
                pop.setEthnicity(i, co.ethnicity[k]);
                c.entrantsByEthnicity[co.ethnicity[k]]++;
                if (co.eligible[k]) {
                    pop.set(i, Population.ELIGIBLE, true);
                }
                if (w.isAbroad(co.place[k])) {
                    pop.set(i, Population.EVER_ABROAD, true);
                }
                sim.rules.programmesOnEntry(pop, i, r, co.place[k], c);
                c.flow(FlowKind.STUDY, co.funding[k], r, r, co.place[k]);
                c.studyEntrants[co.place[k]]++;
            }
        });
    }
}
