/**
 * Scenarios: immutable, validated records of everything a run is set up with (run settings,
 * population, study, decision weights, regions, destinations, policy sections, timelines), read
 * from YAML with every problem of a file reported in one pass. May import {@code kz.kosh.indicator}.
 * Layer 1 of the order indicator &lt; scenario &lt; world &lt; policy &lt; decision &lt; population &lt; sim
 * &lt; output &lt; experiment &lt; calibration &lt; gui, cli (README, "Layout"; {@code LayersTest}); the
 * policy sections and the Bolashak cap check still reach up into policy and world until the
 * programme plug-ins (issue 17) turn them into registered sections.
 */
package kz.kosh.scenario;
