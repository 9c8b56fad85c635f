package kz.kosh.sim;

import kz.kosh.population.Population;

/** A move as the programmes' move hooks see it ({@link kz.kosh.policy.Mover}): a cursor over one agent, reused. */
final class MoveView implements kz.kosh.policy.Mover {
    private Population pop;
    private int i;
    private int from;
    private int to;
    private int status;
    private AgentPayments payments;
    /** The keyed draws of {@link #placeDraw}: the run's seed and the year ({@link #keyed}). */
    private AgentRandom places;
    private long seed;
    private int year;

    MoveView at(Population pop, int i, int from, int to, int statusBefore, AgentPayments ledger) {
        this.payments = ledger;
        this.pop = pop;
        this.i = i;
        this.from = from;
        this.to = to;
        this.status = statusBefore;
        return this;
    }

    /** Sets the run's seed and the year of the moves this view will see ({@link #placeDraw}); called once per block. */
    MoveView keyed(long runSeed, int calendarYear) {
        if (places == null || seed != runSeed) {
            places = new AgentRandom(runSeed);
            seed = runSeed;
        }
        year = calendarYear;
        return this;
    }

    /** The agent's first draw for (year, {@link KoshSim#PHASE_PLACES}): its own key, no other draw moves. */
    @Override
    public double placeDraw() {
        if (places == null) {
            throw new IllegalStateException("placeDraw before keyed(seed, year)");
        }
        return places.start(pop.id(i), year, KoshSim.PHASE_PLACES).nextDouble();
    }

    @Override
    public int id() {
        return pop.id(i);
    }

    @Override
    public int home() {
        return pop.home(i);
    }

    @Override
    public int get(kz.kosh.scenario.AgentFields.Field field) {
        return pop.get(field, i);
    }

    @Override
    public void set(kz.kosh.scenario.AgentFields.Field field, int value) {
        pop.set(field, i, value);
    }

    @Override
    public int from() {
        return from;
    }

    @Override
    public int to() {
        return to;
    }

    @Override
    public int statusBefore() {
        return status;
    }

    @Override
    public boolean phd() {
        return pop.degree(i) == Population.PHD;
    }

    @Override
    public boolean eligible() {
        return pop.has(i, Population.ELIGIBLE);
    }

    @Override
    public boolean fundedExchange() {
        return pop.has(i, Population.EXCHANGE_FUNDED);
    }

    @Override
    public String fundingRoute() {
        return Population.FUNDING_NAMES[pop.funding(i)];
    }

    @Override
    public int obligationPct() {
        return pop.obligationPct(i);
    }

    @Override
    public void takeObligation(int type) {
        pop.setObligationType(i, type);
        pop.setObligationPct(i, 100);
    }

    @Override
    public void paidAtYearEnd(kz.kosh.policy.Counter priceKzt) {
        if (payments != null) {
            payments.payAtYearEnd(pop.id(i), priceKzt);
        }
    }

    @Override
    public void paid(double kzt) {
        if (payments != null) {
            payments.pay(pop.id(i), AgentPayments.PROGRAMME_KZT, kzt);
        }
    }
}
