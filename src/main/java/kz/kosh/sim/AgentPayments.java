package kz.kosh.sim;

import kz.kosh.population.Population;
import kz.kosh.world.World;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Who was paid what, agent by agent, and who ended up abroad: the run's side of the deadweight
 * of a paired comparison (kz.kosh.search.Deadweight). Off unless a run asks for it
 * ({@link KoshSim#recordAgentPayments}); the payment sites then call {@link #pay} with the
 * agent's id, which is the same agent in every scenario of a comparison (agent-keyed common
 * random numbers, {@link AgentRandom}).
 *
 * <p>What is recorded, per agent a, KZT per agent (not scaled to persons):
 * <ul>
 * <li>{@code P(a)}: the public payments to a in the calendar years from {@code fromYear} to the
 *     end, on the commitment basis of the spending indicators (kz.kosh.output.Indicators#spending):
 *     a Bolashak award its programme cost; a state grant {@code costKztPerYear × bachelorYears};
 *     a state-funded mobility semester {@code costKztPerParticipant}; a village payment the lump
 *     sum plus the housing subsidy; a return subsidy or researcher grant its amount; a qualifying
 *     relocation {@code S / Q} of the year's subsidised relocation KZT S over its Q qualifying
 *     moves (the places are a quota over all qualifying movers: each mover's expected payment).
 *     Σ_a P(a) / scale therefore equals Σ over those years of Σ {@code spending_kzt_<programme>}
 *     (repayments are not payments: they are left out);</li>
 * <li>{@code abroad(a)}: a lived abroad on 31 Dec of the last year, or when it passed the
 *     decision age (left the model) while abroad.</li>
 * </ul>
 * Not thread-safe by itself: the payment methods are synchronized (payments are rare against
 * decisions), so any number of worker threads may call them.
 */
public final class AgentPayments {
    /**
     * Payments the programmes make in KZT ({@link kz.kosh.policy.Mover#paid}: scholarships, funded
     * exchanges, the village payments, return support's subsidies and researcher grants): priced at 1.
     */
    public static final int PROGRAMME_KZT = 0;
    /**
     * Payments priced at the year's end ({@link kz.kosh.policy.Mover#paidAtYearEnd}): slot
     * {@code AT_YEAR_END + counter index}, priced by the counter's derived value of the year.
     */
    static final int AT_YEAR_END = PROGRAMME_KZT + 1;

    private final int fromYear;
    private final Map<Integer, double[]> pending = new HashMap<>();
    private final SortedMap<Integer, Double> paid = new TreeMap<>();
    private final Set<Integer> abroad = new HashSet<>();

    /** A ledger that counts payments of the years from {@code fromYear} on. */
    public AgentPayments(int fromYear) {
        this.fromYear = fromYear;
    }

    /** A ledger read back from a file: payments P(a) and the agents abroad. */
    public AgentPayments(int fromYear, Map<Integer, Double> paidKzt, Set<Integer> abroadIds) {
        this(fromYear);
        paid.putAll(paidKzt);
        abroad.addAll(abroadIds);
    }

    public int fromYear() {
        return fromYear;
    }

    /**
     * Pays agent {@code agentId} this year: {@code amount} KZT in slot {@link #PROGRAMME_KZT}; a programme that knows its price only at
     * the year's end pays one unit with {@link #payAtYearEnd} (a state grant, a qualifying relocation).
     */
    public synchronized void pay(int agentId, int programme, double amount) {
        double[] a = pending.computeIfAbsent(agentId, k -> new double[AT_YEAR_END + kz.kosh.policy.Counter.count()]);
        if (programme >= a.length) {
            a = java.util.Arrays.copyOf(a, AT_YEAR_END + kz.kosh.policy.Counter.count());
            pending.put(agentId, a);
        }
        a[programme] += amount;
    }

    /** Pays agent {@code agentId} one payment whose KZT is the year's derived value of {@code priceKzt} ({@link #closeYear}). */
    public void payAtYearEnd(int agentId, kz.kosh.policy.Counter priceKzt) {
        pay(agentId, AT_YEAR_END + priceKzt.index(), 1);
    }

    /** Agent {@code agentId} leaves the model (decision age) while living abroad. */
    public synchronized void leftAbroad(int agentId) {
        abroad.add(agentId);
    }

    /**
     * Ends a year: prices the units (the values the programmes in force derived at the year's end,
     * as the spending indicators do) and adds the year's payments when {@code year >= fromYear}.
     *
     * @param counts            the year's merged counts, with the programmes' derived values (the prices of
     *                          the payments made at the year's end, {@link #payAtYearEnd})
     */
    public synchronized void closeYear(int year, YearCounters counts) {
        if (year >= fromYear) {
            double[] price = new double[AT_YEAR_END + kz.kosh.policy.Counter.count()];
            java.util.Arrays.fill(price, 1.0);
            for (int q = AT_YEAR_END; q < price.length; q++) {
                price[q] = counts.valueAt(q - AT_YEAR_END);
            }
            for (Map.Entry<Integer, double[]> e : pending.entrySet()) {
                double sum = 0;
                double[] units = e.getValue();
                for (int q = 0; q < units.length; q++) {
                    sum += units[q] * price[q];
                }
                if (sum != 0) {
                    paid.merge(e.getKey(), sum, Double::sum);
                }
            }
        }
        pending.clear();
    }


    /** At the end of the last year: the agents living abroad. */
    public synchronized void atEnd(Population pop, World w) {
        for (int i = 0; i < pop.size(); i++) {
            if (w.isAbroad(pop.location(i))) {
                abroad.add(pop.id(i));
            }
        }
    }

    /** Clears everything (a new run of the same simulation). */
    synchronized void reset() {
        pending.clear();
        paid.clear();
        abroad.clear();
    }

    /** P(a) > 0 by agent id, ascending, KZT per agent. */
    public synchronized SortedMap<Integer, Double> paidKzt() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(paid));
    }

    /** The agents abroad at the end (or when they left the model). */
    public synchronized Set<Integer> abroad() {
        return Collections.unmodifiableSet(new HashSet<>(abroad));
    }

    /** Σ_a P(a), KZT per agent. */
    public synchronized double totalKzt() {
        double s = 0;
        for (double v : paid.values()) {
            s += v;
        }
        return s;
    }
}
