package kz.kosh.sim;

import kz.kosh.decision.AgentKind;
import kz.kosh.decision.LocationTables;
import kz.kosh.decision.Logit;
import kz.kosh.population.Population;
import kz.kosh.scenario.DecisionParams;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;

import java.util.SplittableRandom;

/**
 * The parameters in force turned into what the phases need per agent: bonus factors, the
 * agent's kind, destination draws for Bolashak and academic mobility, brain-waste odds and the
 * application of a move. Rebuilt when a timed policy change takes effect.
 */
final class Rules {
    final World world;
    final Scenario p;
    final double expHome;
    final double expParents;
    final double expPartnerMale;
    final double expPartnerFemale;
    final double expExposure;
    final double[] bolashakCumulative;
    final double[] mobilityCumulative;
    /** Destinations of state-funded mobility participants (null when no group has a destination). */
    final double[] mobilityStateFundedCumulative;
    final double[] regionPopulationCumulative;

    Rules(World world, Scenario p) {
        this.world = world;
        this.p = p;
        DecisionParams d = p.decision();
        expHome = Math.exp(d.homeRegionBonus());
        expParents = Math.exp(d.parentsRegionBonus());
        expPartnerMale = Math.exp(d.partnerBonusMale());
        expPartnerFemale = Math.exp(d.partnerBonusFemale());
        expExposure = Math.exp(d.exposureBonus());
        int n = world.placeCount();
        double[] bw = new double[n];
        double[] mw = new double[n];
        for (int j = world.regionCount(); j < n; j++) {
            bw[j] = p.policy().bolashak().destinationShares().getOrDefault(world.id(j), 0.0) * world.studyAccess(j);
            mw[j] = world.mobility2024(j) * world.studyAccess(j);
        }
        bolashakCumulative = Logit.cumulative(bw);
        mobilityCumulative = Logit.cumulative(mw);
        mobilityStateFundedCumulative = Logit.cumulative(stateFundedMobilityWeights(world, p, mw));
        double[] pw = new double[world.regionCount()];
        for (int r = 0; r < pw.length; r++) {
            pw[r] = world.population(r);
        }
        regionPopulationCumulative = Logit.cumulative(pw);
    }

    /**
     * Weights of the destinations of state-funded academic mobility: the state grants' share of
     * the destination's group, split within the group by the 2024 participants (× study access):
     * w_j = share[group_j] · m_j / Σ_{k in group_j} m_k.
     */
    static double[] stateFundedMobilityWeights(World world, Scenario p, double[] mw) {
        int n = world.placeCount();
        String[] group = new String[n];
        java.util.Map<String, Double> groupTotal = new java.util.HashMap<>();
        int j = world.regionCount();
        for (kz.kosh.scenario.DestinationData x : p.destinations().values()) {
            group[j] = x.group();
            groupTotal.merge(x.group(), mw[j], Double::sum);
            j++;
        }
        java.util.Map<String, Double> shares = p.policy().academicMobility().stateFundedGroupShares();
        double[] w = new double[n];
        for (int k = world.regionCount(); k < n; k++) {
            double total = groupTotal.get(group[k]);
            w[k] = total > 0 ? shares.getOrDefault(group[k], 0.0) * mw[k] / total : 0.0;
        }
        return w;
    }

    /** Fills the agent's bonuses: home, parents' and partner's place, a familiar foreign place. */
    void bonuses(Population pop, int i, LocationTables.Bonuses b) {
        b.clear();
        b.add(pop.home(i), expHome);
        b.add(pop.parents(i), expParents);
        int partner = pop.partner(i);
        if (partner != Population.NONE) {
            b.add(partner, pop.has(i, Population.FEMALE) ? expPartnerFemale : expPartnerMale);
        }
        int exposure = pop.exposure(i);
        if (exposure != Population.NONE) {
            b.add(exposure, expExposure);
        }
    }

    /** The agent's kind index. */
    int kind(Population pop, int i) {
        int obligation = pop.obligationPct(i) > 0 ? pop.obligationType(i) : AgentKind.OBLIGATION_NONE;
        return AgentKind.index(DecisionParams.ageBand(pop.age(i)), AgentKind.humanCapitalBinOfLogMilli(pop.logHumanCapitalMilli(i)),
                pop.location(i), obligation, pop.has(i, Population.RURAL_ELIGIBLE), world.placeCount());
    }

    /** Probability of working below qualification on arriving at a foreign place. */
    double brainWasteProbability(Population pop, int i, int place) {
        if (pop.degreePlace(i) == place) {
            return p.humanCapital().brainWasteProbabilityLocalDegree();
        }
        return p.humanCapital().brainWasteProbabilityForeignDegree() * (1.0 - world.languageProximity(place));
    }

    /**
     * Moves agent i to place j, counting the flow and applying what a move implies: brain waste
     * on arrival abroad, obligation breach, the partner following. A first job counts as an
     * arrival even at the place of study (staying abroad after an obliged programme breaches).
     */
    void move(Population pop, int i, int j, FlowKind kind, SplittableRandom rnd, YearCounters c) {
        int cur = pop.location(i);
        c.flow(kind, pop.funding(i), pop.home(i), cur, j);
        boolean moved = j != cur;
        if (!moved && kind != FlowKind.FIRST_JOB) {
            return;
        }
        pop.setLocation(i, j);
        if (world.isAbroad(j)) {
            pop.set(i, Population.EVER_ABROAD, true);
            boolean waste = rnd.nextDouble() < brainWasteProbability(pop, i, j);
            pop.set(i, Population.BELOW_QUALIFICATION, waste);
            if (waste) {
                c.brainWasteEntries++;
            }
            if (pop.obligationPct(i) > 0) {
                breach(pop, i, rnd, c);
            }
        } else {
            pop.set(i, Population.BELOW_QUALIFICATION, false);
        }
        int partner = pop.partner(i);
        if (moved && partner != Population.NONE && partner != j) {
            double follow = pop.has(i, Population.FEMALE) ? p.family().partnerFollowsFemaleMover()
                    : p.family().partnerFollowsMaleMover();
            if (rnd.nextDouble() < follow) {
                pop.setPartner(i, j);
                c.partnersFollowing++;
            }
        }
    }

    private void breach(Population pop, int i, SplittableRandom rnd, YearCounters c) {
        int type = pop.obligationType(i);
        double cost;
        double enforcement;
        if (type == AgentKind.OBLIGATION_GRANT) {
            c.grantBreaches++;
            cost = p.policy().stateGrant().costKztPerYear() * p.study().bachelorYears();
            enforcement = p.policy().stateGrant().enforcementProbability();
        } else {
            c.bolashakBreaches++;
            var b = p.policy().bolashak();
            cost = (type == AgentKind.OBLIGATION_BOLASHAK_PHD ? b.costKztPhd() : b.costKztMaster()) * (1 + b.penaltyMarkup());
            enforcement = b.enforcementProbability();
        }
        if (rnd.nextDouble() < enforcement) {
            c.penaltyKzt += Math.round(cost);
        }
        pop.setObligationPct(i, 0);
        pop.setObligationType(i, AgentKind.OBLIGATION_NONE);
    }

    /**
     * A location choice among feasible places: the intended place if its permit is granted,
     * else a draw among feasible places. {@code stayFeasible} says whether remaining at the
     * current place is possible. Returns the chosen place (possibly the current one).
     */
    int feasibleChoice(LocationTables t, int kind, int cur, int intended, boolean stayFeasible,
                       LocationTables.Bonuses b, SplittableRandom rnd, YearCounters c) {
        if (intended == cur) {
            if (stayFeasible) {
                return cur;
            }
        } else if (!world.isAbroad(intended) || rnd.nextDouble() < world.workAccess(intended)) {
            return intended;
        } else {
            c.permitRefused[intended]++;
        }
        int j = t.drawFeasible(kind, stayFeasible ? -1 : cur, b, rnd.nextDouble());
        return j < 0 ? cur : j;
    }
}
