package kz.kosh.policy;

import kz.kosh.scenario.PolicySection;
import kz.kosh.world.World;
import kz.kosh.world.WorldAdjustment;


/**
 * The values of one programme or lever of a scenario's {@code policy} section (its parameters, one
 * definition each, {@link kz.kosh.scenario.Param}), what it adds when the yearly choice tables are
 * built, and the life-course rules of the few agents it concerns. Phases call the hooks; the
 * simulation only schedules. Speed: table hooks run once a year per (current place, place,
 * obligation, eligibility), never per agent; agent hooks run only on the agents concerned.
 *
 * <p>Adding a lever: a class implementing this interface with its YAML key ({@code SECTION}),
 * its {@code Param}s (a {@code PARAMS} list in YAML order), a {@code read} method and its
 * {@link Programme} ({@code PROGRAMME}), listed once in {@link Programmes}; its section in
 * {@code defaults.yaml}; and its tests. Its hooks, each optional: {@link #moneyKzt} (the tables),
 * {@link #adjustWorld} (the world of a year), {@link #moveHook} (a graduate's move),
 * {@link #paymentChance} (rationed payments in the tables), {@link #closeYear} (values derived
 * from the year's counts), {@link #indicators} with {@link #reportsIndicators}, and
 * {@link #spendingKzt} (its {@code spending_kzt_} line); an obligation programme also implements
 * {@link ObligationProgramme}. Its counts are {@link Counter} constants of its class. A programme
 * that funds study names its funding route ({@link #fundingRoute}, {@link #participantCostKzt}) and
 * makes its agents' draws through the draw hooks, each at a fixed position of the agent's numbers:
 * at entry {@link #eligibleShareOfEntrants} and {@link #drawDomesticFunding}; during study
 * {@link #exchangeWeights} (an exchange semester abroad) and {@link #scholarshipWeights} (a
 * scholarship abroad after the bachelor's); at graduation {@link #obligationAtGraduation}.
 */
public interface PolicyModule extends PolicySection, WorldAdjustment {

    /**
     * Money this module adds to the expected discounted income NPV_j of living at place j for
     * an agent now at c with obligation type o and rural-incentive eligibility e, KZT
     * (subsidies positive, penalties negative). Called when the tables are built.
     */
    default double moneyKzt(World w, int c, int j, int obligation, boolean eligible) {
        return 0.0;
    }

    /**
     * Whether the module's {@link #moneyKzt money} is also paid for a move to the mover's own home
     * region (default: yes). The tables hold no home region, so for a module that says no the
     * agent's bonuses take that money off its move home again (kz.kosh.sim.Rules, {@code
     * LocationUtility#unpaidHomeMoneyUtility}), and its move hook must not pay such a move.
     */
    default boolean paysMoveHome() {
        return true;
    }

    /**
     * Changes this module makes to the world of a year when it is built (wages, unemployment,
     * regional indices, visa routes): called once per world build, never per agent, in module
     * order. Only modules that act on the world override it.
     */
    @Override
    default void adjustWorld(World.Editor world) {
    }

    /**
     * What the module does when a graduate moves, for the world of a year: built once per world
     * and parameter change (so a hook can tabulate what it asks per pair of places), null when the
     * module does nothing on a move. Default: {@link #onMove} when {@link #hasMoveHook}.
     */
    default MoveHook moveHook(World w) {
        return hasMoveHook() ? (m, counts) -> onMove(w, m, counts) : null;
    }

    /**
     * The move hook for the world of a year when the module's payments are rationed: {@code
     * paymentChance} is the chance φ by which the tables weighed its money this year
     * ({@link #paymentChance}), which the hook gives each qualifying mover by the mover's own keyed
     * draw ({@link Mover#placeDraw}). Default: {@link #moveHook(World)}, for modules whose payments
     * are not rationed per agent. Rebuilt whenever the chance changes.
     */
    default MoveHook moveHook(World w, double paymentChance) {
        return moveHook(w);
    }

    /** A module's move hook for one world ({@link #moveHook}). */
    @FunctionalInterface
    interface MoveHook {
        /** See {@link PolicyModule#onMove}. */
        void onMove(Mover m, Counts counts);
    }

    /**
     * The chance that a mover who qualifies for this module's {@link #moneyKzt money} gets it, by
     * which the choice tables weigh the money: 1 unless the payments are rationed (e.g. capped
     * places, from last year's merged counts {@code lastYear}). Called once a year before the
     * tables are used; a change rebuilds them.
     *
     * @param scale agents per person of the run
     */
    default double paymentChance(Counts lastYear, double scale) {
        return 1.0;
    }

    /**
     * At the end of a year, on the year's merged counts, with the module's values in force that
     * year: sets the values derived from the counts ({@link Counts#set}, e.g. the subsidised places
     * of a capped programme and the KZT each qualifying mover is paid, {@link Mover#paidAtYearEnd}).
     *
     * @param p     the parameters in force that year (this module is {@code p}'s)
     * @param scale agents per person of the run
     */
    default void closeYear(Counts year, kz.kosh.scenario.Scenario p, double scale) {
    }

    /**
     * Whether these values call for the module's {@link #indicators} (default: {@link #enabled});
     * the indicators are written in every year of a scenario where some base or timeline value does.
     */
    default boolean reportsIndicators() {
        return enabled();
    }

    /** Whether a timed change of the section also writes the module's indicators (default: no). */
    default boolean reportsTimedChanges() {
        return false;
    }

    /**
     * The member of the module's spending indicator ({@code spending_kzt_<member>}, written in every
     * year, in module order, and summed into {@code programme_spending_kzt}); null for a module that
     * spends nothing.
     */
    default String spendingMember() {
        return null;
    }

    /**
     * The module's public spending of the year, KZT per agent (not scaled; commitment basis: an
     * award or grant counts in full in the year it is made), from the year's merged counts, with
     * the parameters in force that year {@code p} (this module is {@code p}'s).
     */
    default double spendingKzt(Counts year, kz.kosh.scenario.Scenario p) {
        return 0.0;
    }

    /**
     * Whether the module derives a status of its own each year from an agent's state
     * ({@link #derivedStatus}) instead of giving one the agent keeps (an obligation): its rows of the
     * tables are needed only while it is {@linkplain #statusInForce in force}, not ever after.
     */
    default boolean derivesStatus() {
        return false;
    }

    /**
     * The status of an agent in the choice tables this year, from its obligation in force
     * ({@link kz.kosh.scenario.Statuses#NONE} when served or not in force), whether it holds a PhD and
     * whether it lives abroad; asked per agent of every module that {@linkplain #derivesStatus
     * derives} one and has it in force, in module order. Default: the obligation.
     */
    default int derivedStatus(int obligation, boolean phd, boolean abroad) {
        return obligation;
    }

    /**
     * The per-agent fields these values use ({@link kz.kosh.scenario.AgentFields#declare}, declared
     * once by the programme's class): the population allocates them before the year's phases, when
     * the module comes into force (default none; a disabled module should name none, so that a run
     * without it holds nothing for them).
     */
    default java.util.List<kz.kosh.scenario.AgentFields.Field> fields() {
        return java.util.List.of();
    }

    /**
     * The share of entrants this module makes eligible for its {@link #moneyKzt money} (an agent's one
     * eligibility bit, the {@code eligible} of the tables): every entrant draws it from its own
     * numbers at a fixed position, whatever the share, and is eligible with the sum over the modules
     * of their shares (default 0: the module declares no eligibility).
     */
    default double eligibleShareOfEntrants() {
        return 0.0;
    }

    /** {@link #drawDomesticFunding}: the entrant is not funded by this module. */
    int NOT_FUNDED = -1;

    /**
     * The funding route of the students this module funds (a member of
     * {@link kz.kosh.indicator.CoreIndicators#FUNDING_ROUTES}: the flows' funding column and the
     * indicators by funding route), or null for a module that funds no study.
     */
    default String fundingRoute() {
        return null;
    }

    /** Whether the module may fund entrants at universities in Kazakhstan ({@link #drawDomesticFunding}). */
    default boolean fundsDomesticEntrants() {
        return false;
    }

    /**
     * Whether this module funds an entrant at a university in Kazakhstan, drawn from the entrant's
     * own numbers {@code rnd}: the obligation type the entrant takes with the funding
     * ({@link kz.kosh.scenario.Statuses#NONE} for none), or {@link #NOT_FUNDED}. Asked of every
     * module that {@linkplain #fundsDomesticEntrants funds domestic entrants} (whether enabled or
     * not, so that the entrants' numbers keep their positions), in module order, until one funds
     * the entrant; entrants abroad are asked nothing.
     */
    default int drawDomesticFunding(java.util.random.RandomGenerator rnd) {
        return NOT_FUNDED;
    }

    /**
     * The destination weights (by place, 0 for regions) of the exchanges abroad this module offers
     * domestic students (a semester at a foreign university during study in Kazakhstan, the
     * flows' {@code academic-mobility} route): of the self-financed ones ({@code funded} false;
     * null: the module offers none) and of the publicly funded ones (null or all 0: they go where
     * the self-financed go). The first module in module order that offers exchanges runs them;
     * built once per world and parameter change.
     *
     * @param destinations the scenario's destinations, in table order
     */
    default double[] exchangeWeights(World w, java.util.Map<String, kz.kosh.scenario.DestinationData> destinations,
                                     boolean funded) {
        return null;
    }

    /**
     * The yearly probability that a domestic student goes on an exchange ({@link #exchangeWeights}):
     * each student draws one number a year whatever the rate, then one for the funding
     * ({@link #exchangeFundedShare}) and one for the destination.
     */
    default double exchangeRatePerStudentYear() {
        return 0.0;
    }

    /** The share of exchanges that are publicly funded. */
    default double exchangeFundedShare() {
        return 0.0;
    }

    /**
     * What the module does for a publicly funded exchange (count, pay): {@code m} goes from the
     * place of study to the destination. Draws no random numbers.
     */
    default void onFundedExchange(Mover m, Counts counts) {
    }

    /**
     * Added to the consideration logit of every former exchange student (summed over the modules):
     * a semester abroad strengthens the wish to leave.
     */
    default double considerationBoostAfterExchange() {
        return 0.0;
    }

    /**
     * The probability that an exchange student without a partner comes back with a partner living
     * at the host (asked of the module that draws the exchanges, {@link #exchangeWeights}); one draw
     * per such participant only when above 0. Default 0.
     */
    default double partnerAtHostProbability() {
        return 0.0;
    }

    /**
     * The obligation type a new graduate holds when it chooses its first job, given the type held
     * so far {@code current} and whether it went on a publicly funded exchange (e.g. a return
     * obligation of funded participants); asked of every module in module order, each given the
     * previous one's answer. Default: {@code current}. Draws no random numbers.
     */
    default int obligationAtGraduation(boolean fundedExchange, int current) {
        return current;
    }

    /**
     * The destination weights (by place, 0 for regions) of the scholarships for a master's or PhD
     * abroad this module awards bachelors who continue to a master's (e.g. Bolashak), or null for a
     * module that awards none; the first module in module order that awards them runs them. Built
     * once per world and parameter change.
     */
    default double[] scholarshipWeights(World w) {
        return null;
    }

    /**
     * The probability that a continuing bachelor receives a scholarship this year, with
     * {@code continuingBachelors} expected (agents), {@code scale} agents per person and
     * {@code destinationOpen} whether some destination has a weight. Every continuing bachelor draws
     * one number for it, whatever the probability.
     */
    default double scholarshipProbability(double continuingBachelors, double scale, boolean destinationOpen) {
        return 0.0;
    }

    /** Whether a scholarship is for a PhD (else a master's), drawn from the holder's numbers before its destination. */
    default boolean drawScholarshipPhd(java.util.random.RandomGenerator rnd) {
        return false;
    }

    /**
     * The obligation type a scholarship carries ({@link kz.kosh.scenario.Statuses#NONE} for none),
     * drawn from the holder's numbers after its destination.
     */
    default int drawScholarshipObligation(boolean phd, java.util.random.RandomGenerator rnd) {
        return kz.kosh.scenario.Statuses.NONE;
    }

    /**
     * What the module does on a scholarship (count, pay): {@code m} goes from the place of the
     * bachelor's to the place of study abroad; {@code obligation} is the award's. Draws no random numbers.
     */
    default void onScholarship(Mover m, int obligation, Counts counts) {
    }

    /**
     * The public cost of one participant of the module's {@link #fundingRoute} (an award, a grant, a
     * funded exchange), a PhD holder's or another's, with the parameters in force {@code p}, KZT:
     * what the fiscal-loss indicators count for each participant living abroad. Default 0.
     */
    default double participantCostKzt(boolean phd, kz.kosh.scenario.Scenario p) {
        return 0.0;
    }

    /** Whether {@link #onEntry} does something (the simulation calls only the modules that do). */
    default boolean hasEntryHook() {
        return false;
    }

    /**
     * What the module does when a student enters higher education (after the entrant's attributes
     * are set): {@code m} goes from the home region to the place of study, {@link Mover#statusBefore}
     * is the entrant's status. Draws no random numbers; called in module order on every entrant.
     */
    default void onEntry(World w, Mover m, Counts counts) {
    }

    /** Whether {@link #onGraduation} does something (the simulation calls only the modules that do). */
    default boolean hasGraduationHook() {
        return false;
    }

    /**
     * What the module does when a student becomes a graduate, once the first job is chosen and
     * before the move to it ({@link #onMove} follows for that move): {@code m} goes from the place
     * of the degree to the first job, {@link Mover#statusBefore} is the graduate's status. Draws no
     * random numbers; called in module order on every new graduate.
     */
    default void onGraduation(World w, Mover m, Counts counts) {
    }

    /** Whether {@link #onMove} does something (the simulation calls only the modules that do). */
    default boolean hasMoveHook() {
        return false;
    }

    /**
     * What the module does when a graduate moves (the move is applied, the flow counted): pay, count,
     * give an obligation. Draws no random numbers. Called in module order, on every move of every
     * run, so it should be cheap.
     */
    default void onMove(World w, Mover m, Counts counts) {
    }

    /**
     * The module's yearly indicators from its counts, written when the scenario uses the module in
     * some year ({@link #enabled} in the base or a timeline entry, or the section changes in the
     * timeline). {@code perAgent} turns counts into persons (1 / scale).
     */
    default void indicators(Counts counts, double perAgent, IndicatorSink out) {
    }

    /**
     * Indicators the module writes every year right after the spending lines
     * ({@code programme_spending_kzt}), in module order (e.g. Bolashak's awards); default none.
     * {@code perAgent} turns counts into persons (1 / scale).
     */
    default void spendingIndicators(Counts counts, double perAgent, IndicatorSink out) {
    }

    /** Where a module writes its indicators (the recorder's sink). */
    @FunctionalInterface
    interface IndicatorSink {
        /** Puts the value of an indicator by name (a member of a family: {@code family.of(member)}). */
        void put(String indicator, String place, double value);

        /** Puts the value of an indicator. */
        default void put(kz.kosh.indicator.Indicator indicator, String place, double value) {
            put(indicator.name(), place, value);
        }

        /** Puts the national value of an indicator (place {@code KZ}). */
        default void national(kz.kosh.indicator.Indicator indicator, double value) {
            put(indicator, kz.kosh.indicator.Indicator.Place.NATIONAL.label(), value);
        }
    }
}
