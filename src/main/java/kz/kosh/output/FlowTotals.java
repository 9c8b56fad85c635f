package kz.kosh.output;

import kz.kosh.population.Population;
import kz.kosh.sim.FlowKind;
import kz.kosh.sim.YearCounters;
import kz.kosh.world.World;

/**
 * The year's flows summed as {@link Indicators#compute} needs them, in one pass over the non-zero
 * cells ({@link YearCounters#forEachFlow}), in agents: study entrants (school leavers and college
 * entrants, not Bolashak scholars or mobility semesters) and those abroad, mobility semesters;
 * for every other kind the totals, by origin and by destination, the net moves by place, and the
 * first jobs by where the degree was taken and where the job is.
 */
final class FlowTotals implements YearCounters.FlowCell {
    private final World w;
    private final int places;
    final long[] kindTotal = new long[FlowKind.values().length];
    final long[] fromPlace;
    final long[] toPlace;
    final long[] net;
    final long[] foreignGraduates = new long[YearCounters.FUNDINGS];
    final long[] foreignGraduatesStaying = new long[YearCounters.FUNDINGS];
    long entrants;
    long entrantsAbroad;
    long mobility;
    long firstJobAbroad;
    long firstJobAbroadAfterHomeStudy;
    long firstJobHomeAfterAbroadStudy;

    FlowTotals(World w) {
        this.w = w;
        this.places = w.placeCount();
        fromPlace = new long[FlowKind.values().length * places];
        toPlace = new long[FlowKind.values().length * places];
        net = new long[places];
    }

    @Override
    public void accept(int kind, int f, int h, int o, int d, int n) {
        if (kind == FlowKind.STUDY.ordinal()) {
            if (f == Population.ACADEMIC_MOBILITY) {
                mobility += n;
            } else if (f != Population.BOLASHAK) {
                entrants += n;
                if (w.isAbroad(d)) {
                    entrantsAbroad += n;
                }
            }
            return;
        }
        kindTotal[kind] += n;
        fromPlace[kind * places + o] += n;
        toPlace[kind * places + d] += n;
        if (o != d) {
            net[o] -= n;
            net[d] += n;
        }
        if (kind == FlowKind.FIRST_JOB.ordinal()) {
            if (w.isAbroad(o)) {
                foreignGraduates[f] += n;
                if (w.isAbroad(d)) {
                    foreignGraduatesStaying[f] += n;
                }
            }
            if (w.isAbroad(d)) {
                firstJobAbroad += n;
                if (!w.isAbroad(o)) {
                    firstJobAbroadAfterHomeStudy += n;
                }
            } else if (w.isAbroad(o)) {
                firstJobHomeAfterAbroadStudy += n;
            }
        }
    }
}
