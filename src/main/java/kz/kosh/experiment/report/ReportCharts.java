package kz.kosh.experiment.report;

import kz.kosh.indicator.CoreIndicators;
import kz.kosh.experiment.report.ExperimentData.Cell;
import kz.kosh.experiment.report.ExperimentData.Diff;
import kz.kosh.experiment.report.ReportWriter.Figure;
import kz.kosh.output.Indicators;
import org.jfree.chart.JFreeChart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The charts of report.html ({@link ReportWriter}): each method draws one PNG into charts/ from
 * an experiment's summary and differences and returns its {@link Figure} (file, alt text,
 * caption), or null when there is nothing to draw.
 */
final class ReportCharts {
    private static final Pattern REGION = Pattern.compile("KZ-\\d+");
    private static final String NATIONAL = ExperimentData.NATIONAL;

    private static final List<String> FUNDING_ORDER = List.of("self-paid", "state-grant", "bolashak", "academic-mobility");
    private static final Map<String, String> FUNDING_LABELS = Map.of("self-paid", "Self-paid", "state-grant",
            "State grant", "bolashak", "Bolashak", "academic-mobility", "Academic mobility");
    private static final List<String> TRAILING_DESTINATIONS = List.of("EU", "ROW");

    private ReportCharts() {
    }

    static Figure timeSeriesChart(ExperimentData d, List<String> scenarios, List<String> notes, Path chartDir,
                                          String indicator, String file, String title, String yLabel, double divisor,
                                          String yPattern, String alt, String caption) {
        if (!d.hasIndicator(indicator, NATIONAL)) {
            notes.add("Indicator " + indicator + " (national) is not in summary.csv: chart " + file + " is left out.");
            return null;
        }
        List<Charts.Band> bands = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Map<Integer, Cell> series = d.series(scenarios.get(i), indicator, NATIONAL);
            if (series.isEmpty()) {
                continue;
            }
            bands.add(band(d.label(scenarios.get(i)), i, series, Cell::mean, Cell::lo, Cell::hi, divisor));
        }
        JFreeChart chart = Charts.timeSeries(title, yLabel, bands, chartFormat(yPattern), true, false);
        Charts.save(chart, chartDir.resolve(file));
        return new Figure(file, alt, caption);
    }

    /** A chart band of a yearly series: the mean and its interval per year, divided by {@code divisor}. */
    static <T> Charts.Band band(String label, int colour, Map<Integer, T> series,
                                        java.util.function.ToDoubleFunction<T> mean, java.util.function.ToDoubleFunction<T> lo,
                                        java.util.function.ToDoubleFunction<T> hi, double divisor) {
        int n = series.size();
        double[] x = new double[n];
        double[] m = new double[n];
        double[] l = new double[n];
        double[] h = new double[n];
        int k = 0;
        for (Map.Entry<Integer, T> e : series.entrySet()) {
            x[k] = e.getKey();
            m[k] = mean.applyAsDouble(e.getValue()) / divisor;
            l[k] = lo.applyAsDouble(e.getValue()) / divisor;
            h[k] = hi.applyAsDouble(e.getValue()) / divisor;
            k++;
        }
        return new Charts.Band(label, colour, x, m, l, h);
    }

    static java.text.NumberFormat chartFormat(String pattern) {
        java.text.DecimalFormatSymbols sy = new java.text.DecimalFormatSymbols(java.util.Locale.ROOT);
        sy.setGroupingSeparator(',');
        sy.setDecimalSeparator('.');
        return new java.text.DecimalFormat(pattern, sy);
    }

    static Figure emigrationChart(ExperimentData d, List<String> scenarios, List<String> notes, Path chartDir) {
        return timeSeriesChart(d, scenarios, notes, chartDir, CoreIndicators.EMIGRATION.name(), "emigration.png",
                "Emigration of graduates from Kazakhstan", "Emigration (persons per year)", 1, "#,##0",
                "Emigration over the years by scenario",
                "Emigration of graduates (national, persons per year): mean over replications per scenario; "
                        + "the shaded band is the 95% confidence interval of the mean.");
    }

    static Figure fiscalLossChart(ExperimentData d, List<String> scenarios, List<String> notes, Path chartDir) {
        return timeSeriesChart(d, scenarios, notes, chartDir, CoreIndicators.MOBILITY_FISCAL_LOSS_KZT.name(), "fiscal_loss.png",
                "Fiscal loss from state-funded mobility participants abroad", "Fiscal loss (million KZT)", 1e6,
                "#,##0.#", "Fiscal loss over the years by scenario",
                "Fiscal loss (mobility_fiscal_loss_kzt, million KZT): cost of state-funded academic-mobility "
                        + "participants who stay abroad; mean per scenario with the 95% confidence interval shaded.");
    }

    static Figure nonreturnChart(ExperimentData d, List<String> scenarios, List<String> notes, Path chartDir) {
        int year = d.reportYear();
        List<String> indicators = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String f : FUNDING_ORDER) {
            if (d.hasIndicator(CoreIndicators.ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.of(f), NATIONAL)) {
                indicators.add(CoreIndicators.ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.of(f));
                labels.add(FUNDING_LABELS.get(f));
            }
        }
        for (String ind : d.indicators()) {
            String prefix = CoreIndicators.ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.name();
            if (ind.startsWith(prefix) && !ind.startsWith(prefix + "degree_")
                    && !indicators.contains(ind) && d.hasIndicator(ind, NATIONAL)) {
                indicators.add(ind);
                labels.add(ind.substring(prefix.length()));
            }
        }
        String caption;
        if (indicators.isEmpty()) {
            if (!d.hasIndicator(CoreIndicators.BOLASHAK_FIRST_JOB_ABROAD_SHARE.name(), NATIONAL)) {
                notes.add("Neither " + CoreIndicators.ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.name() + "<funding> nor "
                        + CoreIndicators.BOLASHAK_FIRST_JOB_ABROAD_SHARE.name() + " is in summary.csv: "
                        + "chart nonreturn_by_programme.png is left out.");
                return null;
            }
            indicators.add(CoreIndicators.BOLASHAK_FIRST_JOB_ABROAD_SHARE.name());
            labels.add("Bolashak");
            caption = "Share of Bolashak graduates whose first job is abroad ("
                    + CoreIndicators.BOLASHAK_FIRST_JOB_ABROAD_SHARE.name() + "), " + year
                    + "; whiskers: 95% confidence interval. (Non-return by funding route was not in the outputs.)";
        } else {
            caption = "Non-return by funding route, " + year + ": share of the route's graduates of N years earlier "
                    + "(run.nonReturnYearsAfterGraduation, default 5) not living in Kazakhstan "
                    + "(" + CoreIndicators.ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.name() + "&lt;route&gt;; academic mobility: former participants of any route); "
                    + "whiskers: 95% confidence interval.";
        }
        double[][] mean = new double[scenarios.size()][indicators.size()];
        double[][] ci = new double[scenarios.size()][indicators.size()];
        fill(d, scenarios, indicators, null, year, mean, ci);
        JFreeChart chart = Charts.shareBars("Graduates not living in Kazakhstan N years after graduation, " + year,
                "Funding route", "Share not living in Kazakhstan (%)", labels(d, scenarios), indexes(scenarios.size()), labels,
                mean, ci, false);
        Charts.save(chart, chartDir.resolve("nonreturn_by_programme.png"));
        return new Figure("nonreturn_by_programme.png", "Non-return by funding route and scenario", caption);
    }

    /** Fills mean and CI half-width; with place null the categories are indicators at KZ, else places of one indicator. */
    static void fill(ExperimentData d, List<String> scenarios, List<String> categories, String indicator,
                             int year, double[][] mean, double[][] ci) {
        for (int s = 0; s < scenarios.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                Cell cell = indicator == null ? d.cell(scenarios.get(s), categories.get(c), NATIONAL, year)
                        : d.cell(scenarios.get(s), indicator, categories.get(c), year);
                mean[s][c] = cell == null ? Double.NaN : cell.mean();
                ci[s][c] = cell == null ? Double.NaN : (cell.hi() - cell.lo()) / 2;
            }
        }
    }

    static List<Integer> indexes(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    static Figure retentionChart(ExperimentData d, List<String> scenarios, List<String> notes, Path chartDir) {
        int year = d.reportYear();
        String ind = CoreIndicators.RETENTION_OWN_GRADUATES.name();
        List<String> regions = new ArrayList<>();
        for (String p : d.places(ind)) {
            if (REGION.matcher(p).matches()) {
                regions.add(p);
            }
        }
        if (regions.isEmpty()) {
            notes.add("Indicator " + ind + " (by region) is not in summary.csv: chart regional_retention.png is left out.");
            return null;
        }
        String ref = scenarios.isEmpty() ? null : scenarios.get(0);
        Comparator<String> byReference = Comparator.comparingDouble((String r) -> {
            Cell c = ref == null ? null : d.cell(ref, ind, r, year);
            return c == null || Double.isNaN(c.mean()) ? Double.POSITIVE_INFINITY : -c.mean();
        }).thenComparing(Comparator.naturalOrder());
        regions.sort(byReference);
        Map<String, String> names = names("/kz/kosh/data/regions.csv");
        List<String> labels = new ArrayList<>();
        for (String r : regions) {
            labels.add(names.getOrDefault(r, r));
        }
        double[][] mean = new double[scenarios.size()][regions.size()];
        double[][] ci = new double[scenarios.size()][regions.size()];
        fill(d, scenarios, regions, ind, year, mean, ci);
        JFreeChart chart = Charts.shareBars("Retention of own graduates by region, " + year, null,
                "Graduates from the region living there (%)", labels(d, scenarios), indexes(scenarios.size()), labels, mean, ci,
                true);
        Charts.save(chart, chartDir.resolve("regional_retention.png"));
        return new Figure("regional_retention.png", "Retention of own graduates by region and scenario",
                "Retention of own graduates, " + year + ": share of graduates from each region who live there "
                        + "(retention_own_graduates), regions sorted by the reference scenario "
                        + Formats.html(ref == null ? "" : ref) + "; whiskers: 95% confidence interval.");
    }

    static Figure destinationChart(ExperimentData d, List<String> scenarios, List<String> notes, Path chartDir) {
        int year = d.reportYear();
        String ind = CoreIndicators.GRADUATES_ABROAD.name();
        List<String> dests = new ArrayList<>();
        for (String p : d.places(ind)) {
            if (!p.equals(NATIONAL) && !REGION.matcher(p).matches()) {
                dests.add(p);
            }
        }
        if (dests.isEmpty()) {
            notes.add("Indicator " + ind + " by destination is not in summary.csv: chart destination_shares.png is left out.");
            return null;
        }
        double[][] share = new double[scenarios.size()][dests.size()];
        for (int s = 0; s < scenarios.size(); s++) {
            double total = 0;
            for (int c = 0; c < dests.size(); c++) {
                Cell cell = d.cell(scenarios.get(s), ind, dests.get(c), year);
                double v = cell == null || Double.isNaN(cell.mean()) ? 0 : Math.max(0, cell.mean());
                share[s][c] = v;
                total += v;
            }
            for (int c = 0; c < dests.size(); c++) {
                share[s][c] = total > 0 ? share[s][c] / total : 0;
            }
        }
        // order: largest share in the reference first; residual groups (EU, ROW) last
        List<Integer> order = indexes(dests.size());
        order.sort(Comparator.comparingInt((Integer c) -> TRAILING_DESTINATIONS.indexOf(dests.get(c)))
                .thenComparingDouble(c -> share.length == 0 ? 0 : -share[0][c])
                .thenComparing(c -> dests.get(c)));
        List<String> codes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double[][] sorted = new double[scenarios.size()][dests.size()];
        Map<String, String> names = names("/kz/kosh/data/destinations.csv");
        for (int k = 0; k < order.size(); k++) {
            String code = dests.get(order.get(k));
            codes.add(code);
            labels.add(names.containsKey(code) ? names.get(code) + " (" + code + ")" : code);
            for (int s = 0; s < scenarios.size(); s++) {
                sorted[s][k] = share[s][order.get(k)];
            }
        }
        JFreeChart chart = Charts.stackedShares("Graduates abroad by destination, " + year, null,
                "Share of the scenario's graduates abroad (%)", labels(d, scenarios), codes, labels, sorted);
        Charts.save(chart, chartDir.resolve("destination_shares.png"));
        return new Figure("destination_shares.png", "Destinations of graduates abroad by scenario",
                "Where graduates abroad live, " + year + ": graduates_abroad by destination as a share of the "
                        + "scenario's graduates abroad (mean over replications); segments of 5% or more are labelled.");
    }

    static List<String> labels(ExperimentData d, List<String> scenarios) {
        return scenarios.stream().map(d::label).toList();
    }

    /**
     * The paired difference (scenario minus reference) of one key indicator over the years, one
     * line per other scenario with its 95% CI band, and a line at zero.
     */
    static Figure differenceChart(ExperimentData d, List<String> scenarios, Path chartDir, KeyIndicator k,
                                          String file) {
        boolean share = k.isShare();
        boolean kzt = Indicators.KZT.equals(k.unit());
        double divisor = share ? 0.01 : kzt ? 1e6 : 1;
        List<Charts.Band> bands = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            String s = scenarios.get(i);
            if (s.equals(d.reference)) {
                continue;
            }
            Map<Integer, Diff> series = d.diffSeries(s, k.indicator(), NATIONAL);
            if (series.isEmpty()) {
                continue;
            }
            bands.add(band(d.label(s), i, series, Diff::mean, Diff::lo, Diff::hi, divisor));
        }
        if (bands.isEmpty()) {
            return null;
        }
        String unit = share ? "percentage points" : kzt ? "million KZT" : k.isFlow() ? "persons per year" : "persons";
        String ref = d.reference == null ? "reference" : d.label(d.reference);
        JFreeChart chart = Charts.timeSeries("Difference to " + ref + ": " + k.shortLabel(),
                "Difference (" + unit + ")", bands, chartFormat(share ? "+#,##0.0;\u2212#,##0.0" : "+#,##0;\u2212#,##0"),
                true, true);
        Charts.save(chart, chartDir.resolve(file));
        return new Figure(file, "Difference to the reference over the years: " + k.shortLabel(),
                "Paired difference to " + Formats.html(ref) + " of " + Formats.html(k.label()) + " (<code>"
                        + Formats.html(k.indicator()) + "</code>, " + unit + "), by year: mean over replications of the "
                        + "within-replication difference; the shaded band is its 95% confidence interval. Where the "
                        + "band covers the zero line, the difference in that year is not distinguishable from noise.");
    }

    /** id → name from a classpath CSV (regions.csv, destinations.csv); empty when unavailable. */
    static Map<String, String> names(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, String> row : ExperimentData.readResourceCsv(resource, List.of("id", "name"))) {
            out.put(row.get("id").trim(), row.get("name").trim());
        }
        return out;
    }

    /** Changes in students and graduates living there, the 12 places with the largest changes, of one scenario. */
    static Figure redistributionChart(ExperimentData d, String s, List<Redistribution.Place> redistribution, Path chartDir,
                                      String file) {
        List<Redistribution.Place> students = Redistribution.largest(redistribution, s, Redistribution.STUDENTS, 1000);
        List<Redistribution.Place> graduates = Redistribution.largest(redistribution, s, Redistribution.GRADUATES, 1000);
        List<String> places = new ArrayList<>();
        for (List<Redistribution.Place> l : List.of(graduates, students)) {
            for (Redistribution.Place r : l) {
                if (places.size() < 12 && !places.contains(r.name())) {
                    places.add(r.name());
                }
            }
        }
        if (places.isEmpty()) {
            return null;
        }
        double[][] mean = new double[2][places.size()];
        double[][] ci = new double[2][places.size()];
        for (double[] m : mean) {
            java.util.Arrays.fill(m, Double.NaN);
        }
        for (double[] c : ci) {
            java.util.Arrays.fill(c, Double.NaN);
        }
        List<List<Redistribution.Place>> byMeasure = List.of(students, graduates);
        for (int m = 0; m < 2; m++) {
            for (Redistribution.Place r : byMeasure.get(m)) {
                int i = places.indexOf(r.name());
                if (i >= 0) {
                    mean[m][i] = r.diff().mean();
                    ci[m][i] = (r.diff().hi() - r.diff().lo()) / 2;
                }
            }
        }
        Charts.save(Charts.changeBars("Where they go: " + d.label(s) + " minus " + d.reference + ", " + d.reportYear(),
                "", "change (persons)", List.of("students", "graduates living there"), places, mean, ci),
                chartDir.resolve(file));
        return new Figure(file, "Change by place: " + d.label(s),
                "Where they go (" + d.label(s) + "): change in students and in graduates living in each place, "
                        + d.reportYear() + ", with 95% intervals; the 12 places that change most (regions and cities of "
                        + "Kazakhstan, staying home included, and destinations). All places: redistribution.csv.");
    }
}
