package kz.kosh.experiment.report;

import kz.kosh.indicator.CoreIndicators;
import kz.kosh.experiment.report.ExperimentData.Cell;
import kz.kosh.experiment.report.ExperimentData.Diff;
import kz.kosh.output.Indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    private static final String NATIONAL = ExperimentData.NATIONAL;


    private ReportWriter() {
    }

    /** A chart written to charts/, with its caption. */
    record Figure(String file, String alt, String caption) {
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
                            () -> ReportCharts.differenceChart(d, chartScenarios, chartDir, k, file));
                }
            }
        }
        if (d.reportYear() != null) {
            addFigure(figures, notes, chartDir, "emigration.png", () -> ReportCharts.emigrationChart(d, chartScenarios, notes, chartDir));
            addFigure(figures, notes, chartDir, "nonreturn_by_programme.png", () -> ReportCharts.nonreturnChart(d, chartScenarios, notes, chartDir));
            addFigure(figures, notes, chartDir, "regional_retention.png", () -> ReportCharts.retentionChart(d, chartScenarios, notes, chartDir));
            addFigure(figures, notes, chartDir, "destination_shares.png", () -> ReportCharts.destinationChart(d, chartScenarios, notes, chartDir));
            addFigure(figures, notes, chartDir, "fiscal_loss.png", () -> ReportCharts.fiscalLossChart(d, chartScenarios, notes, chartDir));
        }
        List<Redistribution.Place> redistribution = Redistribution.rows(experimentDir, d);
        Redistribution.write(experimentDir, redistribution);
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
                addFigure(figures, notes, chartDir, file, () -> ReportCharts.redistributionChart(d, s, redistribution, chartDir, file));
            }
        }
        String html = html(d, HeadlineCsv.read(experimentDir), VarianceSplit.read(experimentDir), differenceFigures, figures,
                notes).replace(WHERE_THEY_GO, whereTheyGo(d, redistribution) + RegionsSection.html(experimentDir, d))
                .replace(AnswerSection.REGIONS_LINE, RegionsSection.line(experimentDir, d));
        for (String s : d.scenarios) {
            html = html.replace(AnswerSection.whereLine(s), AnswerSection.whereTheyGo(d, redistribution, s));
        }
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

    // ---------------------------------------------------------------- HTML (the charts: ReportCharts)

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

        h.append(AnswerSection.REGIONS_LINE);
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

    /** Placeholder of the "Where they go" section in {@link #html}, filled by {@link #write}. */
    static final String WHERE_THEY_GO = "<!-- where they go -->\n";

    /**
     * "Where they go": per scenario, the places whose graduate and student stocks change most in
     * the report year (regions and cities of Kazakhstan, staying home included, and destinations),
     * with 95% intervals; every place is in redistribution.csv.
     */
    static String whereTheyGo(ExperimentData d, List<Redistribution.Place> redistribution) {
        StringBuilder h = new StringBuilder();
        Integer year = d.reportYear();
        if (year == null || redistribution.isEmpty()) {
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
            List<Redistribution.Place> students = Redistribution.largest(redistribution, s, Redistribution.STUDENTS, 8);
            List<Redistribution.Place> graduates = Redistribution.largest(redistribution, s, Redistribution.GRADUATES, 8);
            for (int i = 0; i < Math.max(students.size(), graduates.size()); i++) {
                h.append("<tr>").append(placeCells(i < students.size() ? students.get(i) : null))
                        .append(placeCells(i < graduates.size() ? graduates.get(i) : null)).append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        return h.toString();
    }

    private static String placeCells(Redistribution.Place r) {
        if (r == null) {
            return "<td></td><td></td>";
        }
        return "<td>" + Formats.html(r.name()) + "</td><td class=\"num\">"
                + Formats.html(Formats.interval(CoreIndicators.GRADUATES_LIVING.name(), r.diff().mean(), r.diff().lo(),
                r.diff().hi(), true)) + "</td>";
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
