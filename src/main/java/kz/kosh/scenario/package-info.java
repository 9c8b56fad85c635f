/**
 * Scenarios: immutable, validated records of everything a run is set up with (run settings,
 * population, study, decision weights, regions, destinations, policy sections, timelines), read
 * from YAML with every problem of a file reported in one pass. May import {@code kz.kosh.indicator}.
 * Layer 1 of the order indicator &lt; scenario &lt; world &lt; policy &lt; decision &lt; population &lt; sim
 * &lt; output &lt; experiment &lt; calibration &lt; gui, cli (README, "Layout"; {@code LayersTest}). The
 * policy sections are plug-ins: {@link kz.kosh.scenario.SectionReader} reads and checks one,
 * {@link kz.kosh.scenario.SectionReaders} finds the registries on the class path, and the scenario
 * holds the values as {@link kz.kosh.scenario.PolicySection}s without naming any programme.
 * What programmes give agents is handed out by name at start-up: status indices
 * ({@link kz.kosh.scenario.Statuses}) and per-agent fields ({@link kz.kosh.scenario.AgentFields}).
 * Every parameter is declared once as a {@link kz.kosh.scenario.Param} (name, bounds, unit,
 * source): by its group's record, or by its programme; {@link kz.kosh.scenario.Params} lists them
 * for docs/parameters.md, the GUI and calibrations. Loading is split by concern:
 * {@link kz.kosh.scenario.StrictYaml} (hardened YAML), {@code ScenarioFiles} (the extends chain),
 * {@code TreeMerge} (defaults and merging), {@code Timeline}, {@code ScenarioBinder} (typed
 * records) and {@code CrossFieldRules}, run in that order by {@link kz.kosh.scenario.ScenarioLoader}.
 */
package kz.kosh.scenario;
