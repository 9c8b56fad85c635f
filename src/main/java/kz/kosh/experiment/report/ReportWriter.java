package kz.kosh.experiment.report;

import kz.kosh.indicator.CoreIndicators;
import kz.kosh.experiment.report.ExperimentData.Cell;
import kz.kosh.experiment.report.ExperimentData.Diff;
import kz.kosh.output.Indicators;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes {@code report.html} and {@code charts/*.png} of a finished Monte Carlo experiment from
 * its summary.csv, differences.csv and manifest.json.
 *
 * <p>The HTML is self-contained apart from the PNG files (inline CSS, relative links, UTF-8) and
 * deterministic: the same inputs give the same bytes (no timestamps). Indicators that an
 * experiment did not produce are left out with a note; a chart that cannot be drawn is left out
 * with a note rather than failing the report.
 */
public final class ReportWriter {
    /** Charts show at most this many scenarios (the reference and the first others); the table shows all. */
    static final int MAX_CHART_SCENARIOS = 10;

    static final String CHART_DIR = "charts";
    static final List<String> CHART_FILES = List.of("emigration.png", "nonreturn_by_programme.png",
            "regional_retention.png", "destination_shares.png", "fiscal_loss.png");

    static final String DIFFERENCE_PREFIX = "difference_";

    private static final Pattern REGION = Pattern.compile("KZ-\\d+");
    private static final String NATIONAL = ExperimentData.NATIONAL;

    private static final List<String> FUNDING_ORDER = List.of("self-paid", "state-grant", "bolashak", "academic-mobility");
    private static final Map<String, String> FUNDING_LABELS = Map.of("self-paid", "Self-paid", "state-grant",
            "State grant", "bolashak", "Bolashak", "academic-mobility", "Academic mobility");
    private static final List<String> TRAILING_DESTINATIONS = List.of("EU", "ROW");

    private ReportWriter() {
    }

    /** A chart written to charts/, with its caption. */
    private record Figure(String file, String alt, String caption) {
    }

    /**
     * Reads the experiment in {@code experimentDir} and writes report.html and charts/ there.
     *
     * @throws UncheckedIOException when summary.csv is missing or a file cannot be read or written
     * @throws IllegalArgumentException when a CSV file lacks a required column
     */
    public static void write(Path experimentDir) {
        ExperimentData d = ExperimentData.read(experimentDir);
        List<String> notes = new ArrayList<>(d.notes);
        Path chartDir = experimentDir.resolve(CHART_DIR);
        try {
            Files.createDirectories(chartDir);
            for (String f : CHART_FILES) {
                Files.deleteIfExists(chartDir.resolve(f)); // no stale chart from an earlier report
            }
            try (var old = Files.newDirectoryStream(chartDir, DIFFERENCE_PREFIX + "*.png")) {
                for (Path f : old) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + chartDir, e);
        }
        List<String> chartScenarios = chartScenarios(d);
        if (chartScenarios.size() < d.scenarios.size()) {
            notes.add("Charts show " + chartScenarios.size() + " of the " + d.scenarios.size()
                    + " scenarios (the reference and the first " + (chartScenarios.size() - 1)
                    + " others); the table and the CSV files have all of them.");
        }
        List<Figure> figures = new ArrayList<>();
        List<Figure> differenceFigures = new ArrayList<>();
        if (d.reportYear() != null && d.hasDifferences) {
            for (KeyIndicator k : KeyIndicator.values()) {
                if (k.national() && d.hasIndicator(k.indicator(), NATIONAL)) {
                    String file = DIFFERENCE_PREFIX + k.indicator() + ".png";
                    addFigure(differenceFigures, notes, chartDir, file,
                            () -> differenceChart(d, chartScenarios, chartDir, k, file));
                }
            }
        }
        if (d.reportYear() != null) {
            addFigure(figures, notes, chartDir, "emigration.png", () -> emigrationChart(d, chartScenarios, notes, chartDir));
            addFigure(figures, notes, chartDir, "nonreturn_by_programme.png", () -> nonreturnChart(d, chartScenarios, notes, chartDir));
            addFigure(figures, notes, chartDir, "regional_retention.png", () -> retentionChart(d, chartScenarios, notes, chartDir));
            addFigure(figures, notes, chartDir, "destination_shares.png", () -> destinationChart(d, chartScenarios, notes, chartDir));
            addFigure(figures, notes, chartDir, "fiscal_loss.png", () -> fiscalLossChart(d, chartScenarios, notes, chartDir));
        }
        String redistribution = Redistribution.csv(experimentDir, d);
        Redistribution.write(experimentDir, d);
        try (var old = Files.newDirectoryStream(chartDir, REDISTRIBUTION_PREFIX + "*.png")) {
            for (Path f : old) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + chartDir, e);
        }
        for (String s : chartScenarios) {
            if (!s.equals(d.reference)) {
                String file = REDISTRIBUTION_PREFIX + s.replaceAll("[^A-Za-z0-9._-]", "_") + ".png";
                addFigure(figures, notes, chartDir, file, () -> redistributionChart(d, s, redistribution, chartDir, file));
            }
        }
        String html = html(d, HeadlineCsv.read(experimentDir), VarianceSplit.read(experimentDir), differenceFigures, figures,
                notes).replace(WHERE_THEY_GO, whereTheyGo(d, redistribution) + RegionsSection.html(experimentDir, d));
        Path out = experimentDir.resolve("report.html");
        Path tmp = experimentDir.resolve("report.html.tmp");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }

    private interface ChartJob {
        Figure run();
    }

    private static void addFigure(List<Figure> figures, List<String> notes, Path chartDir, String file, ChartJob job) {
        try {
            Figure f = job.run();
            if (f != null) {
                figures.add(f);
            }
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(chartDir.resolve(file));
            } catch (IOException ignored) {
                // the HTML does not reference it either way
            }
            notes.add("Chart " + file + " could not be drawn: " + e);
        }
    }

    /** The reference first, then the other scenarios in experiment order, at most {@link #MAX_CHART_SCENARIOS}. */
    static List<String> chartScenarios(ExperimentData d) {
        List<String> out = new ArrayList<>();
        if (d.reference != null && d.scenarios.contains(d.reference)) {
            out.add(d.reference);
        }
        for (String s : d.scenarios) {
            if (out.size() >= MAX_CHART_SCENARIOS) {
                break;
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- charts

    private static Figure timeSeriesChart(ExperimentData d, List<String> scenarios, List<String> notes, Path chartDir,
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
    private static <T> Charts.Band band(String label, int colour, Map<Integer, T> series,
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

    private static java.text.NumberFormat chartFormat(String pattern) {
        java.text.DecimalFormatSymbols sy = new java.text.DecimalFormatSymbols(java.util.Locale.ROOT);
        sy.setGroupingSeparator(',');
        sy.setDecimalSeparator('.');
        return new java.text.DecimalFormat(pattern, sy);
    }

    private static Figure emigrationChart(ExperimentData d, List<String> scenarios, List<String> notes, Path chartDir) {
        return timeSeriesChart(d, scenarios, notes, chartDir, CoreIndicators.EMIGRATION.name(), "emigration.png",
                "Emigration of graduates from Kazakhstan", "Emigration (persons per year)", 1, "#,##0",
                "Emigration over the years by scenario",
                "Emigration of graduates (national, persons per year): mean over replications per scenario; "
                        + "the shaded band is the 95% confidence interval of the mean.");
    }

    private static Figure fiscalLossChart(ExperimentData d, List<String> scenarios, List<String> notes, Path chartDir) {
        return timeSeriesChart(d, scenarios, notes, chartDir, CoreIndicators.MOBILITY_FISCAL_LOSS_KZT.name(), "fiscal_loss.png",
                "Fiscal loss from state-funded mobility participants abroad", "Fiscal loss (million KZT)", 1e6,
                "#,##0.#", "Fiscal loss over the years by scenario",
                "Fiscal loss (mobility_fiscal_loss_kzt, million KZT): cost of state-funded academic-mobility "
                        + "participants who stay abroad; mean per scenario with the 95% confidence interval shaded.");
    }

    private static Figure nonreturnChart(ExperimentData d, List<String> scenarios, List<String> notes, Path chartDir) {
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
    private static void fill(ExperimentData d, List<String> scenarios, List<String> categories, String indicator,
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

    private static List<Integer> indexes(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    private static Figure retentionChart(ExperimentData d, List<String> scenarios, List<String> notes, Path chartDir) {
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

    private static Figure destinationChart(ExperimentData d, List<String> scenarios, List<String> notes, Path chartDir) {
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

    private static List<String> labels(ExperimentData d, List<String> scenarios) {
        return scenarios.stream().map(d::label).toList();
    }

    /**
     * The paired difference (scenario minus reference) of one key indicator over the years, one
     * line per other scenario with its 95% CI band, and a line at zero.
     */
    private static Figure differenceChart(ExperimentData d, List<String> scenarios, Path chartDir, KeyIndicator k,
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
    private static Map<String, String> names(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, String> row : ExperimentData.readResourceCsv(resource, List.of("id", "name"))) {
            out.put(row.get("id").trim(), row.get("name").trim());
        }
        return out;
    }

    // ---------------------------------------------------------------- HTML



    static String html(ExperimentData d, List<Headline.Row> headline, List<Figure> differenceFigures,
                       List<Figure> figures, List<String> notes) {
        return html(d, headline, List.of(), differenceFigures, figures, notes);
    }

    static String html(ExperimentData d, List<Headline.Row> headline, List<VarianceSplit.Row> splits,
                       List<Figure> differenceFigures, List<Figure> figures, List<String> notes) {
        StringBuilder h = new StringBuilder(16_384);
        String title = "Kosh experiment: " + d.name;
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Formats.html(title)).append("</title>\n<style>\n").append(ReportLayout.CSS)
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(Formats.html(title)).append("</h1>\n");
        h.append("<p class=\"settings\">").append(settingsLine(d)).append("</p>\n");
        h.append("<p>Scenarios: ");
        for (int i = 0; i < d.scenarios.size(); i++) {
            String s = d.scenarios.get(i);
            h.append(i > 0 ? ", " : "").append("<strong>").append(Formats.html(d.label(s))).append("</strong>");
            if (s.equals(d.reference)) {
                h.append(" (reference)");
            }
        }
        h.append(".</p>\n");

        AnswerSection.answer(h, d, headline);
        h.append(WHERE_THEY_GO);
        AnswerSection.variance(h, d, splits);
        if (!differenceFigures.isEmpty()) {
            h.append("<h2>Differences to the reference over the years</h2>\n");
            figures(h, differenceFigures);
        }

        table(h, d, notes);

        if (!figures.isEmpty()) {
            h.append("<h2>Levels by scenario</h2>\n");
            figures(h, figures);
        }

        howToRead(h, d);
        glossary(h);

        if (!notes.isEmpty()) {
            h.append("<h2>Notes</h2>\n<ul class=\"notes\">\n");
            for (String n : notes) {
                h.append("<li>").append(Formats.html(n)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<p class=\"settings\">Data: <a href=\"summary.csv\">summary.csv</a>");
        if (d.hasDifferences) {
            h.append(", <a href=\"differences.csv\">differences.csv</a>");
        }
        if (!headline.isEmpty()) {
            h.append(", <a href=\"headline.csv\">headline.csv</a>");
        }
        if (!splits.isEmpty()) {
            h.append(", <a href=\"").append(VarianceSplit.FILE).append("\">").append(VarianceSplit.FILE).append("</a>");
        }
        if (d.hasManifest) {
            h.append(", <a href=\"manifest.json\">manifest.json</a>");
        }
        h.append(".</p>\n");
        h.append("</body>\n</html>\n");
        return ReportLayout.fit(h.toString());
    }

    private static void figures(StringBuilder h, List<Figure> figures) {
        for (Figure f : figures) {
            h.append("<figure>\n<img src=\"").append(CHART_DIR).append('/').append(Formats.html(f.file()))
                    .append("\" alt=\"").append(Formats.html(f.alt())).append("\" width=\"").append(Charts.WIDTH)
                    .append("\" height=\"").append(Charts.HEIGHT).append("\">\n<figcaption>").append(f.caption())
                    .append("</figcaption>\n</figure>\n");
        }
    }

    /** What the words of the outputs mean (the same text as in the run summary). */
    private static void glossary(StringBuilder h) {
        h.append("<h2>Glossary</h2>\n<dl class=\"glossary\">\n");
        for (String[] g : kz.kosh.output.Glossary.ENTRIES) {
            h.append("<dt>").append(Formats.html(g[0])).append("</dt><dd>").append(Formats.html(g[1])).append("</dd>\n");
        }
        h.append("</dl>\n");
    }

    private static String settingsLine(ExperimentData d) {
        List<String> parts = new ArrayList<>();
        if (d.replications != null) {
            parts.add(Formats.number(d.replications, 0, false) + " replication" + (d.replications == 1 ? "" : "s"));
        }
        if (d.baseSeed != null) {
            String seeds = "base seed " + d.baseSeed;
            if (d.replications != null && d.replications > 0) {
                seeds += " (seeds " + d.baseSeed + "\u2013" + (d.baseSeed + d.replications - 1) + ")";
            }
            parts.add(seeds);
        }
        if (d.scale != null) {
            parts.add("scale " + Formats.plain(d.scale));
        }
        if (d.firstYear != null && d.lastYear != null) {
            parts.add("years " + d.firstYear + "\u2013" + d.lastYear);
        }
        return parts.isEmpty() ? "Experiment settings unknown (no manifest.json)." : Formats.html(String.join(" \u00b7 ", parts));
    }

    private static void table(StringBuilder h, ExperimentData d, List<String> notes) {
        Integer year = d.reportYear();
        h.append("<h2>Key indicators in the last year").append(year == null ? "" : ", " + year).append("</h2>\n");
        List<KeyIndicator> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (KeyIndicator k : KeyIndicator.values()) {
            if (year != null && d.hasIndicator(k.indicator(), k.place())) {
                present.add(k);
            } else {
                missing.add(k.code());
            }
        }
        if (!missing.isEmpty()) {
            notes.add(0, "Key indicator" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not in summary.csv and left out of the table.");
        }
        if (present.isEmpty()) {
            h.append("<p>No key indicators in summary.csv.</p>\n");
            return;
        }
        String ref = d.reference == null ? "the reference" : d.reference;
        TableFdr tableFdr = new TableFdr(d, present, year);
        h.append("<p>Mean over replications in ").append(year)
                .append(" with its 95% confidence interval [low; high]; for each other scenario, the difference to ")
                .append("<strong>").append(Formats.html(ref)).append("</strong>")
                .append(" paired by replication, with its 95% confidence interval. ")
                .append("Shares are in %, their differences in percentage points (pp). ")
                .append(Formats.html(tableFdr.summary())).append("</p>\n");
        h.append("<table>\n<thead><tr><th>Scenario</th><th>Mean [95% CI]</th><th>Difference to ")
                .append(Formats.html(ref)).append(" [95% CI]</th></tr></thead>\n<tbody>\n");
        for (KeyIndicator k : present) {
            h.append("<tr class=\"group\"><th colspan=\"3\">").append(Formats.html(k.label())).append(" <code>")
                    .append(Formats.html(k.code())).append("</code></th></tr>\n");
            for (String s : d.scenarios) {
                Cell c = d.cell(s, k.indicator(), k.place(), year);
                h.append("<tr><td>").append(Formats.html(d.label(s)));
                boolean isRef = s.equals(d.reference);
                if (isRef) {
                    h.append(" <span class=\"ref\">(reference)</span>");
                }
                h.append("</td><td class=\"num\">")
                        .append(c == null ? Formats.NA
                                : Formats.html(Formats.interval(k.indicator(), c.mean(), c.lo(), c.hi(), false)))
                        .append(c == null ? "" : AnswerSection.drBand(k, c.mean()))
                        .append("</td><td class=\"num\">");
                if (isRef) {
                    h.append("\u2014");
                } else {
                    Diff df = d.diff(s, k.indicator(), k.place(), year);
                    if (df == null) {
                        h.append(Formats.NA);
                    } else {
                        String text = Formats.html(Formats.interval(k.indicator(), df.mean(), df.lo(), df.hi(), true));
                        if (tableFdr.discovery(df)) {
                            h.append("<strong>").append(text).append("</strong> <span class=\"sig\">\u2713</span>");
                        } else {
                            h.append(text);
                        }
                    }
                }
                h.append("</td></tr>\n");
            }
        }
        h.append("</tbody>\n</table>\n");
    }

    static final String REDISTRIBUTION_PREFIX = "redistribution_";

    /** Changes in students and graduates living there, the 12 places with the largest changes, of one scenario. */
    private static Figure redistributionChart(ExperimentData d, String s, String redistribution, Path chartDir, String file) {
        List<Object[]> students = Redistribution.largest(redistribution, s, "students", 1000);
        List<Object[]> graduates = Redistribution.largest(redistribution, s, "graduates", 1000);
        List<String> places = new ArrayList<>();
        for (List<Object[]> l : List.of(graduates, students)) {
            for (Object[] r : l) {
                if (places.size() < 12 && !places.contains((String) r[0])) {
                    places.add((String) r[0]);
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
        List<List<Object[]>> byMeasure = List.of(students, graduates);
        for (int m = 0; m < 2; m++) {
            for (Object[] r : byMeasure.get(m)) {
                int i = places.indexOf((String) r[0]);
                if (i >= 0) {
                    mean[m][i] = (double) r[1];
                    ci[m][i] = ((double) r[3] - (double) r[2]) / 2;
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

    /** Placeholder of the "Where they go" section in {@link #html}, filled by {@link #write}. */
    static final String WHERE_THEY_GO = "<!-- where they go -->\n";

    /**
     * "Where they go": per scenario, the places whose graduate and student stocks change most in
     * the report year (regions and cities of Kazakhstan, staying home included, and destinations),
     * with 95% intervals; every place is in redistribution.csv.
     */
    static String whereTheyGo(ExperimentData d, String redistribution) {
        StringBuilder h = new StringBuilder();
        Integer year = d.reportYear();
        if (year == null || redistribution.lines().count() < 2) {
            return "";
        }
        h.append("<h2>Where they go</h2>\n<p>The places whose stocks change most in ").append(year)
                .append(", scenario minus reference, paired by replication, 95% intervals; every region, city and ")
                .append("destination (staying home included: a region's graduates who stay are counted there) and the ")
                .append("arrivals are in <code>redistribution.csv</code>, the names of the places in <code>places.csv</code>.</p>\n");
        for (String s : d.scenarios) {
            if (s.equals(d.reference)) {
                continue;
            }
            h.append("<h3>").append(Formats.html(d.label(s))).append("</h3>\n<table class=\"answer\">\n<thead><tr>")
                    .append("<th>Students (persons)</th><th class=\"num\">change</th><th>Graduates living there (persons)</th>")
                    .append("<th class=\"num\">change</th></tr></thead>\n<tbody>\n");
            List<Object[]> students = Redistribution.largest(redistribution, s, "students", 8);
            List<Object[]> graduates = Redistribution.largest(redistribution, s, "graduates", 8);
            for (int i = 0; i < Math.max(students.size(), graduates.size()); i++) {
                h.append("<tr>").append(placeCells(i < students.size() ? students.get(i) : null))
                        .append(placeCells(i < graduates.size() ? graduates.get(i) : null)).append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        return h.toString();
    }

    private static String placeCells(Object[] r) {
        if (r == null) {
            return "<td></td><td></td>";
        }
        return "<td>" + Formats.html((String) r[0]) + "</td><td class=\"num\">"
                + Formats.html(Formats.interval(CoreIndicators.GRADUATES_LIVING.name(), (double) r[1], (double) r[2], (double) r[3], true)) + "</td>";
    }

    /** The false discovery control over the differences of the key-indicator table (indicators × scenarios). */
    private static final class TableFdr {
        private final java.util.IdentityHashMap<Diff, Double> q = new java.util.IdentityHashMap<>();
        private int excluding;

        TableFdr(ExperimentData d, List<KeyIndicator> present, int year) {
            List<Diff> diffs = new ArrayList<>();
            for (KeyIndicator k : present) {
                for (String s : d.scenarios) {
                    Diff df = s.equals(d.reference) ? null : d.diff(s, k.indicator(), k.place(), year);
                    if (df != null) {
                        diffs.add(df);
                    }
                }
            }
            double[] p = new double[diffs.size()];
            for (int i = 0; i < p.length; i++) {
                Diff df = diffs.get(i);
                p[i] = FalseDiscovery.pValue(df.mean(), df.lo(), df.hi(), df.n());
                excluding += df.excludesZero() ? 1 : 0;
            }
            double[] adjusted = FalseDiscovery.adjust(p);
            for (int i = 0; i < p.length; i++) {
                q.put(diffs.get(i), adjusted[i]);
            }
        }

        boolean discovery(Diff df) {
            Double v = q.get(df);
            return v != null && FalseDiscovery.discovery(v);
        }

        String summary() {
            int discoveries = 0;
            int known = 0;
            for (double v : q.values()) {
                known += Double.isNaN(v) ? 0 : 1;
                discoveries += FalseDiscovery.discovery(v) ? 1 : 0;
            }
            return FalseDiscovery.summary(known, excluding, discoveries);
        }
    }

    private static void howToRead(StringBuilder h, ExperimentData d) {
        String seed = d.baseSeed == null ? "base" : String.valueOf(d.baseSeed);
        h.append("<h2>How to read</h2>\n<p>Each scenario was simulated ")
                .append(d.replications == null ? "several" : Formats.number(d.replications, 0, false))
                .append(" times (replications), each with its own random seed. ")
                .append("The replications use <em>common random numbers</em>: replication r of every scenario uses seed ")
                .append(Formats.html(seed)).append(" + r, so scenarios meet the same chance events and differ only by ")
                .append("their settings. Differences to the reference are therefore <em>paired</em>: computed within ")
                .append("each replication, then averaged, which makes them much more precise than comparing two ")
                .append("separate means.</p>\n<p>A value such as <code>2,310 [2,250; 2,370]</code> is the mean over ")
                .append("replications and the 95% confidence interval of that mean (Student t). A difference marked ")
                .append("<span class=\"sig\">\u2713</span> is unlikely to be simulation noise even among the many ")
                .append("differences shown (false discovery rate controlled at 5%, Benjamini\u2013Hochberg); an ")
                .append("unmarked one may be. The intervals measure Monte Carlo uncertainty only, not uncertainty in ")
                .append("the model's parameters, data or structure. Counts are persons at full population scale; ")
                .append("shares are percentages; money is in millions (m) or billions (bn) of tenge (KZT).</p>\n");
    }
}
