package kz.kosh.cli;

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
        row(o, r, years, "students_abroad", "students abroad", false);
        row(o, r, years, "students_abroad@RU", "  of whom in Russia", false);
        row(o, r, years, "new_graduates", "new graduates", false);
        row(o, r, years, "first_job_abroad", "first jobs abroad (all new graduates)", false);
        row(o, r, years, "emigration", "emigration of graduates (yearly moves)", false);
        row(o, r, years, "graduate_departures_total", "emigration + first jobs abroad after study in KZ", false);
        row(o, r, years, "returns", "returns of graduates", false);
        row(o, r, years, "internal_moves", "internal moves of graduates", false);
        row(o, r, years, "emigration_rate", "emigration rate of graduates in KZ", true);
        row(o, r, years, "docquier_rapoport_share", "graduates abroad / all graduates", true);
        row(o, r, years, "willingness_to_emigrate_share", "share of graduates in KZ willing to emigrate", true);
        row(o, r, years, "intending_emigration_share", "share of graduates in KZ intending it this year", true);
        row(o, r, years, "graduate_net_gain@KZ-75", "graduates living minus own: Almaty", false);
        row(o, r, years, "graduate_net_gain@KZ-71", "graduates living minus own: Astana", false);
        row(o, r, years, "graduate_net_gain@KZ-23", "graduates living minus own: Atyrau", false);
        row(o, r, years, "graduate_net_gain@KZ-61", "graduates living minus own: Turkistan", false);
        row(o, r, years, "retention_own_graduates@KZ-23", "retention of own graduates: Atyrau", true);
        row(o, r, years, "retention_own_graduates@KZ-47", "retention of own graduates: Mangystau", true);
        row(o, r, years, "retention_own_graduates@KZ-61", "retention of own graduates: Turkistan", true);
        row(o, r, years, "bolashak_nonreturn_share", "Bolashak graduates: first job abroad", true);
        int n = run.nonReturnYearsAfterGraduation();
        row(o, r, years, "nonreturn_share_bolashak", "Bolashak graduates abroad " + n + " years after graduating", true);
        row(o, r, years, "nonreturn_share_state-grant", "state-grant graduates abroad " + n + " years after graduating", true);
        row(o, r, years, "retention_home_share", "graduates living in their home region", true);
        row(o, r, years, "retention_megacity_share", "  in another megacity", true);
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
        Double v = m == null ? null : m.get("docquier_rapoport_share");
        if (v == null) {
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
        if (share) {
            double pct = 100 * v;
            String f = pct == 0 || Math.abs(pct) >= 10 ? "%9.1f%%" : Math.abs(pct) >= 1 ? "%9.2f%%" : "%9.3f%%";
            return String.format(java.util.Locale.ROOT, f, pct);
        }
        return String.format(java.util.Locale.ROOT, "%,10.0f", v);
    }

    private static void row(PrintStream o, HeadlessRun.Result r, List<Integer> years, String key, String label,
                            boolean share) {
        o.printf("%-48s", label);
        for (int y : years) {
            Map<String, Double> m = key.contains("@") ? r.byPlace().get(y) : r.national().get(y);
            Double v = m == null ? null : m.get(key);
            if (v == null) {
                o.printf("%10s", "-");
            } else {
                o.print(cell(v, share));
            }
        }
        o.println();
    }
}
