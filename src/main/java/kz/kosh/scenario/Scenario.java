package kz.kosh.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fully resolved, validated scenario: every parameter of a run, defaults filled in. Built by
 * {@link ScenarioLoader}; immutable.
 *
 * @param name         scenario name (the file's {@code name}, else its file name)
 * @param description  free text
 * @param headline     the indicators that lead the scenario's answer in a comparison, at most four
 *                     codes "indicator" or "indicator@place" (validated against the indicator
 *                     registry); empty: the comparison's default choice
 * @param run          years, seed and scale
 * @param population   entrants and ages
 * @param study        study choice and programme lengths
 * @param decision     location-choice coefficients
 * @param humanCapital Becker human capital and brain waste
 * @param family       partners and family-following
 * @param policy       scholarships, obligations, mobility, regional programmes
 * @param kazakhstan   country-level indices used for every region
 * @param economy      projections of the yearly series after their last observed year
 * @param regions      the 20 first-level units, in table order
 * @param destinations the foreign destinations, in table order
 * @param timeline     timed policy changes: from each entry's year on, its scenario applies
 *                     (run settings and places never change); empty when none. One entry per
 *                     year in which the parameters may change (every fromYear of the file's
 *                     timeline and every toYear + 1), holding everything in force from then on
 */
public record Scenario(String name, String description, List<String> headline, RunSettings run, PopulationParams population,
                       StudyParams study, DecisionParams decision, HumanCapitalParams humanCapital,
                       FamilyParams family, PolicyParams policy, KazakhstanIndices kazakhstan, EconomyParams economy,
                       Map<String, RegionData> regions, Map<String, DestinationData> destinations,
                       List<TimedChange> timeline) {

    public Scenario {
        headline = headline == null ? List.of() : List.copyOf(headline);
    }

    /** A scenario without a headline of its own. */
    public Scenario(String name, String description, RunSettings run, PopulationParams population,
                    StudyParams study, DecisionParams decision, HumanCapitalParams humanCapital,
                    FamilyParams family, PolicyParams policy, KazakhstanIndices kazakhstan, EconomyParams economy,
                    Map<String, RegionData> regions, Map<String, DestinationData> destinations,
                    List<TimedChange> timeline) {
        this(name, description, List.of(), run, population, study, decision, humanCapital, family, policy, kazakhstan,
                economy, regions, destinations, timeline);
    }

    /** From {@code fromYear} on (1 January), the parameters of {@code scenario} apply. */
    public record TimedChange(int fromYear, Scenario scenario) {
    }

    /** The same scenario with another seed. */
    public Scenario withSeed(long seed) {
        return withRun(run.withSeed(seed));
    }

    /** The same scenario with another scale. */
    public Scenario withScale(double scale) {
        return withRun(run.withScale(scale));
    }

    /** The same scenario with other run settings (applied to the timeline entries too). */
    public Scenario withRun(RunSettings newRun) {
        List<TimedChange> t = new ArrayList<>();
        for (TimedChange c : timeline) {
            t.add(new TimedChange(c.fromYear, c.scenario.withRun(newRun)));
        }
        return new Scenario(name, description, headline, newRun, population, study, decision, humanCapital, family, policy,
                kazakhstan, economy, regions, destinations, List.copyOf(t));
    }

    /** The parameters in force in a year: the last timeline entry that started by then, else this. */
    public Scenario inForce(int year) {
        Scenario s = this;
        for (TimedChange c : timeline) {
            if (c.fromYear <= year) {
                s = c.scenario;
            }
        }
        return s;
    }
}
