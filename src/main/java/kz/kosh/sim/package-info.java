/**
 * The MASON simulation, kept thin: {@link kz.kosh.sim.KoshSim} schedules the yearly phases
 * (entry, study, location, update), the life-course rules, counters and stocks of a year, random
 * streams, parallel blocks. May import {@code population} and the layers below; never
 * {@code output} (recorders observe it through {@link kz.kosh.sim.YearObserver}).
 */
package kz.kosh.sim;
