package kz.kosh.cli;

import kz.kosh.indicator.CoreIndicators;
import kz.kosh.output.HeadlessRun;
import kz.kosh.scenario.Scenario;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The short table printed after a run. */
final class Summary {
    private Summary() {
    }

    static void print(PrintStream o, Scenario s, HeadlessRun.Result r) {
        var run = s.run();
        List<Integer> years = new ArrayList<>();
        for (int y = run.startYear(); y <= run.endYear(); y += 5) {
            years.add(y);
        }
        if (years.get(years.size() - 1) != run.endYear()) {
            years.add(run.endYear());
        }
        o.printf("Kosh run: scenario %s, seed %d, scale %s, %d-%d (+%d spin-up years)%n", s.name(), run.seed(),
                kz.kosh.output.Fmt.number(run.scale()), run.startYear(), run.endYear(), run.spinUpYears());
        o.printf("%-48s", "indicator (persons unless a share)");
        for (int y : years) {
            o.printf("%10d", y);
        }
        o.println();
        boolean na = false;
        na |= row(o, r, years, CoreIndicators.STUDENTS_ABROAD.name(), "students abroad", false);
        na |= row(o, r, years, CoreIndicators.STUDENTS_ABROAD.name() + "@RU", "  of whom in Russia", false);
        na |= row(o, r, years, CoreIndicators.NEW_GRADUATES.name(), "new graduates", false);
        na |= row(o, r, years, CoreIndicators.FIRST_JOB_ABROAD.name(), "first jobs abroad (all new graduates)", false);
        na |= row(o, r, years, CoreIndicators.EMIGRATION.name(), "emigration of graduates (yearly moves)", false);
        na |= row(o, r, years, CoreIndicators.GRADUATE_DEPARTURES_TOTAL.name(), "emigration + first jobs abroad after study in KZ", false);
        na |= row(o, r, years, CoreIndicators.RETURNS.name(), "returns of graduates", false);
        na |= row(o, r, years, CoreIndicators.INTERNAL_MOVES.name(), "internal moves of graduates", false);
        na |= row(o, r, years, CoreIndicators.EMIGRATION_RATE.name(), "emigration rate of graduates in KZ", true);
        na |= row(o, r, years, CoreIndicators.DOCQUIER_RAPOPORT_SHARE.name(), "graduates abroad / all graduates", true);
        na |= row(o, r, years, CoreIndicators.WILLINGNESS_TO_EMIGRATE_SHARE.name(), "share of graduates in KZ willing to emigrate", true);
        na |= row(o, r, years, CoreIndicators.INTENDING_EMIGRATION_SHARE.name(), "share of graduates in KZ intending it this year", true);
        // the regions that answer "which region loses most" in the last year, not a fixed list: the three
        // lowest retentions of own graduates (the headline definition), the largest net loss and gain
        String retention = CoreIndicators.RETENTION_OWN_GRADUATES.name();
        String gain = CoreIndicators.GRADUATE_NET_GAIN.name();
        Map<String, Double> last = r.byPlace().getOrDefault(run.endYear(), Map.of());
        for (String id : ranked(last, retention, s, true, 3)) {
            na |= row(o, r, years, retention + "@" + id, "retention of own graduates: " + name(s, id), true);
        }
        List<String> losses = ranked(last, gain, s, true, 1);
        List<String> gains = ranked(last, gain, s, false, 1);
        for (String id : losses) {
            na |= row(o, r, years, gain + "@" + id, "graduates living minus own: " + name(s, id), false);
        }
        for (String id : gains) {
            if (!losses.contains(id)) {
                na |= row(o, r, years, gain + "@" + id, "graduates living minus own: " + name(s, id), false);
            }
        }
        na |= row(o, r, years, CoreIndicators.BOLASHAK_FIRST_JOB_ABROAD_SHARE.name(), "Bolashak graduates: first job abroad", true);
        int n = run.nonReturnYearsAfterGraduation();
        na |= row(o, r, years, CoreIndicators.ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.of("bolashak"), "Bolashak graduates abroad " + n + " years after graduating", true);
        na |= row(o, r, years, CoreIndicators.ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.of("state-grant"), "state-grant graduates abroad " + n + " years after graduating", true);
        na |= row(o, r, years, CoreIndicators.RETENTION_HOME_SHARE.name(), "graduates living in their home region", true);
        na |= row(o, r, years, CoreIndicators.RETENTION_MEGACITY_SHARE.name(), "  in another megacity", true);
        if (na) {
            o.println("n/a: no graduates of this kind that year (the share has no denominator; NA in indicators.csv)");
        }
        o.println(drBandLine(r, run.endYear()));
        o.printf(java.util.Locale.ROOT, "Agents: %,d entered, %,d aged out, %,d in the model at the end; "
                        + "%,d agent-year decisions in %.1f s.%n",
                r.entrants(), r.agedOut(), r.agentsAlive(), r.decisions(), r.wallSeconds());
        kz.kosh.output.Glossary.print(o);
        o.println("Outputs: " + r.directory() + " (flows, stocks, indicators with units, places; docs/outputs.md)");
        o.println("Which regions lose most graduates, and to where, with CIs over replications: ./kosh regions "
                + (s.name().equals("baseline") ? "" : "FILE ") + "(the regions above are the run's lowest retentions, "
                + "largest net loss and gain in " + run.endYear() + ")");
    }

    /** "Docquier-Rapoport band in Y: graduates abroad X% of all graduates, band B (meaning)." */
    static String drBandLine(HeadlessRun.Result r, int year) {
        Map<String, Double> m = r.national().get(year);
        Double v = m == null ? null : m.get(CoreIndicators.DOCQUIER_RAPOPORT_SHARE.name());
        if (v == null || Double.isNaN(v)) {
            return "Docquier-Rapoport band: -";
        }
        String band = kz.kosh.output.Indicators.docquierRapoportBand(v);
        return String.format(java.util.Locale.ROOT, "Docquier-Rapoport band in %d: graduates abroad %.1f%% of all "
                + "graduates, band %s (%s; [N24]).", year, 100 * v, band, kz.kosh.output.Indicators.docquierRapoportMeaning(band));
    }

    /**
     * The ids of the regions and cities with the lowest ({@code ascending}) or highest value of an
     * indicator in one year's values ("indicator@place"), at most {@code n}, NaN left out.
     */
    static List<String> ranked(Map<String, Double> year, String indicator, Scenario s, boolean ascending, int n) {
        List<String> ids = new ArrayList<>();
        for (String id : s.regions().keySet()) {
            Double v = year.get(indicator + "@" + id);
            if (v != null && !Double.isNaN(v)) {
                ids.add(id);
            }
        }
        java.util.Comparator<String> byValue = java.util.Comparator.comparingDouble(id -> year.get(indicator + "@" + id));
        ids.sort(ascending ? byValue : byValue.reversed());
        return ids.size() > n ? ids.subList(0, n) : ids;
    }

    private static String name(Scenario s, String id) {
        return s.regions().get(id).name().replace(" Region", "");
    }

    /**
     * One table cell, 10 characters wide: shares as percentages with three decimals below 1% (emigration
     * rates of 0.04-0.3% stay distinguishable), two below 10% and one above; counts with thousands
     * separators.
     */
    static String cell(double v, boolean share) {
        if (Double.isNaN(v)) {
            return String.format(java.util.Locale.ROOT, "%10s", "n/a");
        }
        if (share) {
            double pct = 100 * v;
            String f = pct == 0 || Math.abs(pct) >= 10 ? "%9.1f%%" : Math.abs(pct) >= 1 ? "%9.2f%%" : "%9.3f%%";
            return String.format(java.util.Locale.ROOT, f, pct);
        }
        return String.format(java.util.Locale.ROOT, "%,10.0f", v);
    }

    /** One row of the table; true when a cell is n/a. */
    private static boolean row(PrintStream o, HeadlessRun.Result r, List<Integer> years, String key, String label,
                               boolean share) {
        boolean na = false;
        o.printf("%-48s", label);
        for (int y : years) {
            Map<String, Double> m = key.contains("@") ? r.byPlace().get(y) : r.national().get(y);
            Double v = m == null ? null : m.get(key);
            if (v == null) {
                o.printf("%10s", "-");
            } else {
                na |= Double.isNaN(v);
                o.print(cell(v, share));
            }
        }
        o.println();
        return na;
    }
}
