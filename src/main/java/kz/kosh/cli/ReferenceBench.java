package kz.kosh.cli;

import kz.kosh.decision.LocationUtility;
import kz.kosh.decision.Logit;
import kz.kosh.scenario.DecisionParams;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The textbook way to write Kosh's yearly location decision, as the reference the fast engine
 * is measured against ({@code kosh bench --reference}): one MASON {@link Steppable} object per
 * graduate on MASON's schedule, each computing its own utilities of every place every year
 * (LocationUtility, one logarithm per place), adding its home and parents' bonuses,
 * exponentiating, and then considering, intending and moving like the engine
 * (multinomial logit, no tables shared between agents of a kind).
 */
final class ReferenceBench {
    private ReferenceBench() {
    }

    /** One graduate: its own object, scheduled every year. */
    static final class Graduate implements Steppable {
        private static final long serialVersionUID = 1L;
        int location;
        final int home;
        final int parents;
        final int band;
        final double[] v;

        Graduate(int location, int home, int parents, int band, int places) {
            this.location = location;
            this.home = home;
            this.parents = parents;
            this.band = band;
            this.v = new double[places];
        }

        @Override
        public void step(SimState state) {
            Model m = (Model) state;
            int n = v.length;
            for (int j = 0; j < n; j++) {
                v[j] = m.utility.utility(band, 1.0, location, j, 0, false, m.diaspora);
            }
            v[home] += m.d.homeRegionBonus();
            v[parents] += m.d.parentsRegionBonus();
            double away = 0;
            for (int j = 0; j < n; j++) {
                v[j] = Math.exp(v[j]);
                if (j != location) {
                    away += v[j];
                }
            }
            double gain = Math.log(away) - Math.log(v[location]);
            m.decisions++;
            if (m.random.nextDouble() >= Logit.logistic(m.d.considerationConstant() + m.d.considerationGainWeight() * gain)) {
                return;
            }
            double target = m.random.nextDouble() * away;
            double acc = 0;
            for (int j = 0; j < n; j++) {
                if (j == location) {
                    continue;
                }
                acc += v[j];
                if (acc > target) {
                    if (m.random.nextDouble() < (m.world.isAbroad(j) ? m.d.followThroughAbroad() : m.d.followThroughInternal())) {
                        location = j;
                    }
                    return;
                }
            }
        }
    }

    /** The reference model: the world, the utility and the graduates on MASON's schedule. */
    static final class Model extends SimState {
        private static final long serialVersionUID = 1L;
        final transient World world;
        final transient LocationUtility utility;
        final transient DecisionParams d;
        final double[] diaspora;
        final int agents;
        long decisions;

        Model(Scenario s, int agents) {
            super(s.run().seed());
            this.world = new World(s);
            this.utility = new LocationUtility(world, s);
            this.d = s.decision();
            this.agents = agents;
            diaspora = new double[world.placeCount()];
            for (int j = 0; j < diaspora.length; j++) {
                diaspora[j] = world.initialDiasporaThousands(j);
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
            for (int i = 0; i < agents; i++) {
                int home = Logit.drawCumulative(cumulative, random.nextDouble());
                int location = random.nextDouble() < 0.6 ? home : Logit.drawCumulative(cumulative, random.nextDouble());
                schedule.scheduleRepeating(Schedule.EPOCH, 0,
                        new Graduate(location, home, home, 1 + random.nextInt(DecisionParams.AGE_BANDS - 1), world.placeCount()), 1.0);
            }
        }
    }

    /** Decisions per second of the reference: {@code agents} graduates for {@code years} steps, after a warm-up. */
    static double decisionsPerSecond(Scenario s, int agents, int years) {
        Model warm = new Model(s, Math.max(1, agents / 10));
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
