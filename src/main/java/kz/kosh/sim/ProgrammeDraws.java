package kz.kosh.sim;

import kz.kosh.decision.Logit;
import kz.kosh.policy.PolicyModule;
import kz.kosh.population.Population;
import kz.kosh.scenario.PolicySection;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;

import java.util.ArrayList;
import java.util.List;

/**
 * The modules that draw for agents at entry and during study, found once per world and parameter
 * set without naming a programme, and what the phases need of them: the entrants' eligibility share
 * and the funders of domestic entrants ({@link EntryPhase}); the exchanges abroad during domestic
 * study and the scholarships abroad for continuing bachelors, with their destinations tabulated
 * ({@link StudyPhase}); the consideration boost of former exchange students ({@link LocationPhase});
 * the obligation at graduation. Each phase draws the numbers of a step where it always did; the
 * module says what they mean ({@link PolicyModule}: "the draws it makes for an agent").
 */
final class ProgrammeDraws {
    /** Σ over the modules of {@link PolicyModule#eligibleShareOfEntrants}. */
    final double eligibleShareOfEntrants;
    /** The modules that may fund entrants at universities in Kazakhstan, in module order, and their funding codes. */
    final PolicyModule[] domesticFunders;
    final int[] domesticFunding;
    /**
     * The module that runs the exchanges abroad during domestic study (the first that offers them,
     * {@link PolicyModule#exchangeWeights}; null for none), the destinations of its self-financed
     * exchanges (null when none is open) and of its publicly funded ones (null: as the self-financed),
     * and the funding code of the exchange flows.
     */
    final PolicyModule exchange;
    final double[] exchangeCumulative;
    final double[] exchangeFundedCumulative;
    final int exchangeFunding;
    /** Σ over the modules of {@link PolicyModule#considerationBoostAfterExchange}. */
    final double considerationBoostAfterExchange;
    /**
     * The module that awards scholarships abroad to continuing bachelors (the first that does,
     * {@link PolicyModule#scholarshipWeights}; null for none), their destinations (null when none is
     * open) and its funding code ({@link Population#FUNDING_NAMES}).
     */
    final PolicyModule scholarship;
    final double[] scholarshipCumulative;
    final int scholarshipFunding;
    /** The modules in module order, each asked {@link PolicyModule#obligationAtGraduation}. */
    private final PolicyModule[] modules;

    ProgrammeDraws(World world, Scenario p) {
        List<PolicyModule> all = new ArrayList<>();
        List<PolicyModule> funders = new ArrayList<>();
        double eligible = 0;
        double boost = 0;
        PolicyModule awards = null;
        double[] awardWeights = null;
        PolicyModule exchanges = null;
        double[] exchangeWeights = null;
        for (PolicySection s : p.policy().sections()) {
            if (!(s instanceof PolicyModule m)) {
                continue;
            }
            all.add(m);
            eligible += m.eligibleShareOfEntrants();
            if (m.fundsDomesticEntrants()) {
                funders.add(m);
            }
            boost += m.considerationBoostAfterExchange();
            if (awards == null) {
                awardWeights = m.scholarshipWeights(world);
                awards = awardWeights == null ? null : m;
            }
            if (exchanges == null) {
                exchangeWeights = m.exchangeWeights(world, p.destinations(), false);
                exchanges = exchangeWeights == null ? null : m;
            }
        }
        modules = all.toArray(new PolicyModule[0]);
        eligibleShareOfEntrants = eligible;
        domesticFunders = funders.toArray(new PolicyModule[0]);
        domesticFunding = new int[domesticFunders.length];
        for (int f = 0; f < domesticFunders.length; f++) {
            domesticFunding[f] = fundingOf(domesticFunders[f]);
        }
        considerationBoostAfterExchange = boost;
        scholarship = awards;
        scholarshipCumulative = awards == null ? null : Logit.cumulative(awardWeights);
        scholarshipFunding = awards == null ? Population.SELF_PAID : fundingOf(awards);
        exchange = exchanges;
        exchangeCumulative = exchanges == null ? null : Logit.cumulative(exchangeWeights);
        double[] funded = exchanges == null ? null : exchanges.exchangeWeights(world, p.destinations(), true);
        exchangeFundedCumulative = funded == null ? null : Logit.cumulative(funded);
        exchangeFunding = exchanges == null ? Population.SELF_PAID : fundingOf(exchanges);
    }

    /** The funding code of a module's participants ({@link PolicyModule#fundingRoute}, found by name). */
    static int fundingOf(PolicyModule m) {
        int f = java.util.Arrays.asList(Population.FUNDING_NAMES).indexOf(m.fundingRoute());
        if (f < 0) {
            throw new IllegalStateException(m.getClass().getSimpleName() + ": funding route " + m.fundingRoute()
                    + " is not one of " + java.util.Arrays.toString(Population.FUNDING_NAMES));
        }
        return f;
    }

    /**
     * The obligation type graduate i holds when it chooses its first job: its type so far, as each
     * module in module order changes it ({@link PolicyModule#obligationAtGraduation}).
     */
    int obligationAtGraduation(Population pop, int i) {
        boolean funded = pop.has(i, Population.EXCHANGE_FUNDED);
        int o = pop.obligationType(i);
        for (PolicyModule m : modules) {
            o = m.obligationAtGraduation(funded, o);
        }
        return o;
    }
}
