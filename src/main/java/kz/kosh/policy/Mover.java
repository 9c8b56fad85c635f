package kz.kosh.policy;

/**
 * A graduate's move as a programme's {@link PolicyModule#onMove} hook sees it: where from and to,
 * the status held before the move, what the programme may read and the obligation it may give.
 * The entry and graduation hooks see an agent's step the same way ({@link PolicyModule#onEntry}:
 * from the home region to the place of study; {@link PolicyModule#onGraduation}: from the place
 * of the degree to the first job). Programme code never reaches the agents' storage; the
 * simulation passes a view, through which a programme also reads and writes the per-agent fields
 * it declared ({@link kz.kosh.scenario.AgentFields}).
 */
public interface Mover {

    /** The agent's identity (fixed at entry, the same in every scenario of a comparison). */
    int id();

    /** The agent's home region. */
    int home();

    /** The value of a programme's per-agent field (0 when never set). */
    int get(kz.kosh.scenario.AgentFields.Field field);

    /** Sets a programme's per-agent field (its value must fit the field's width). */
    void set(kz.kosh.scenario.AgentFields.Field field, int value);

    /** Place before the move. */
    int from();

    /** Place after the move. */
    int to();

    /** The status (obligation type) the agent held in the tables before the move. */
    int statusBefore();

    /** Whether the agent holds a PhD. */
    boolean phd();

    /** Whether the agent holds the eligibility drawn at entry ({@link PolicyModule#eligibleShareOfEntrants}). */
    boolean eligible();

    /**
     * The agent's funding route (a member of {@link kz.kosh.indicator.CoreIndicators#FUNDING_ROUTES},
     * {@link PolicyModule#fundingRoute}).
     */
    String fundingRoute();

    /** Whether the agent went on a publicly funded exchange during its study ({@link PolicyModule#exchangeWeights}). */
    boolean fundedExchange();

    /** Obligation percentage left (0: none). */
    int obligationPct();

    /** Gives the agent an obligation of a type, 100% left. */
    void takeObligation(int type);

    /**
     * A uniform number in [0, 1) of this agent for this year's allocation of programme places:
     * keyed by (run seed, agent, year) on its own key, so it moves none of the agent's other draws
     * (the same number for every move of the agent in the year and in every scenario of a paired
     * comparison). A rationed programme gives a qualifying mover a place when it is below the
     * chance φ ({@link PolicyModule#moveHook(kz.kosh.world.World, double)}).
     */
    double placeDraw();

    /** Records a public payment to the agent, KZT (the run's payment ledger for deadweight, when it keeps one). */
    void paid(double kzt);

    /**
     * Records a public payment to the agent whose KZT is known only at the year's end: the value
     * of {@code priceKzt} the module sets in {@link PolicyModule#closeYear} (e.g. a capped
     * subsidy's expected payment per qualifying mover).
     */
    void paidAtYearEnd(Counter priceKzt);
}
