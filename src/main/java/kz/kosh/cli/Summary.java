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
        na |= row(o, r, years, CoreIndicators.GRADUATE_NET_GAIN.name() + "@KZ-75", "graduates living minus own: Almaty", false);
        na |= row(o, r, years, CoreIndicators.GRADUATE_NET_GAIN.name() + "@KZ-71", "graduates living minus own: Astana", false);
        na |= row(o, r, years, CoreIndicators.GRADUATE_NET_GAIN.name() + "@KZ-23", "graduates living minus own: Atyrau", false);
        na |= row(o, r, years, CoreIndicators.GRADUATE_NET_GAIN.name() + "@KZ-61", "graduates living minus own: Turkistan", false);
        na |= row(o, r, years, CoreIndicators.RETENTION_OWN_GRADUATES.name() + "@KZ-23", "retention of own graduates: Atyrau", true);
        na |= row(o, r, years, CoreIndicators.RETENTION_OWN_GRADUATES.name() + "@KZ-47", "retention of own graduates: Mangystau", true);
        na |= row(o, r, years, CoreIndicators.RETENTION_OWN_GRADUATES.name() + "@KZ-61", "retention of own graduates: Turkistan", true);
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
