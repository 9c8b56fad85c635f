package kz.kosh.sim;

import kz.kosh.decision.AgentKind;
import kz.kosh.decision.Bonuses;
import kz.kosh.decision.LocationTables;
import kz.kosh.decision.LocationUtility;
import kz.kosh.decision.PersonalBonuses;
import kz.kosh.decision.Logit;
import kz.kosh.policy.ObligationProgramme;
import kz.kosh.population.Population;
import kz.kosh.scenario.DecisionParams;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;

import java.util.random.RandomGenerator;

/**
 * The parameters in force turned into what the phases need per agent: bonus factors, the
 * agent's kind, the programmes' draws ({@link ProgrammeDraws}), brain-waste odds and the
 * application of a move. Rebuilt when a timed policy change takes effect.
 */
final class Rules {
    final World world;
    final Scenario p;
    /** Years abroad distinguished by the per-agent tables (later years use the last). */
    static final int YEARS = 64;
    /**
     * The home-region bonus of home-attachment level k after y years abroad, at [k·YEARS + y]
     * ({@link PersonalBonuses#homeBonus}: ties to home differ between agents and weaken the longer
     * one lives abroad).
     */
    final Bonuses.FactorTable homeAfterYearsAbroad;
    /** What a move from c back to home region h is spared, at [c·regions + h] ({@link PersonalBonuses#homeReturnRelief}). */
    final Bonuses.FactorTable homeReturn;
    /**
     * The money of the tables that a move from region c to the agent's own home region h is not paid
     * (the relocation subsidy: {@link kz.kosh.policy.PolicyModule#paysMoveHome}), taken off again, at
     * [(b·regions + c)·regions + h] for age band b ({@link LocationUtility#unpaidHomeMoneyUtility});
     * null when every module pays a move home ({@link #withholdHomeMoney}).
     */
    Bonuses.FactorTable homeMoney;
    /** The inertia not yet built at a foreign place after y years abroad ({@link PersonalBonuses#abroadAttachmentDeficit}). */
    final Bonuses.FactorTable attachmentDeficit;
    /** The inertia not yet built at a region of Kazakhstan after y years there ({@link PersonalBonuses#placeAttachmentDeficit}). */
    final Bonuses.FactorTable placeAttachmentDeficit;
    /** The parents' region bonus, the one entry of its table (k = 0). */
    final Bonuses.FactorTable parents;
    /**
     * The partner's place bonus by the agent's sex, k = 0 male, 1 female ({@link #sex}). A table,
     * like the parents' bonus, so that {@link NestSums} picks a factor by index, not by branches on
     * the sex and on the component (a random sex mispredicts: location phase −7%, the median of three
     * same-process A/Bs at scale 0.05).
     */
    final Bonuses.FactorTable partner;
    /**
     * The familiar-place bonus at a foreign place f where the agent has lived, for an agent at c,
     * at [c·places + f]: β_exp plus what the move is spared ({@link PersonalBonuses#exposureRelief}).
     */
    final Bonuses.FactorTable exposure;
    /**
     * At graduation abroad the study visa ends: the place of study is not a settled home, so the
     * status-quo inertia β_stay of the tables is taken off there (the place keeps the familiar-
     * place bonus through the agent's exposure).
     */
    final Bonuses.Factor studyVisaEnds;
    /**
     * The kin-state network bonus of each ethnicity ({@link kz.kosh.world.Ethnicity}) at its kin
     * state ({@link World#kinState}): decision.russianNetworkBonus at Russia for Russians,
     * germanNetworkBonus at Germany for Germans (none for the others).
     */
    final Bonuses.FactorTable kinStateNetwork;
    /**
     * exp(ω·ln F_O(t)) = F_O(t)^ω: the factor on the foreign nest of a graduate living in Kazakhstan
     * ({@link kz.kosh.world.FamilyEmigration}, ω = decision.familyEmigrationElasticity), F_O the index
     * of the emigrants to countries other than Russia (Russia's own index enters the tables:
     * {@link LocationUtility#familyTerm}); the same for every ethnicity since December 2026, kept
     * per ethnicity for the nest-sum path.
     */
    final double[] familyEmigrationFactor;
    /** The modules that draw for agents at entry and during study, and how ({@link ProgrammeDraws}). */
    final ProgrammeDraws draws;
    final double[] regionPopulationCumulative;
    /** Whether agents can hold status o this year ({@link kz.kosh.scenario.PolicyParams#statusInForce}). */
    private final boolean[] statusInForce;
    /** The programme owning each obligation type (null for none). */
    private final ObligationProgramme[] obligations;
    /** The modules that derive a status in force this year ({@link kz.kosh.policy.PolicyModule#derivedStatus}), in module order. */
    private final kz.kosh.policy.PolicyModule[] derivedStatuses;
    /**
     * The policy modules' move hooks for this world, in module order ({@link kz.kosh.policy.PolicyModule#moveHook}),
     * with the payment chances of the utility in use ({@link #rationPlaces}; 1 each until it is called).
     */
    private kz.kosh.policy.PolicyModule.MoveHook[] moveHooks;
    /** The modules with an entry hook and with a graduation hook, in module order ({@link kz.kosh.policy.PolicyModule#onEntry}, {@link kz.kosh.policy.PolicyModule#onGraduation}). */
    private final kz.kosh.policy.PolicyModule[] entryHooks;
    private final kz.kosh.policy.PolicyModule[] graduationHooks;

    Rules(World world, Scenario p) {
        this(world, p, kz.kosh.decision.LocationUtility.statusesOf(p));
    }

    /** @param statuses which statuses agents can hold this year (see {@link KoshSim}) */
    Rules(World world, Scenario p, boolean[] statuses) {
        this.world = world;
        this.p = p;
        statusInForce = statuses.clone();
        obligations = new ObligationProgramme[statuses.length];
        for (int o = 0; o < obligations.length; o++) {
            obligations[o] = ObligationProgramme.of(p.policy(), o);
        }
        java.util.List<kz.kosh.policy.PolicyModule> derived = new java.util.ArrayList<>();
        for (kz.kosh.scenario.PolicySection m : p.policy().sections()) {
            if (m instanceof kz.kosh.policy.PolicyModule pm && pm.derivesStatus()) {
                for (int t : pm.statuses()) {
                    if (t < statusInForce.length && statusInForce[t]) {
                        derived.add(pm);
                        break;
                    }
                }
            }
        }
        derivedStatuses = derived.toArray(new kz.kosh.policy.PolicyModule[0]);
        moveHooks = moveHooks(null);
        java.util.List<kz.kosh.policy.PolicyModule> entry = new java.util.ArrayList<>();
        java.util.List<kz.kosh.policy.PolicyModule> graduation = new java.util.ArrayList<>();
        for (kz.kosh.scenario.PolicySection m : p.policy().sections()) {
            if (m instanceof kz.kosh.policy.PolicyModule pm && pm.hasEntryHook()) {
                entry.add(pm);
            }
            if (m instanceof kz.kosh.policy.PolicyModule pm && pm.hasGraduationHook()) {
                graduation.add(pm);
            }
        }
        entryHooks = entry.toArray(new kz.kosh.policy.PolicyModule[0]);
        graduationHooks = graduation.toArray(new kz.kosh.policy.PolicyModule[0]);
        int places = world.placeCount();
        DecisionParams d = p.decision();
        int levels = Population.HOME_ATTACHMENT_LEVELS;
        homeAfterYearsAbroad = new Bonuses.FactorTable(levels * YEARS);
        for (int k = 0; k < levels; k++) {
            double z = PersonalBonuses.normalQuantileMidpoint(k, levels);
            for (int y = 0; y < YEARS; y++) {
                homeAfterYearsAbroad.set(k * YEARS + y, PersonalBonuses.homeBonusOfQuantile(d, z, y), d);
            }
        }
        int regions = world.regionCount();
        homeReturn = new Bonuses.FactorTable(places * regions);
        for (int c = 0; c < places; c++) {
            for (int h = 0; h < regions; h++) {
                homeReturn.set(c * regions + h, PersonalBonuses.homeReturnRelief(world, d, c, h), d);
            }
        }
        attachmentDeficit = Bonuses.FactorTable.of(YEARS, y -> PersonalBonuses.abroadAttachmentDeficit(d, y), d);
        placeAttachmentDeficit = Bonuses.FactorTable.of(YEARS, y -> PersonalBonuses.placeAttachmentDeficit(d, y), d);
        parents = Bonuses.FactorTable.of(1, k -> d.parentsRegionBonus(), d);
        partner = Bonuses.FactorTable.of(2, k -> k == 1 ? d.partnerBonusFemale() : d.partnerBonusMale(), d);
        exposure = new Bonuses.FactorTable(places * places);
        for (int c = 0; c < places; c++) {
            for (int f = 0; f < places; f++) {
                exposure.set(c * places + f, d.exposureBonus() + PersonalBonuses.exposureRelief(world, d, c, f), d);
            }
        }
        studyVisaEnds = Bonuses.Factor.of(-d.stayBonus(), d);
        kinStateNetwork = Bonuses.FactorTable.of(kz.kosh.world.Ethnicity.COUNT, e -> e == kz.kosh.world.Ethnicity.RUSSIAN
                ? d.russianNetworkBonus() : e == kz.kosh.world.Ethnicity.GERMAN ? d.germanNetworkBonus() : 0.0, d);
        familyEmigrationFactor = new double[kz.kosh.world.Ethnicity.COUNT];
        // the index is by destination, the same for every ethnicity: F_O(t)^ω on the foreign nest here,
        // Russia's own index as ω·ln(F_RU / F_O) at Russia in the tables (LocationUtility.familyTerm)
        java.util.Arrays.fill(familyEmigrationFactor,
                familyEmigrationFactor(world.familyEmigrationIndex(false), d.familyEmigrationElasticity()));
        draws = new ProgrammeDraws(world, p);
        double[] pw = new double[world.regionCount()];
        for (int r = 0; r < pw.length; r++) {
            pw[r] = world.population(r);
        }
        regionPopulationCumulative = Logit.cumulative(pw);
    }

    /**
     * The move hooks with each module's payment chance in utility {@code u} (null: 1 each), by which
     * a rationed programme gives its places ({@link kz.kosh.policy.PolicyModule#moveHook(World, double)}).
     */
    private kz.kosh.policy.PolicyModule.MoveHook[] moveHooks(LocationUtility u) {
        java.util.List<kz.kosh.policy.PolicyModule.MoveHook> hooks = new java.util.ArrayList<>();
        for (kz.kosh.scenario.PolicySection m : p.policy().sections()) {
            kz.kosh.policy.PolicyModule.MoveHook h = m instanceof kz.kosh.policy.PolicyModule pm
                    ? pm.moveHook(world, u == null ? 1.0 : u.paymentChance(pm)) : null;
            if (h != null) {
                hooks.add(h);
            }
        }
        return hooks.toArray(new kz.kosh.policy.PolicyModule.MoveHook[0]);
    }

    /**
     * Gives the rationed programmes' places by the chances the choice tables weigh their money with
     * (utility {@code u}, {@link kz.kosh.policy.PolicyModule#paymentChance}): agents anticipate the
     * rationing they meet. Called whenever the utility changes, before any phase moves an agent.
     */
    void rationPlaces(LocationUtility u) {
        moveHooks = moveHooks(u);
    }

    /**
     * Builds the bonuses that take off the money the tables of {@code u} give a move home but which
     * a module does not pay for it ({@link #homeMoney}); called whenever the utility is (re)built.
     */
    void withholdHomeMoney(LocationUtility u) {
        if (!u.withholdsHomeMoney()) {
            homeMoney = null;
            return;
        }
        int regions = world.regionCount();
        int bands = LocationUtility.bandCount();
        Bonuses.FactorTable t = new Bonuses.FactorTable(bands * regions * regions);
        boolean any = false;
        for (int b = 0; b < bands; b++) {
            for (int c = 0; c < regions; c++) {
                for (int h = 0; h < regions; h++) {
                    double unpaid = u.unpaidHomeMoneyUtility(b, c, h);
                    any |= unpaid != 0.0;
                    t.set((b * regions + c) * regions + h, -unpaid, p.decision());
                }
            }
        }
        // a programme that does not run (or pays nothing) withholds nothing: no table, no lookups
        homeMoney = any ? t : null;
    }

    /**
     * The family-emigration factor of a graduate living in Kazakhstan: ω·ln F added to the utility
     * of a foreign place scales its weight in the foreign nest as F^(ω/λ_A) and, for every foreign
     * place alike, the odds of emigrating as F^ω:
     * <pre>
     *   V_j += ω·ln F_g(j)(t)   for every foreign j, graduates living in Kazakhstan; g(j) Russia or the rest
     *   N_A  → N_A·F_O(t)^ω      (here; Russia's F_RU/F_O enters V_RU in the tables)
     * </pre>
     * F the family-emigration index ({@link kz.kosh.world.FamilyEmigration}), ω ≥ 0
     * (decision.familyEmigrationElasticity); F = 1 or ω = 0 gives 1.
     */
    static double familyEmigrationFactor(double index, double elasticity) {
        return elasticity == 0.0 || index == 1.0 ? 1.0 : Math.pow(index, elasticity);
    }

    /**
     * Fills the agent's bonuses: home (weakening with years abroad), parents' and partner's
     * place, a familiar foreign place, the kin state of its ethnicity, and (living in Kazakhstan)
     * the family emigration to countries other than Russia on every foreign place (Russia's own in the tables).
     */
    void bonuses(Population pop, int i, Bonuses b) {
        bonuses(pop, i, b, true);
    }

    /**
     * The same; {@code settled} false at the first job of a graduate of a foreign university,
     * whose study visa ends ({@link #studyVisaEnds} takes the whole inertia off instead of the
     * attachment deficit of a resident abroad).
     */
    void bonuses(Population pop, int i, Bonuses b, boolean settled) {
        b.clear();
        // most graduates have never lived abroad: their years abroad (another array) need not be read
        int abroadYears = pop.has(i, Population.EVER_ABROAD) ? Math.min(pop.yearsAbroad(i), YEARS - 1) : 0;
        int home = pop.home(i);
        int loc = pop.location(i);
        b.add(home, homeAfterYearsAbroad, pop.homeAttachmentLevel(i) * YEARS + abroadYears);
        // a return home is spared part of its obstacles, from abroad and from another region (1: none spared)
        b.add(home, homeReturn, loc * world.regionCount() + home);
        int ethnicity = pop.ethnicity(i);
        if (world.isAbroad(loc)) {
            if (settled) {
                b.add(loc, attachmentDeficit, abroadYears);
            }
        } else {
            if (homeMoney != null && loc != home) {
                // money the tables give a move home that is not paid for it (the relocation subsidy)
                int regions = world.regionCount();
                b.add(home, homeMoney, (DecisionParams.ageBand(pop.age(i)) * regions + loc) * regions + home);
            }
            b.addToEveryForeignPlace(familyEmigrationFactor[ethnicity]);
            // cumulative inertia: a region moved to recently is not yet home (a no-op at half-life 0)
            b.add(loc, placeAttachmentDeficit, Math.min(pop.yearsAtPlace(i), YEARS - 1));
        }
        b.add(pop.parents(i), parents, 0);
        int partner = pop.partner(i);
        if (partner != Population.NONE) {
            b.add(partner, this.partner, sex(pop, i));
        }
        int familiar = pop.exposure(i);
        if (familiar != Population.NONE) {
            b.add(familiar, exposure, loc * world.placeCount() + familiar);
        }
        b.add(world.kinState(ethnicity), kinStateNetwork, ethnicity);
    }

    /** The agent's index in {@link #partner}: 1 female, 0 male. */
    static int sex(Population pop, int i) {
        return pop.has(i, Population.FEMALE) ? 1 : 0;
    }

    /**
     * The agent's status in the tables: its obligation type (none when served, or when its lever
     * is not in force this year), or the researcher status of a PhD holder abroad without
     * obligation while return support runs.
     */
    int status(Population pop, int i) {
        int obligation = pop.obligationPct(i) > 0 ? pop.obligationType(i) : kz.kosh.scenario.Statuses.NONE;
        if (!statusInForce[obligation]) {
            obligation = kz.kosh.scenario.Statuses.NONE;
        }
        for (kz.kosh.policy.PolicyModule m : derivedStatuses) {
            obligation = m.derivedStatus(obligation, pop.degree(i) == Population.PHD, world.isAbroad(pop.location(i)));
        }
        return obligation;
    }

    /** The agent's kind index. */
    int kind(Population pop, int i) {
        int obligation = status(pop, i);
        return AgentKind.index(DecisionParams.ageBand(pop.age(i)), AgentKind.humanCapitalBinOfLogMilli(pop.logHumanCapitalMilli(i)),
                pop.location(i), obligation, pop.has(i, Population.ELIGIBLE), world.placeCount());
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
     * on arrival abroad, obligation breach (where the owning programme says living at j breaches
     * it), the partner following. A first job counts as an
     * arrival even at the place of study (staying abroad after an obliged programme breaches).
     */
    void move(Population pop, int i, int j, FlowKind kind, RandomGenerator rnd, YearCounters c) {
        int cur = pop.location(i);
        c.flow(kind, pop.funding(i), pop.home(i), cur, j);
        if (world.isAbroad(j) && !world.isAbroad(cur)) {
            c.departuresByEthnicity[pop.ethnicity(i)]++;
        }
        boolean moved = j != cur;
        if (!moved && kind != FlowKind.FIRST_JOB) {
            return;
        }
        int statusBefore = moved ? status(pop, i) : kz.kosh.scenario.Statuses.NONE;
        pop.setLocation(i, j);
        if (world.isAbroad(j)) {
            pop.set(i, Population.EVER_ABROAD, true);
            boolean waste = rnd.nextDouble() < brainWasteProbability(pop, i, j);
            pop.set(i, Population.BELOW_QUALIFICATION, waste);
            if (waste) {
                c.brainWasteEntries++;
            }
        } else {
            pop.set(i, Population.BELOW_QUALIFICATION, false);
        }
        if (pop.obligationPct(i) > 0 && statusInForce[pop.obligationType(i)]
                && obligations[pop.obligationType(i)].breachedByMove(world, cur, j)) {
            breach(pop, i, rnd, c);
        }
        if (moved) {
            programmesOnMove(pop, i, cur, j, statusBefore, c);
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

    /**
     * A holder of an obligation in force may break it during the year without a move, when its
     * programme says so ({@link ObligationProgramme#brokenWithoutMove}: e.g. the village
     * commitment's exit from the rural post within the region); the programme draws its numbers
     * only for such a holder, so other agents' draws are unchanged.
     */
    void obligationBreakYear(Population pop, int i, RandomGenerator rnd, YearCounters c) {
        if (pop.obligationPct(i) > 0 && statusInForce[pop.obligationType(i)]) {
            ObligationProgramme programme = obligations[pop.obligationType(i)];
            if (programme != null && programme.brokenWithoutMove(rnd)) {
                breach(pop, i, rnd, c);
            }
        }
    }

    /**
     * A year of work for an obligation: at a place that does not breach it, the percentage left
     * falls by ⌈100 / Y⌉ (Y the owning programme's {@link ObligationProgramme#serviceYears} there;
     * Y ≤ 0 discharges it at once); at 0 the obligation ends.
     */
    void serveObligationYear(Population pop, int i) {
        int pct = pop.obligationPct(i);
        if (pct <= 0) {
            return;
        }
        int type = pop.obligationType(i);
        ObligationProgramme programme = obligations[type];
        int loc = pop.location(i);
        if (programme == null || programme.breachedAt(world, loc)) {
            return;
        }
        int years = programme.serviceYears(type, world, loc);
        pct = years <= 0 ? 0 : Math.max(0, pct - (int) Math.ceil(100.0 / years));
        pop.setObligationPct(i, pct);
        if (pct == 0) {
            pop.setObligationType(i, kz.kosh.scenario.Statuses.NONE);
        }
    }

    /**
     * A year of family life: a single graduate within the partnership ages forms a partnership
     * (with a partner where the graduate lives) at the yearly rate; a partner living elsewhere
     * joins at the join rate, counted as a partner following.
     */
    void partnerYear(Population pop, int i, RandomGenerator rnd, YearCounters c) {
        kz.kosh.scenario.FamilyParams fam = p.family();
        int loc = pop.location(i);
        int age = pop.age(i);
        int partner = pop.partner(i);
        if (partner == Population.NONE) {
            if (age >= fam.partnershipMinAgeYears() && age <= fam.partnershipMaxAgeYears()
                    && rnd.nextDouble() < fam.partnershipRatePerYear()) {
                pop.setPartner(i, loc);
            }
        } else if (partner != loc && rnd.nextDouble() < fam.partnerJoinRatePerYear()) {
            pop.setPartner(i, loc);
            c.partnersFollowing++;
        }
    }

    /**
     * What the programmes do when a graduate moves from c to j (status {@code status} before the
     * move): the modules' move hooks in module order ({@link kz.kosh.policy.PolicyModule#moveHook}:
     * e.g. the village programme pays and commits, a qualifying relocation is counted, return
     * support pays a graduate coming home). No random numbers are drawn.
     */
    private void programmesOnMove(Population pop, int i, int cur, int j, int status, YearCounters c) {
        if (moveHooks.length == 0) {
            return;
        }
        kz.kosh.policy.Mover m = c.mover.at(pop, i, cur, j, status, c.payments);
        for (kz.kosh.policy.PolicyModule.MoveHook h : moveHooks) {
            h.onMove(m, c);
        }
    }

    /** The modules' entry hooks for entrant i, who entered at {@code place} from home region {@code home}. */
    void programmesOnEntry(Population pop, int i, int home, int place, YearCounters c) {
        programmesAt(entryHooks, false, pop, i, home, place, c);
    }

    /** The modules' graduation hooks for graduate i, who graduated at {@code degreePlace} and takes a first job at j. */
    void programmesOnGraduation(Population pop, int i, int degreePlace, int j, YearCounters c) {
        programmesAt(graduationHooks, true, pop, i, degreePlace, j, c);
    }

    private void programmesAt(kz.kosh.policy.PolicyModule[] hooks, boolean graduation, Population pop, int i, int from,
                              int to, YearCounters c) {
        if (hooks.length == 0) {
            return;
        }
        kz.kosh.policy.Mover m = c.mover.at(pop, i, from, to, status(pop, i), c.payments);
        for (kz.kosh.policy.PolicyModule h : hooks) {
            if (graduation) {
                h.onGraduation(world, m, c);
            } else {
                h.onEntry(world, m, c);
            }
        }
    }

    private void breach(Population pop, int i, RandomGenerator rnd, YearCounters c) {
        int type = pop.obligationType(i);
        c.breaches[type]++;
        ObligationProgramme programme = obligations[type];
        double cost = programme.repaymentKzt(type, p);
        if (rnd.nextDouble() < programme.enforcementProbability()) {
            c.repaymentsKzt[type] += Math.round(cost);
        }
        pop.setObligationPct(i, 0);
        pop.setObligationType(i, kz.kosh.scenario.Statuses.NONE);
    }

    /**
     * Where a graduate who has decided to move (or must leave) ends up, given the intended place
     * (drawn by {@link LocationTables#drawMove} after {@link LocationTables#prepare}): a place in
     * Kazakhstan is always open to a citizen; a foreign intention is granted with the
     * destination's work access, else the graduate takes the second choice
     * ({@link LocationTables#drawSecondChoice}), which meets the permit barrier in turn. When
     * both fail the graduate stays, or, when staying is not possible ({@code mustLeave}), goes
     * home. Refusals are counted per destination. A graduate of a destination's universities
     * needs no permit there when it grants its graduates citizenship ({@code policy.visaRoutes}).
     */
    int moveChoice(LocationTables t, Bonuses b, int cur, int intended, boolean mustLeave, int home,
                   int degreePlace, RandomGenerator rnd, YearCounters c) {
        int fallback = mustLeave ? home : cur;
        if (intended < 0) {
            return fallback;
        }
        if (permitted(intended, degreePlace, rnd, c)) {
            return intended;
        }
        int second = t.drawSecondChoice(b, intended, rnd.nextDouble());
        if (second < 0) {
            return fallback;
        }
        return permitted(second, degreePlace, rnd, c) ? second : fallback;
    }

    private boolean permitted(int place, int degreePlace, RandomGenerator rnd, YearCounters c) {
        if (!world.isAbroad(place) || (place == degreePlace && world.graduateCitizenship(place))) {
            return true;
        }
        if (!refused(world, place, rnd, c)) {
            return true;
        }
        c.permitRefused[place]++;
        return false;
    }

    /** One work-permit application at a foreign place (counted for visa caps): refused with probability 1 − work access. */
    static boolean refused(World world, int place, RandomGenerator rnd, YearCounters c) {
        c.permitApplications[place]++;
        return rnd.nextDouble() >= world.workAccess(place);
    }
}
