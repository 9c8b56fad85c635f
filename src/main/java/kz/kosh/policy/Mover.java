package kz.kosh.policy;

/**
 * A graduate's move as a programme's {@link PolicyModule#onMove} hook sees it: where from and to,
 * the status held before the move, what the programme may read and the obligation it may give.
 * Programme code never reaches the agents' storage; the simulation passes a view.
 */
public interface Mover {

    /** Place before the move. */
    int from();

    /** Place after the move. */
    int to();

    /** The status (obligation type) the agent held in the tables before the move. */
    int statusBefore();

    /** Whether the agent holds a PhD. */
    boolean phd();

    /** Whether the agent is eligible for the village programme. */
    boolean ruralEligible();

    /** Obligation percentage left (0: none). */
    int obligationPct();

    /** Gives the agent an obligation of a type, 100% left. */
    void takeObligation(int type);

    /** Records a public payment to the agent, KZT (the run's payment ledger for deadweight, when it keeps one). */
    void paid(double kzt);

    /**
     * Records a public payment to the agent whose KZT is known only at the year's end: the value
     * of {@code priceKzt} the module sets in {@link PolicyModule#closeYear} (e.g. a capped
     * subsidy's expected payment per qualifying mover).
     */
    void paidAtYearEnd(Counter priceKzt);
}
