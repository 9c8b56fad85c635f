package kz.kosh.gui;

import kz.kosh.population.Population;
import kz.kosh.sim.KoshSim;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows one agent through the recorded years: its life history (place, status, funding,
 * obligation, partner...) as one {@link AgentView} a year.
 * <p>
 * The population has no stable agent ids (compact arrays indexed by position). Agents only
 * enter at the end (entry phase) and only leave when they age past the maximum decision age
 * (update phase, order kept), so the follower tracks the index shift: at each recorded year it
 * counts the agents before the followed one that will age out in the next update, and expects
 * the agent that many places earlier the next year. The next year's view is checked against the
 * last (same sex, home and parents' region, one year older); on a mismatch the follower stops
 * with "lost track" rather than show another agent. Costs one pass over the agents before the
 * followed one per year, and nothing when no agent is followed.
 */
public final class AgentFollower {
    private final List<AgentView> life = new ArrayList<>();
    private AgentView last;
    private int nextIndex = -1;
    private String state = "no agent followed: pick one in the sampled agents' table";
    private boolean ended = true;

    /** Starts following the agent seen in {@code view}, expected at {@code nextIndex} next year (-1: it leaves). */
    public synchronized void follow(AgentView view, int nextIndex) {
        life.clear();
        life.add(view);
        last = view;
        this.nextIndex = nextIndex;
        ended = false;
        state = "following agent " + view.getIndex() + " of " + view.getYear();
    }

    /** Stops following and forgets the history. */
    public synchronized void clear() {
        life.clear();
        last = null;
        ended = true;
        state = "no agent followed: pick one in the sampled agents' table";
    }

    /** Records the followed agent at a recorded year (call from the observer, between the phases of a step). */
    public synchronized void observe(KoshSim k, int year) {
        if (ended || last == null) {
            return;
        }
        if (year != last.getYear() + 1) {
            end("lost track: picked in " + last.getYear() + " but the model was already at " + year + "; pick again");
            return;
        }
        if (nextIndex < 0) {
            end("left the model after " + last.getYear() + " (aged past the maximum decision age)");
            return;
        }
        AgentView v = nextIndex < k.population().size() ? AgentView.of(k, nextIndex, year) : null;
        if (v == null || !sameAgent(last, v)) {
            end("lost track of the agent in " + year);
            return;
        }
        life.add(v);
        last = v;
        nextIndex = nextIndex(k, nextIndex);
        state = "following the agent since " + life.get(0).getYear() + " (now index " + v.getIndex() + ")";
    }

    private void end(String why) {
        ended = true;
        state = why;
    }

    /** The followed agent's views, one a recorded year, oldest first (a copy). */
    public synchronized List<AgentView> life() {
        return List.copyOf(life);
    }

    /** What the follower is doing, for the window's status line. */
    public synchronized String state() {
        return state;
    }

    /** Whether the follower still records the agent each year. */
    public synchronized boolean active() {
        return !ended;
    }

    /** The same agent one year later: sex, home and parents' region kept, one year older. */
    static boolean sameAgent(AgentView before, AgentView after) {
        return after.getAge() == before.getAge() + 1 && after.getSex().equals(before.getSex())
                && after.getHomeRegion().equals(before.getHomeRegion())
                && after.getParentsRegion().equals(before.getParentsRegion());
    }

    /**
     * Where the agent now at index {@code i} will be at the next recorded year: -1 when it ages
     * out in the next update, else {@code i} less the agents before it that age out. Uses the
     * parameters in force for the next year (already set when the year is recorded).
     */
    public static int nextIndex(KoshSim k, int i) {
        return nextIndices(k, new int[]{i})[0];
    }

    /** {@link #nextIndex} for several indices in one pass (sorted or not). */
    public static int[] nextIndices(KoshSim k, int[] indices) {
        Population pop = k.population();
        int maxAge = k.params().population().maxDecisionAgeYears();
        int[] out = new int[indices.length];
        int[] order = java.util.stream.IntStream.range(0, indices.length).boxed()
                .sorted((a, b) -> Integer.compare(indices[a], indices[b])).mapToInt(Integer::intValue).toArray();
        int leaving = 0;
        int j = 0;
        for (int o : order) {
            int target = indices[o];
            for (; j < target; j++) {
                if (pop.age(j) + 1 > maxAge) {
                    leaving++;
                }
            }
            out[o] = pop.age(target) + 1 > maxAge ? -1 : target - leaving;
        }
        return out;
    }
}
