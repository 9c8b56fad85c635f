package kz.kosh.experiment.report;

import kz.kosh.experiment.report.Headline.Measure;
import kz.kosh.experiment.report.Headline.Row;

import kz.kosh.indicator.Indicator;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of the headline: the short answer of each scenario (its leading indicators in persons
 * and KZT, {@link #answer}), the sentence and the terminal text printed by {@code compare} /
 * {@code experiment}.
 */
public final class HeadlineText {
    private HeadlineText() {
    }

    /** "2025–2045" or "2045". */
    static String period(Row r) {
        return r.fromYear() == r.toYear() ? String.valueOf(r.toYear()) : r.fromYear() + "\u2013" + r.toYear();
    }

    /** The first period-mean row of a scenario (its policy period), or the first row of any scenario. */
    static Row periodRow(List<Row> rows, String scenario) {
        for (Row r : rows) {
            if (r.scenario().equals(scenario) && r.measure() == Measure.PERIOD_MEAN) {
                return r;
            }
        }
        return rows.get(0);
    }

    /** "m differences, about k exclude zero by chance alone": the period-mean family. */
    private static String chance(List<Row> rows) {
        int m = 0;
        for (Row r : rows) {
            m += r.measure() == Measure.PERIOD_MEAN && !Double.isNaN(r.pValue()) ? 1 : 0;
        }
        return String.format(java.util.Locale.ROOT, "of %d period-mean differences about %.1f would exclude zero by chance alone",
                m, FalseDiscovery.ALPHA * m);
    }

    /** Scenarios of the rows, in order. */
    static List<String> scenarios(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            if (!out.contains(r.scenario())) {
                out.add(r.scenario());
            }
        }
        return out;
    }

    private static Row find(List<Row> rows, String scenario, KeyIndicator k, Measure m) {
        for (Row r : rows) {
            if (r.scenario().equals(scenario) && r.key() == k && r.measure() == m) {
                return r;
            }
        }
        return null;
    }

    /** Above this many compared scenarios (sweeps), {@link #text} prints one line per scenario. */
    static final int MAX_BLOCKS = 4;

    /**
     * The short answer of one scenario, at most {@link Headline#MAX_LEADS} + 1 lines: a heading
     * (against what, the policy period, the replications), then one line per indicator leading
     * it ({@link Row#lead}), in persons or KZT where it counts persons or money:
     * <ul>
     * <li>a flow (persons a year, KZT a year): the difference per year over the policy period, its
     * total over the period, and the difference in the steady state ("+430 [+392; +468] persons per
     * year, +13,333 [..] persons in total 2026–2045; steady state 2041–2045: +389 [..] per year");</li>
     * <li>a stock (persons on 31 Dec): the difference in the steady state with both levels, then the
     * mean difference over the period, which includes the transition years;</li>
     * <li>a share: the same, in percentage points.</li>
     * </ul>
     * The steady state is the mean of the last five years of the period ({@link Headline.Measure#STEADY_STATE});
     * when it has not settled ({@link #settled}) the line gives the mean of those years and says "(not
     * yet steady: +D [..] per 5 years)"; a period under ten years shows the last year instead.
     * "*" marks a difference that is a discovery with the false discovery rate controlled at 5%.
     * Empty when the scenario has no rows.
     */
    public static List<String> answer(String scenario, List<Row> rows) {
        return answer(scenario, rows, List.of());
    }

    /**
     * As {@link #answer(String, List)}; with a parameter ensemble each line ends with the split of
     * its period-mean difference's variance ("[variance: 88% parameter spread, 12% seed noise]",
     * {@link VarianceSplit}).
     */
    public static List<String> answer(String scenario, List<Row> rows, List<VarianceSplit.Row> splits) {
        List<Row> leads = new ArrayList<>();
        for (Row r : rows) {
            if (r.scenario().equals(scenario) && r.lead() > 0 && r.measure() == Measure.PERIOD_MEAN) {
                leads.add(r);
            }
        }
        leads.sort(java.util.Comparator.comparingInt(Row::lead));
        if (rows.isEmpty() || !periodRow(rows, scenario).scenario().equals(scenario)) {
            return List.of();
        }
        Row any = periodRow(rows, scenario);
        List<String> out = new ArrayList<>();
        out.add(heading(any));
        for (Row mean : leads) {
            VarianceSplit.Row split = VarianceSplit.find(splits, scenario, mean.key(), Measure.PERIOD_MEAN);
            // only a split that could be made: "no split" (too few replications per set) stays in variance.csv
            String phrase = split == null || VarianceSplit.phrase(split).startsWith("no ") ? "" : VarianceSplit.phrase(split);
            Row steady = find(rows, scenario, mean.key(), Measure.STEADY_STATE);
            out.add("  " + line(mean, find(rows, scenario, mean.key(), Measure.PERIOD_TOTAL),
                    steady != null && steady.n() > 0 ? steady : find(rows, scenario, mean.key(), Measure.LAST_YEAR),
                    find(rows, scenario, mean.key(), Measure.STEADY_DRIFT))
                    + (phrase.isEmpty() ? "" : " [variance: " + phrase.replaceFirst(" \\(.*", "") + "]"));
        }
        if (leads.isEmpty()) {
            out.add("  no indicator in persons or KZT changes; the full table is in the report");
        }
        return out;
    }

    /** What a share of no graduates says instead of a number (its row has n = 0, NA in headline.csv). */
    static final String NOT_DEFINED = "n/a (no graduates of this kind)";

    /** "no-bolashak-obligation against baseline, policy period 2026–2045, 95% CI over 10 paired replications:". */
    static String heading(Row r) {
        return r.scenario() + " against " + r.reference() + ", policy period " + period(r) + ", 95% CI over " + r.n()
                + " paired replication" + (r.n() == 1 ? "" : "s") + ":";
    }

    /** One line of {@link #answer} for the period-mean row of an indicator and its total and last-year rows. */
    static String line(Row mean, Row total, Row last) {
        return line(mean, total, last, null);
    }

    /**
     * One line of {@link #answer}: the period mean (per year for flows), the total over the period
     * (flows), and the end: the steady state (or, from an older headline.csv, the last year); with
     * its drift row, a steady state that has not settled ({@link #settled}) says so and by how much
     * it still changes against the years before it.
     */
    static String line(Row mean, Row total, Row end, Row drift) {
        KeyIndicator k = mean.key();
        String persons = mean.inPersonsOrKzt() && !Indicator.KZT.equals(k.unit()) ? " persons" : "";
        StringBuilder sb = new StringBuilder(k.shortLabel()).append(": ");
        if (mean.n() == 0) {
            return sb.append(NOT_DEFINED).toString();
        }
        if (k.isFlow()) {
            sb.append(signedInterval(mean)).append(persons).append(" per year").append(mark(mean));
            if (total != null) {
                sb.append(", ").append(signedInterval(total)).append(persons).append(" in total ").append(period(mean))
                        .append(mark(total));
            }
            if (end != null && end.n() > 0 && end.measure() == Measure.STEADY_STATE) {
                sb.append("; ").append(endLabel(end, drift)).append(": ").append(signedInterval(end)).append(" per year")
                        .append(mark(end)).append(driftNote(end, drift));
            } else if (end != null && end.n() > 0) {
                sb.append("; ").append(signedInterval(end)).append(" in ").append(end.toYear()).append(mark(end));
            }
            return sb.toString();
        }
        Row e = end == null || end.n() == 0 ? mean : end;
        String note = driftNote(e, drift);
        sb.append(signedInterval(e)).append(persons).append(e == mean ? " on average " + period(mean)
                        : e.measure() != Measure.STEADY_STATE ? " in " + e.toYear()
                        : note.isEmpty() ? " in the steady state " + period(e) : " on average " + period(e))
                .append(mark(e)).append(" (").append(plainLevel(e, true)).append(" \u2192 ").append(plainLevel(e, false))
                .append(note.isEmpty() ? "" : "; " + note.substring(2, note.length() - 1)).append(')');
        if (e != mean) {
            sb.append("; ").append(signedInterval(mean)).append(" on average ").append(period(mean)).append(mark(mean));
        }
        return sb.toString();
    }

    /** "steady state 2041–2045" (settled or unknown) or "2041–2045" (not settled) for a steady-state row. */
    private static String endLabel(Row end, Row drift) {
        return (settled(end, drift) ? "steady state " : "") + period(end);
    }

    /** " (not yet steady: +D [..] per 5 years)" for a steady state that has not settled; else "". */
    private static String driftNote(Row end, Row drift) {
        if (end.measure() != Measure.STEADY_STATE || settled(end, drift)) {
            return "";
        }
        return " (not yet steady: " + signedInterval(drift) + " per " + Headline.STEADY_YEARS + " years)";
    }

    /**
     * A steady state has settled when its drift (the trend within the window, times its length) is
     * within the noise (its 95% interval includes 0) or at most {@link #SETTLED_DRIFT} of the
     * steady-state difference; without a drift row (an older headline.csv) it is taken as settled.
     */
    static boolean settled(Row steady, Row drift) {
        if (drift == null || drift.n() == 0 || Double.isNaN(drift.difference())) {
            return true;
        }
        boolean withinNoise = !(drift.differenceLo() > 0 || drift.differenceHi() < 0);
        return withinNoise || Math.abs(drift.difference()) <= SETTLED_DRIFT * Math.abs(steady.difference());
    }

    /** The largest drift of a settled steady state, as a fraction of its difference. */
    static final double SETTLED_DRIFT = 0.1;

    private static String signedInterval(Row r) {
        return Formats.interval(r.key().indicator(), r.difference(), r.differenceLo(), r.differenceHi(), true);
    }

    private static String plainLevel(Row r, boolean reference) {
        return Formats.interval(r.key().indicator(), reference ? r.referenceMean() : r.mean(), Double.NaN, Double.NaN,
                false);
    }

    private static String mark(Row r) {
        return r.discovery() ? " *" : "";
    }

    /**
     * The headline as plain text for the terminal: the short {@link #answer} of each scenario, then
     * one legend; with more than {@link #MAX_BLOCKS} scenarios (sweeps) the first leading line of
     * each. Every key indicator, with the levels, is in headline.csv and the report.
     */
    public static String text(List<Row> rows) {
        return text(rows, List.of());
    }

    /**
     * As {@link #text(List)}; with a parameter ensemble ({@code splits} not empty) a note that the
     * intervals include parameter uncertainty (the split of each variance is in variance.csv and
     * the report).
     */
    public static String text(List<Row> rows, List<VarianceSplit.Row> splits) {
        StringBuilder sb = new StringBuilder();
        List<String> scenarios = scenarios(rows);
        boolean many = scenarios.size() > MAX_BLOCKS;
        if (many) {
            sb.append("Answer (paired differences to the reference, 95% CI in brackets; the report has the tables):\n");
        }
        for (String s : scenarios) {
            List<String> lines = answer(s, rows, splits);
            if (lines.isEmpty()) {
                continue;
            }
            if (many) {
                sb.append("  ").append(s).append(": ").append(lines.size() > 1 ? lines.get(1).trim() : "no change").append('\n');
                continue;
            }
            sb.append("Answer: ");
            for (String l : lines) {
                sb.append(l).append('\n');
            }
        }
        sb.append("(* significant with the false discovery rate controlled at 5% over all key indicators x scenarios "
                + "compared, Benjamini-Hochberg; ").append(chance(rows)).append(". Every key indicator with its levels: "
                + "headline.csv and the report.)\n");
        if (!splits.isEmpty()) {
            sb.append("(replications ran over parameter sets: each interval includes parameter uncertainty; "
                    + "[variance: ...] splits a difference's variance, a one-way random-effects ANOVA over the sets, "
                    + "variance.csv)\n");
        }
        return sb.toString().replace(Formats.MINUS, "-");
    }
}
