package kz.kosh.sim;

import kz.kosh.decision.AgentKind;
import kz.kosh.decision.Bonuses;
import kz.kosh.decision.LocationTables;
import kz.kosh.population.Population;
import kz.kosh.scenario.StudyParams;
import kz.kosh.world.World;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Phase 1: a year of study for students enrolled before this year's entrants. Domestic students may spend a semester abroad
 * on an exchange (academic mobility: {@link kz.kosh.policy.PolicyModule#exchangeWeights}, self-financed or publicly
 * funded, each where its weights say). Students
 * in their last programme year graduate: bachelors continue to a master's (or, with a scholarship
 * abroad, e.g. Bolashak's, to a master's or PhD abroad), masters to a PhD, the rest become graduates
 * and choose where to take their first job.
 *
 * <p>Scholarships follow {@link kz.kosh.policy.PolicyModule#scholarshipProbability} of the module
 * that awards them; the destination is drawn from its {@link kz.kosh.policy.PolicyModule#scholarshipWeights}.
 */
final class StudyPhase implements Steppable {
    private static final long serialVersionUID = 1L;

    @Override
    public void step(SimState state) {
        KoshSim sim = (KoshSim) state;
        sim.rebuildTables();
        Population pop = sim.population;
        StudyParams sp = sim.params.study();
        kz.kosh.policy.PolicyModule scholarship = sim.rules.draws.scholarship;
        int enrolled = sim.firstEntrantIndex;
        // the agents before the first student are graduates, whom neither pass below acts on
        int first = Math.min(pop.firstStudent(), enrolled);
        java.util.concurrent.atomic.AtomicLong graduating = new java.util.concurrent.atomic.AtomicLong();
        sim.runner.run(sim.streams, sim.year, KoshSim.PHASE_STUDY_COUNT, first, enrolled, (from, to, rnd, c) -> {
            long n = 0;
            for (int i = from; i < to; i++) {
                if (pop.has(i, Population.STUDENT) && pop.degree(i) == Population.BACHELOR && pop.programmeYearsLeft(i) == 1) {
                    n++;
                }
            }
            graduating.addAndGet(n);
        });
        long graduatingBachelors = graduating.get();
        double continuing = graduatingBachelors * sp.masterContinuationRate();
        double awardProbability = scholarship == null ? 0.0 : scholarship.scholarshipProbability(continuing,
                sim.scenario().run().scale(), sim.rules.draws.scholarshipCumulative != null);
        long seed = sim.scenario().run().seed();
        sim.runner.run(sim.streams, sim.year, KoshSim.PHASE_STUDY, first, enrolled, (from, to, blockRandom, c) -> {
            AgentRandom rnd = new AgentRandom(seed);
            c.mover.keyed(seed, sim.year);
            Bonuses b = new Bonuses();
            Rules rules = sim.rules;
            World w = sim.world;
            ProgrammeDraws draws = rules.draws;
            kz.kosh.policy.PolicyModule exchange = draws.exchange;
            double[] exchangeCumulative = draws.exchangeCumulative;
            double[] fundedCumulative = draws.exchangeFundedCumulative;
            double exchangeRate = exchange == null ? 0.0 : exchange.exchangeRatePerStudentYear();
            double fundedShare = exchange == null ? 0.0 : exchange.exchangeFundedShare();
            double partnerAtHost = exchange == null ? 0.0 : exchange.partnerAtHostProbability();
            for (int i = from; i < to; i++) {
                if (!pop.has(i, Population.STUDENT)) {
                    continue;
                }
                rnd.start(pop.id(i), sim.year, KoshSim.PHASE_STUDY);
                int loc = pop.location(i);
                if (!w.isAbroad(loc) && exchangeCumulative != null && rnd.nextDouble() < exchangeRate) {
                    // publicly funded participants go where their own weights say (e.g. where the state grants go)
                    boolean stateFunded = rnd.nextDouble() < fundedShare;
                    double[] where = stateFunded && fundedCumulative != null ? fundedCumulative : exchangeCumulative;
                    int d = kz.kosh.decision.Logit.drawCumulative(where, rnd.nextDouble());
                    pop.set(i, Population.EXCHANGE, true);
                    if (pop.exposure(i) == Population.NONE) {
                        pop.setExposure(i, d);
                    }
                    if (stateFunded) {
                        pop.set(i, Population.EXCHANGE_FUNDED, true);
                        exchange.onFundedExchange(c.mover.at(pop, i, loc, d, kz.kosh.scenario.Statuses.NONE, c.payments), c);
                    }
                    // a partner met at the host lives there (drawn only for a participant without one)
                    if (partnerAtHost > 0 && pop.partner(i) == Population.NONE && rnd.nextDouble() < partnerAtHost) {
                        pop.setPartner(i, d);
                    }
                    c.flow(FlowKind.STUDY, draws.exchangeFunding, pop.home(i), loc, d);
                    c.arrivals[d]--;
                    c.departures[loc]--;
                }
                int left = pop.programmeYearsLeft(i) - 1;
                pop.setProgrammeYearsLeft(i, left);
                if (left > 0) {
                    continue;
                }
                graduate(sim, pop, i, sp, awardProbability, rnd, c, b);
            }
        });
    }

    private static void graduate(KoshSim sim, Population pop, int i, StudyParams sp,
                                 double awardProbability, java.util.random.RandomGenerator rnd, YearCounters c,
                                 Bonuses b) {
        World w = sim.world;
        int loc = pop.location(i);
        int degree = pop.degree(i);
        if (degree == Population.BACHELOR && !w.isAbroad(loc)) {
            c.bachelorDegreesInKz++;
        }
        if (degree == Population.BACHELOR && rnd.nextDouble() < sp.masterContinuationRate()) {
            if (rnd.nextDouble() < awardProbability) {
                Rules rules = sim.rules;
                kz.kosh.policy.PolicyModule scholarship = rules.draws.scholarship;
                boolean phd = scholarship.drawScholarshipPhd(rnd);
                int d = kz.kosh.decision.Logit.drawCumulative(rules.draws.scholarshipCumulative, rnd.nextDouble());
                int obligation = scholarship.drawScholarshipObligation(phd, rnd);
                pop.setDegree(i, phd ? Population.PHD : Population.MASTER);
                pop.setProgrammeYearsLeft(i, phd ? sp.phdYears() : sp.masterYears());
                pop.setFunding(i, rules.draws.scholarshipFunding);
                pop.setObligationType(i, obligation);
                scholarship.onScholarship(c.mover.at(pop, i, loc, d, kz.kosh.scenario.Statuses.NONE, c.payments), obligation, c);
                c.flow(FlowKind.STUDY, rules.draws.scholarshipFunding, pop.home(i), loc, d);
                c.studyEntrants[d]++;
                pop.setLocation(i, d);
                pop.setDegreePlace(i, d);
                pop.set(i, Population.EVER_ABROAD, true);
                return;
            }
            pop.setDegree(i, Population.MASTER);
            pop.setProgrammeYearsLeft(i, sp.masterYears());
            return;
        }
        if (degree == Population.MASTER && rnd.nextDouble() < sp.phdContinuationRate()) {
            pop.setDegree(i, Population.PHD);
            pop.setProgrammeYearsLeft(i, sp.phdYears());
            return;
        }
        // becomes a graduate
        pop.set(i, Population.STUDENT, false);
        pop.set(i, Population.JUST_GRADUATED, true);
        pop.setGraduationYear(i, sim.year);
        pop.setHumanCapital(i, degree == Population.PHD ? sim.params.humanCapital().phdPremium()
                : degree == Population.MASTER ? sim.params.humanCapital().masterPremium() : 1.0);
        // e.g. publicly funded exchange students without another obligation owe a return obligation (when on)
        pop.setObligationType(i, sim.rules.draws.obligationAtGraduation(pop, i));
        boolean obliged = pop.obligationType(i) != kz.kosh.scenario.Statuses.NONE;
        pop.setObligationPct(i, obliged ? 100 : 0);
        if (!obliged) {
            pop.setObligationType(i, kz.kosh.scenario.Statuses.NONE);
        }
        Rules rules = sim.rules;
        LocationTables t = sim.tables;
        boolean abroad = w.isAbroad(loc);
        boolean stayFeasible = true;
        // a graduate of the country's universities who needs no permit there (policy.visaRoutes)
        boolean citizen = abroad && w.graduateCitizenship(loc);
        if (abroad && !citizen) {
            // the study visa ends: staying needs the post-study work route or a work permit
            if (w.postStudyWorkYears(loc) > 0) {
                pop.setPermitYearsLeft(i, (int) Math.ceil(w.postStudyWorkYears(loc)));
            } else {
                c.permitApplications[loc]++;
                stayFeasible = rnd.nextDouble() < w.workAccess(loc);
                if (!stayFeasible) {
                    c.permitRefused[loc]++;
                }
            }
            if (pop.exposure(i) == Population.NONE) {
                pop.setExposure(i, loc);
            }
        }
        rules.bonuses(pop, i, b, !(abroad && !citizen));
        if (abroad && !citizen) {
            b.add(loc, rules.studyVisaEnds);
        }
        t.prepare(rules.kind(pop, i), loc, b);
        int j;
        if (stayFeasible && rnd.nextDouble() < t.stayProbability(b)) {
            j = loc;
        } else {
            j = rules.moveChoice(t, b, loc, t.drawMove(b, rnd.nextDouble()), !stayFeasible, pop.home(i),
                    pop.degreePlace(i), rnd, c);
        }
        if (w.isAbroad(j) && j != loc && rnd.nextDouble() >= sim.params.decision().followThroughAbroad()) {
            // the intention-behaviour gap at graduation: a foreign first job not pursued means a job at home
            j = abroad ? t.drawDomestic(b, rnd.nextDouble()) : loc;
        }
        if (j != loc || !stayFeasible) {
            pop.setPermitYearsLeft(i, 0);
        }
        c.decisions++;
        c.graduatesByFunding[pop.funding(i)]++;
        if (w.isAbroad(j)) {
            c.graduatesFirstJobAbroadByFunding[pop.funding(i)]++;
        }
        rules.programmesOnGraduation(pop, i, loc, j, c);
        rules.move(pop, i, j, FlowKind.FIRST_JOB, rnd, c);
    }
}
