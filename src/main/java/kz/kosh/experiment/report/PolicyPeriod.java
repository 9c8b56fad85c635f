package kz.kosh.experiment.report;

import java.util.List;

/**
 * The policy period of a compared scenario: from the first year in which its parameters in force
 * differ from the reference's to the last recorded year ({@link Headline}).
 */
public final class PolicyPeriod {
    private PolicyPeriod() {
    }

    /**
     * The first year of each scenario's policy period: the first year from {@code firstYear} to
     * {@code lastYear} in which its parameters in force differ from those of the reference (index
     * {@code reference}). A history the scenarios share (the baseline's timeline, inherited
     * through {@code extends}) does not start it; a difference present from the start gives
     * {@code firstYear}; no difference at all gives {@code firstYear} too.
     */
    public static int[] policyStarts(List<kz.kosh.scenario.Scenario> scenarios, int reference, int firstYear, int lastYear) {
        int[] out = new int[scenarios.size()];
        for (int s = 0; s < scenarios.size(); s++) {
            out[s] = s == reference ? firstYear
                    : policyStart(List.of(scenarios.get(reference), scenarios.get(s)), 0, firstYear, lastYear);
        }
        return out;
    }

    /**
     * The first year, from {@code firstYear} to {@code lastYear}, in which the parameters in force
     * of some scenario differ from those of the reference ({@link #policyStarts} applies it to each
     * scenario alone).
     */
    public static int policyStart(List<kz.kosh.scenario.Scenario> scenarios, int reference, int firstYear, int lastYear) {
        for (int y = firstYear; y <= lastYear; y++) {
            String ref = parameters(scenarios.get(reference).inForce(y));
            for (int s = 0; s < scenarios.size(); s++) {
                if (s != reference && !parameters(scenarios.get(s).inForce(y)).equals(ref)) {
                    return y;
                }
            }
        }
        return firstYear;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The parameters of a scenario in force (everything but its name, description, run and timeline) as canonical JSON. */
    static String parameters(kz.kosh.scenario.Scenario s) {
        try {
            return JSON.writeValueAsString(List.of(s.population(), s.study(), s.decision(), s.humanCapital(), s.family(),
                    s.policy(), s.kazakhstan(), s.economy(), s.regions(), s.destinations()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
