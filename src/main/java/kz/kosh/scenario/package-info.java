/**
 * Scenarios: immutable, validated records of everything a run is set up with (run settings,
 * population, study, decision weights, regions, destinations, policy sections, timelines), read
 * from YAML with every problem of a file reported in one pass. May import {@code kz.kosh.indicator}.
 * Layer 1 of the order indicator &lt; scenario &lt; world &lt; policy &lt; decision &lt; population &lt; sim
 * &lt; output &lt; experiment &lt; calibration &lt; gui, cli (README, "Layout"; {@code LayersTest}). The
 * policy sections are plug-ins: {@link kz.kosh.scenario.SectionReader} reads and checks one,
 * {@link kz.kosh.scenario.SectionReaders} finds the registries on the class path, and the scenario
 * holds the values as {@link kz.kosh.scenario.PolicySection}s without naming any programme.
 */
package kz.kosh.scenario;
