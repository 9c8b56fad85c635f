package kz.kosh.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtilities;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sensitivity indices of an experiment whose sweep design is {@code morris} or {@code saltelli}
 * (kz.kosh.experiment.ExperimentSpec), computed from the experiment's outputs (summary.csv: the
 * Monte Carlo mean of each design point; design.csv: the points). Each output indicator is the
 * mean over the years of a period of one indicator at one place (the national total or a
 * region); per parameter: Morris mu, mu*, sigma (kz.kosh.calibration.MorrisEffects), or Sobol
 * first-order and total indices with bootstrap 95% intervals (kz.kosh.calibration.SobolIndices).
 * Writes sensitivity.csv (indicator, parameter, measure, value, ci_low, ci_high) and
 * charts/sensitivity-&lt;indicator&gt;.png (bars of mu* or ST). Used by {@code kosh sensitivity}
 * and by {@code kosh experiment} when the design is morris or saltelli (one code path).
 */
public final class Sensitivity {
    private Sensitivity() {
    }

    /** The sweep of an experiment file: design name, parameter paths and ranges, Saltelli base points. */
    public record Sweep(String design, List<String> paths, List<double[]> ranges, int basePoints) {
        public boolean indexed() {
            return design.equals("morris") || design.equals("saltelli");
        }
    }

    /** An output indicator: an indicator at a place, averaged over the period. */
    public record Output(String id, String indicator, String place, String label) {
    }

    /** One row of sensitivity.csv. */
    public record Row(String output, String parameter, String measure, double value, double ciLow, double ciHigh) {
    }

    /** The default outputs: brain drain nationally and the retention of four regions' own graduates. */
    public static final List<Output> OUTPUTS = List.of(
            new Output("emigration", "emigration", "KZ", "graduate emigration (persons a year)"),
            new Output("emigration_rate", "emigration_rate", "KZ", "graduate emigration rate"),
            new Output("first_job_abroad_share", "first_job_abroad_share", "KZ", "share of new graduates whose first job is abroad"),
            new Output("first_job_abroad_self_paid", "first_job_abroad_share_self-paid", "KZ", "first job abroad of self-paid graduates of foreign universities"),
            new Output("bolashak_nonreturn_share", "bolashak_nonreturn_share", "KZ", "Bolashak first job abroad"),
            new Output("willingness_to_emigrate_share", "willingness_to_emigrate_share", "KZ", "willingness to emigrate"),
            new Output("docquier_rapoport_share", "docquier_rapoport_share", "KZ", "graduates abroad / all graduates (Docquier-Rapoport)"),
            new Output("students_abroad", "students_abroad", "KZ", "students abroad"),
            new Output("retention_almaty", "retention_own_graduates", "KZ-75", "retention of Almaty city's own graduates"),
            new Output("retention_astana", "retention_own_graduates", "KZ-71", "retention of Astana's own graduates"),
            new Output("retention_atyrau", "retention_own_graduates", "KZ-23", "retention of Atyrau's own graduates"),
            new Output("retention_turkistan", "retention_own_graduates", "KZ-61", "retention of Turkistan's own graduates"));

    /** The sweep of an experiment file, or null when it has none. */
    public static Sweep sweepOf(Path experimentFile) {
        List<String> problems = new ArrayList<>();
        JsonNode root = ScenarioLoader.readFile(experimentFile, problems);
        if (root == null) {
            throw new ScenarioException(problems.isEmpty() ? List.of(experimentFile + ": cannot read") : problems);
        }
        JsonNode sw = root.get("sweep");
        if (sw == null) {
            return null;
        }
        List<String> paths = new ArrayList<>();
        List<double[]> ranges = new ArrayList<>();
        for (JsonNode p : sw.path("parameters")) {
            paths.add(p.path("path").asText());
            ranges.add(new double[]{p.path("min").asDouble(), p.path("max").asDouble()});
        }
        return new Sweep(sw.path("design").asText(), paths, ranges, sw.path("points").asInt(0));
    }

    /** Short name of a parameter path (its last part). */
    static String shortName(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /**
     * Computes the indices from an experiment directory's summary.csv and design.csv for the
     * outputs averaged over [from, to] (null: all recorded years) and writes sensitivity.csv and
     * the charts there.
     */
    public static List<Row> analyse(Path dir, Sweep sweep, List<Output> outputs, Integer from, Integer to) {
        if (!sweep.indexed()) {
            throw new IllegalArgumentException("sensitivity indices need a morris or saltelli sweep design, not '" + sweep.design() + "'");
        }
        List<String> points = designPoints(dir);
        Map<String, double[]> sums = new HashMap<>();
        Map<String, String> outputOf = new HashMap<>();
        for (Output o : outputs) {
            outputOf.put(o.indicator() + "|" + o.place(), o.id());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            index.put(points.get(i), i);
        }
        try (var lines = Files.lines(dir.resolve("summary.csv"))) {
            var it = lines.iterator();
            List<String> header = List.of(it.next().split(","));
            int cs = header.indexOf("scenario");
            int cy = header.indexOf("year");
            int ci = header.indexOf("indicator");
            int cp = header.indexOf("place");
            int cm = header.indexOf("mean");
            while (it.hasNext()) {
                String[] f = it.next().split(",", -1);
                String id = outputOf.get(f[ci] + "|" + f[cp]);
                Integer pt = index.get(f[cs]);
                if (id == null || pt == null) {
                    continue;
                }
                int year = Integer.parseInt(f[cy]);
                if ((from != null && year < from) || (to != null && year > to)) {
                    continue;
                }
                double v = f[cm].isEmpty() || f[cm].equals("NA") ? Double.NaN : Double.parseDouble(f[cm]);
                if (!Double.isFinite(v)) {
                    continue;
                }
                double[] s = sums.computeIfAbsent(id + "|" + pt, x -> new double[2]);
                s[0] += v;
                s[1]++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("summary.csv"), e);
        }
        List<double[]> values = pointValues(dir, points, sweep.paths());
        List<Row> rows = new ArrayList<>();
        for (Output o : outputs) {
            double[] y = new double[points.size()];
            boolean complete = true;
            for (int i = 0; i < y.length; i++) {
                double[] s = sums.get(o.id() + "|" + i);
                y[i] = s == null ? Double.NaN : s[0] / s[1];
                complete &= s != null;
            }
            if (!complete) {
                continue; // an indicator the runs do not carry (e.g. a region without graduates)
            }
            rows.addAll(indices(o.id(), sweep, values, y));
        }
        write(dir, rows, sweep, outputs);
        return rows;
    }

    /**
     * After an experiment: when the file's sweep is morris or saltelli, computes and writes the
     * indices in its directory and prints the top parameters per output; otherwise nothing.
     */
    public static List<Row> report(Path experimentFile, Path dir, Integer from, Integer to, java.io.PrintStream o) {
        Sweep sweep = sweepOf(experimentFile);
        if (sweep == null || !sweep.indexed()) {
            return List.of();
        }
        List<Row> rows = analyse(dir, sweep, OUTPUTS, from, to);
        String m = rankMeasure(sweep);
        o.println("Sensitivity (" + (m.equals("mu_star") ? "Morris mu*" : "Sobol total index ST") + ", largest first; "
                + dir.resolve("sensitivity.csv") + "):");
        for (Output out : OUTPUTS) {
            List<Row> r = ranked(rows, out.id(), m);
            if (r.isEmpty()) {
                continue;
            }
            StringBuilder sb = new StringBuilder("  ").append(out.id()).append(':');
            for (int i = 0; i < Math.min(3, r.size()); i++) {
                sb.append(' ').append(shortName(r.get(i).parameter())).append(' ').append(num(r.get(i).value()).trim());
            }
            o.println(sb);
        }
        return rows;
    }

    /** Indices of one output over the design points (model outputs y in design order). */
    public static List<Row> indices(String output, Sweep sweep, List<double[]> points, double[] y) {
        List<Row> rows = new ArrayList<>();
        int k = sweep.paths().size();
        if (sweep.design().equals("morris")) {
            MorrisEffects.Effects e = MorrisEffects.analyse(points, y, sweep.ranges());
            for (int i = 0; i < k; i++) {
                String p = sweep.paths().get(i);
                rows.add(new Row(output, p, "mu", e.mu()[i], Double.NaN, Double.NaN));
                rows.add(new Row(output, p, "mu_star", e.muStar()[i], Double.NaN, Double.NaN));
                rows.add(new Row(output, p, "sigma", e.sigma()[i], Double.NaN, Double.NaN));
            }
        } else {
            int n = y.length / (k + 2);
            if (n * (k + 2) != y.length) {
                throw new IllegalArgumentException("a saltelli design of " + k + " parameters has N(k + 2) points, got " + y.length);
            }
            double[] fA = java.util.Arrays.copyOfRange(y, 0, n);
            double[] fB = java.util.Arrays.copyOfRange(y, n, 2 * n);
            double[][] fAB = new double[k][];
            for (int i = 0; i < k; i++) {
                fAB[i] = java.util.Arrays.copyOfRange(y, (2 + i) * n, (3 + i) * n);
            }
            SobolIndices.Indices s = SobolIndices.analyse(fA, fB, fAB, 1000, 1);
            for (int i = 0; i < k; i++) {
                String p = sweep.paths().get(i);
                rows.add(new Row(output, p, "S1", s.first()[i], s.firstLow()[i], s.firstHigh()[i]));
                rows.add(new Row(output, p, "ST", s.total()[i], s.totalLow()[i], s.totalHigh()[i]));
            }
        }
        return rows;
    }

    /** The design points' scenario names in design order (design.csv). */
    static List<String> designPoints(Path dir) {
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("design.csv")).subList(1, Files.readAllLines(dir.resolve("design.csv")).size())) {
                String s = line.split(",", -1)[0];
                if (!names.contains(s)) {
                    names.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("design.csv") + " (an experiment with a sweep writes it)", e);
        }
        return names;
    }

    private static List<double[]> pointValues(Path dir, List<String> points, List<String> paths) {
        Map<String, double[]> v = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(dir.resolve("design.csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                int i = paths.indexOf(f[1]);
                if (i >= 0) {
                    v.computeIfAbsent(f[0], x -> new double[paths.size()])[i] = Double.parseDouble(f[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("design.csv"), e);
        }
        List<double[]> out = new ArrayList<>();
        for (String p : points) {
            out.add(v.get(p));
        }
        return out;
    }

    private static void write(Path dir, List<Row> rows, Sweep sweep, List<Output> outputs) {
        StringBuilder sb = new StringBuilder("indicator,parameter,measure,value,ci_low,ci_high\n");
        for (Row r : rows) {
            sb.append(r.output()).append(',').append(r.parameter()).append(',').append(r.measure()).append(',')
                    .append(num(r.value())).append(',').append(num(r.ciLow())).append(',').append(num(r.ciHigh())).append('\n');
        }
        try {
            kz.kosh.output.OutputPaths.write(dir.resolve("sensitivity.csv"), sb.toString());
            for (Output o : outputs) {
                chart(dir.resolve("charts").resolve("sensitivity-" + o.id() + ".png"), o, rows, sweep);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("sensitivity.csv"), e);
        }
    }

    /** The measure a chart and the document rank by: mu* (Morris) or ST (Sobol). */
    static String rankMeasure(Sweep sweep) {
        return sweep.design().equals("morris") ? "mu_star" : "ST";
    }

    private static void chart(Path file, Output o, List<Row> rows, Sweep sweep) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String main = rankMeasure(sweep);
        String second = sweep.design().equals("morris") ? "sigma" : "S1";
        boolean any = false;
        for (Row r : ranked(rows, o.id(), main)) {
            data.addValue(r.value(), main.equals("mu_star") ? "mu* (mean |elementary effect|)" : "ST (total index)", shortName(r.parameter()));
            data.addValue(value(rows, o.id(), r.parameter(), second), second.equals("sigma") ? "sigma (sd of elementary effects)"
                    : "S1 (first-order index)", shortName(r.parameter()));
            any = true;
        }
        if (!any) {
            return;
        }
        String unit = main.equals("mu_star") ? "change of the indicator per full range of the parameter" : "share of the output variance";
        JFreeChart chart = ChartFactory.createBarChart(o.label() + " (" + o.id() + ")", null, unit, data,
                PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer br = (BarRenderer) plot.getRenderer();
        br.setBarPainter(new StandardBarPainter());
        br.setSeriesPaint(0, new Color(0x1F77B4));
        br.setSeriesPaint(1, new Color(0xBBBBBB));
        int height = Math.max(400, 60 * sweep.paths().size() + 150);
        kz.kosh.output.OutputPaths.write(file, out -> ChartUtilities.writeChartAsPNG(out, chart, 900, height));
    }

    /** The rows of one output and measure, largest value first. */
    public static List<Row> ranked(List<Row> rows, String output, String measure) {
        return rows.stream().filter(r -> r.output().equals(output) && r.measure().equals(measure))
                .sorted((a, b) -> Double.compare(Math.abs(b.value()), Math.abs(a.value()))).toList();
    }

    static double value(List<Row> rows, String output, String parameter, String measure) {
        return rows.stream().filter(r -> r.output().equals(output) && r.parameter().equals(parameter) && r.measure().equals(measure))
                .mapToDouble(Row::value).findFirst().orElse(Double.NaN);
    }

    static String num(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.6g", x) : "";
    }
}
