package kz.kosh.cli;

import kz.kosh.decision.Logit;
import kz.kosh.scenario.DecisionParams;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The obvious way to write a graduate migration model in MASON, as the reference the engine is
 * measured against ({@code kosh bench --reference}): one {@link Steppable} object per graduate
 * on MASON's schedule; every year each graduate computes the utility of each of the places
 * (20 regions and 14 foreign destinations) and chooses by a multinomial logit, with one
 * {@code exp} per place and per agent and nothing cached between agents:
 * <pre>
 *   V_j = β_inc[b]·ln(w_j / 100,000 KZT)            (wage)
 *       − β_dist·ln(1 + d_cj / 100 km)              (distance from the current place c)
 *       + β_net·ln(1 + D_j)                         (network: diaspora stock in thousands, foreign j)
 *       + β_home·[j = home] + β_stay·[j = c]        (home and status quo)
 *   P(j) = exp(V_j) / Σ_k exp(V_k)
 * </pre>
 * The inputs of the formula (log wages, the distance terms) are read once when the model starts,
 * as any modeller would; the network term follows the diaspora stocks, which a yearly
 * {@link Steppable} updates from the net moves abroad (one agent = one person). Weights are the
 * scenario's ({@link DecisionParams}).
 */
final class ReferenceBench {
    /** Wage unit of the income term, KZT a month. */
    static final double WAGE_UNIT_KZT = 100_000.0;

    private ReferenceBench() {
    }

    /** One graduate: its own object, scheduled every year. */
    static final class Graduate implements Steppable {
        private static final long serialVersionUID = 1L;
        int location;
        final int home;
        final int band;

        Graduate(int location, int home, int band) {
            this.location = location;
            this.home = home;
            this.band = band;
        }

        @Override
        public void step(SimState state) {
            Model m = (Model) state;
            double[] p = m.scratch;
            double total = 0;
            for (int j = 0; j < p.length; j++) {
                p[j] = Math.exp(m.utility(band, home, location, j));
                total += p[j];
            }
            double target = m.random.nextDouble() * total;
            double acc = 0;
            int chosen = p.length - 1;
            for (int j = 0; j < p.length; j++) {
                acc += p[j];
                if (acc > target) {
                    chosen = j;
                    break;
                }
            }
            m.decisions++;
            if (chosen != location) {
                m.net[location]--;
                m.net[chosen]++;
                m.moves++;
                location = chosen;
            }
        }
    }

    /** The reference model: the world's inputs, the graduates and the yearly diaspora update on MASON's schedule. */
    static final class Model extends SimState {
        private static final long serialVersionUID = 1L;
        final transient World world;
        final int places;
        final int agents;
        final double[] incomeWeight;
        final double[] logWage;
        /** β_dist·ln(1 + d_cj / 100 km), row c. */
        final double[] distance;
        /** β_net·ln(1 + D_j) of this year's stocks (0 for regions). */
        final double[] network;
        final double[] diasporaThousands;
        final double networkWeight;
        final double homeBonus;
        final double stayBonus;
        final long[] net;
        final double[] scratch;
        /** The graduates, in the order they were scheduled. */
        final java.util.List<Graduate> graduates = new java.util.ArrayList<>();
        long decisions;
        long moves;

        Model(Scenario s, int agents) {
            super(s.run().seed());
            this.world = new World(s);
            this.agents = agents;
            DecisionParams d = s.decision();
            places = world.placeCount();
            incomeWeight = d.incomeWeight().clone();
            logWage = new double[places];
            distance = new double[places * places];
            diasporaThousands = new double[places];
            for (int j = 0; j < places; j++) {
                logWage[j] = Math.log(world.wageKztPerMonth(j) / WAGE_UNIT_KZT);
                diasporaThousands[j] = world.isAbroad(j) ? world.initialDiasporaThousands(j) : 0.0;
                for (int c = 0; c < places; c++) {
                    distance[c * places + j] = d.distancePenalty() * Math.log1p(world.distanceKm(c, j) / 100.0);
                }
            }
            network = new double[places];
            networkWeight = d.networkWeight();
            homeBonus = d.homeRegionBonus();
            stayBonus = d.stayBonus();
            net = new long[places];
            scratch = new double[places];
            updateNetwork();
        }

        /** V_j of the class comment for a graduate of age band {@code band} from {@code home}, now at {@code c}. */
        double utility(int band, int home, int c, int j) {
            double v = incomeWeight[band] * logWage[j] - distance[c * places + j] + network[j];
            if (j == home) {
                v += homeBonus;
            }
            if (j == c) {
                v += stayBonus;
            }
            return v;
        }

        /** The year's diaspora stocks: D_j ← max(0, D_j + net moves_j / 1000); then the network terms. */
        void updateNetwork() {
            for (int j = 0; j < places; j++) {
                if (world.isAbroad(j)) {
                    diasporaThousands[j] = Math.max(0.0, diasporaThousands[j] + net[j] / 1000.0);
                    network[j] = networkWeight * Math.log1p(diasporaThousands[j]);
                }
                net[j] = 0;
            }
        }

        @Override
        public void start() {
            super.start();
            double[] pop = new double[world.regionCount()];
            for (int r = 0; r < pop.length; r++) {
                pop[r] = world.population(r);
            }
            double[] cumulative = Logit.cumulative(pop);
            schedule.scheduleRepeating(Schedule.EPOCH, 0, s -> ((Model) s).updateNetwork(), 1.0);
            graduates.clear();
            for (int i = 0; i < agents; i++) {
                int home = Logit.drawCumulative(cumulative, random.nextDouble());
                int location = random.nextDouble() < 0.6 ? home : Logit.drawCumulative(cumulative, random.nextDouble());
                Graduate g = new Graduate(location, home, 1 + random.nextInt(DecisionParams.AGE_BANDS - 1));
                graduates.add(g);
                schedule.scheduleRepeating(Schedule.EPOCH, 1, g, 1.0);
            }
        }
    }

    /** Decisions per second of the reference: {@code agents} graduates for {@code years} steps, after a warm-up. */
    static double decisionsPerSecond(Scenario s, int agents, int years) {
        Model warm = new Model(s, Math.max(1, agents / 5));
        warm.start();
        for (int y = 0; y < years; y++) {
            warm.schedule.step(warm);
        }
        warm.finish();
        Model m = new Model(s, agents);
        m.start();
        long t0 = System.nanoTime();
        for (int y = 0; y < years; y++) {
            m.schedule.step(m);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        m.finish();
        return m.decisions / seconds;
    }
}
