package kz.kosh.output;

import java.io.PrintStream;
import java.util.List;

import static kz.kosh.indicator.CoreIndicators.*;

/**
 * What the words of Kosh's summaries and reports measure: one text for the {@code run} summary
 * and the report's glossary (docs/outputs.md defines every indicator in full).
 */
public final class Glossary {
    /** Term, definition. */
    public static final List<String[]> ENTRIES = List.of(
            new String[]{"graduates",
                    "persons with a degree from a Kazakhstani or foreign university who entered the model as school "
                            + "leavers; counts are persons at full scale (agents divided by the scale)"},
            new String[]{"first job abroad",
                    "new graduates whose first job, in the year they graduate, is abroad (" + FIRST_JOB_ABROAD.name() + "); it is "
                            + "not emigration, which counts later moves of graduates already living in Kazakhstan"},
            new String[]{"emigration",
                    "moves of graduates living in Kazakhstan to a place abroad during the year (" + EMIGRATION.name() + "); the "
                            + "emigration rate divides it by the graduates in Kazakhstan at the end of the previous year"},
            new String[]{"first job abroad by route",
                    "share of the year's graduates of foreign universities whose first job is abroad, by funding "
                            + "route (" + FIRST_JOB_ABROAD_SHARE_BY_FUNDING.of("bolashak") + ", _state-grant, _self-paid); a share of that "
                            + "route's graduates, not of all graduates"},
            new String[]{"non-return",
                    "share of the graduates of a funding route who graduated N years earlier (N = "
                            + "run.nonReturnYearsAfterGraduation, default 5) and do not live in Kazakhstan this year "
                            + "(" + ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.of("bolashak") + ", _state-grant, _self-paid, _academic-mobility); graduates who "
                            + "passed the decision age before N years are not counted"},
            new String[]{"willing (to emigrate)",
                    "an attitude: the mean over graduates in Kazakhstan of the probability that the foreign places "
                            + "(taken together) beat staying when obstacles (border, distance, inertia) are left out, as a survey "
                            + "would ask it (" + WILLINGNESS_TO_EMIGRATE_SHARE.name() + ")"},
            new String[]{"intending (to emigrate)",
                    "an act this year: graduates in Kazakhstan who considered moving and chose a foreign place, before "
                            + "permits (" + INTENDING_EMIGRATION.name() + "); only part of intentions become emigration "
                            + "(" + EMIGRATION_PER_INTENTION.name() + ")"},
            new String[]{"graduates living minus own",
                    "graduates living in a region minus graduates whose home region it is (" + GRADUATE_NET_GAIN.name() + "): "
                            + "positive for regions that attract graduates from elsewhere, the stock result of all past moves"},
            new String[]{"retention of own graduates",
                    "share of the graduates whose home region it is who live there (" + RETENTION_OWN_GRADUATES.name() + ")"},
            new String[]{"graduates abroad share",
                    "graduates living abroad / all graduates (" + DOCQUIER_RAPOPORT_SHARE.name() + "), the skilled emigration rate "
                            + "of Docquier and Rapoport; bands: < 15% below the level around which it may be optimal, "
                            + "15-20% around the optimum, 20-35% harmful unless remittances, return and diaspora gains "
                            + "make up for it, > 35% harmful even with them"},
            new String[]{"95% CI",
                    "over replications: Student t for counts and money, Wilson with the effective sample size for "
                            + "shares (always inside 0-100%), Student t for paired differences; they hold the Monte Carlo "
                            + "noise and, when replications run over parameter sets (compare, experiment, hindcast, "
                            + "regions and search use the baseline's posterior draws by default), parameter uncertainty; "
                            + "not the uncertainty of the data or of the model's structure"},
            new String[]{"steady state",
                    "the mean of the last five years of a scenario's policy period, once five or more years of "
                            + "transition have passed (the period has at least ten years); \"not yet steady\" when the "
                            + "trend within those five years is clearly not zero and above a tenth of the difference "
                            + "(headline.csv: steady_state, steady_drift)"});

    private Glossary() {
    }

    /** Prints the glossary as indented plain text (the run summary). */
    public static void print(PrintStream o) {
        o.println("Glossary:");
        for (String[] e : ENTRIES) {
            o.println("  " + e[0] + ": " + e[1] + ".");
        }
    }
}
