package kz.kosh.world;

/**
 * Last year's demand for the routes of the foreign places, counted in agents (not scaled):
 * degree-study entrants by place with the study access they faced, and work-permit
 * applications by place; and the graduates living in each region on 31 December, whose
 * number the regions' graduate jobs must absorb ({@link DemandResponse#graduateJobChanceFactor}; null when
 * unknown). Integer sums over blocks, so the same whatever the thread count. A run hands it to the
 * next year's {@link World}, whose policy modules read it ({@link World.Editor#lastYear()}).
 */
public record Demand(long[] studyEntrants, double[] studyAccess, long[] permitApplications, long[] graduatesLiving) {
    /** Demand without graduate stocks (the regions' job chances are not adjusted). */
    public Demand(long[] studyEntrants, double[] studyAccess, long[] permitApplications) {
        this(studyEntrants, studyAccess, permitApplications, null);
    }
}
