package kz.kosh.experiment.hindcast;

import kz.kosh.experiment.CellStats;
import kz.kosh.experiment.ExperimentDirectory;
import kz.kosh.experiment.ExperimentRunner;
import kz.kosh.experiment.ExperimentSpec;
import kz.kosh.experiment.IndicatorTable;
import kz.kosh.output.BuildInfo;
import kz.kosh.output.Fmt;
import kz.kosh.scenario.RunSettings;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.experiment.report.HindcastChart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code kosh hindcast}: runs a scenario over replications with the experiment runner (common
 * random numbers: replication r uses seed base + r) and compares the model's means, with 95%
 * confidence intervals over replications, with the observed yearly series the model can speak
 * to. Writes hindcast.csv (tidy comparison), hindcast-model.csv (the model's series over the run
 * window), hindcast-errors.csv (MAPE per series), a chart per series and hindcast.md, next to
 * the experiment's summary.csv and report; optionally the document and its charts elsewhere
 * (docs/hindcast.md with docs/hindcast/*.png).
 */
public final class Hindcast {
    /** Marks the start of a hand-written part of the --doc document (a reading of the run), kept when it is regenerated. */
    public static final String HAND_WRITTEN = "<!-- hand-written below: kept by kosh hindcast --doc -->";

    /** Folder of the charts next to hindcast.md (and the name of the document's chart folder by default). */
    static final String CHART_DIR = "hindcast";

    /**
     * What to run.
     *
     * @param scenarioFile scenario as given on the command line (shown in the document)
     * @param startYear    first recorded year; null: the scenario's
     * @param endYear      last recorded year; null: the scenario's, capped at the last observed year
     * @param spinUpYears  null: the scenario's
     * @param doc          where to write the document as well (charts in a folder named after it); null: only in out
     * @param ensemble     parameter sets (replication r uses set r mod K); null: the scenario's values only
     * @param targets      the calibration targets file the fitted series come from (shown in the document); null: none
     * @param fitted       per series id fitted by the calibration, which targets and years (Targets.fittedSeries)
     */
    public record Settings(Path scenarioFile, int replications, long seed, double scale, Integer startYear,
                           Integer endYear, Integer spinUpYears, int threads, Path out, Path doc, boolean overwrite,
                           boolean keepRuns, boolean progress, Path ensemble, Path targets,
                           java.util.Map<String, String> fitted) {
        public Settings {
            fitted = fitted == null ? java.util.Map.of() : java.util.Map.copyOf(fitted);
        }

        /** Without a calibration targets file: no series is marked as fitted. */
        public Settings(Path scenarioFile, int replications, long seed, double scale, Integer startYear, Integer endYear,
                        Integer spinUpYears, int threads, Path out, Path doc, boolean overwrite, boolean keepRuns,
                        boolean progress, Path ensemble) {
            this(scenarioFile, replications, seed, scale, startYear, endYear, spinUpYears, threads, out, doc, overwrite,
                    keepRuns, progress, ensemble, null, null);
        }

        /** Without a parameter ensemble. */
        public Settings(Path scenarioFile, int replications, long seed, double scale, Integer startYear, Integer endYear,
                        Integer spinUpYears, int threads, Path out, Path doc, boolean overwrite, boolean keepRuns,
                        boolean progress) {
            this(scenarioFile, replications, seed, scale, startYear, endYear, spinUpYears, threads, out, doc, overwrite,
                    keepRuns, progress, null);
        }
    }

    /** One observed year and the model there. */
    public record Row(Observed.Point observed, double mean, double ciLow, double ciHigh, long n) {
        public int year() {
            return observed.year();
        }

        public double relativeError() {
            return Errors.relative(mean, observed.value());
        }

        /** Observed value (or band) inside the model's CI, or the model mean inside the observed band. */
        public boolean overlaps() {
            if (observed.isBand()) {
                return mean >= observed.low() && mean <= observed.high();
            }
            return observed.value() >= ciLow && observed.value() <= ciHigh;
        }
    }

    /** A series' comparison: rows in the run window, points skipped, model over all recorded years. */
    public record SeriesResult(HindcastSeries series, List<Row> rows, List<Observed.Point> skipped, List<Integer> years,
                               double[] mean, double[] ciLow, double[] ciHigh, boolean modelAvailable) {
        public double mape() {
            double[] m = new double[rows.size()];
            double[] o = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                m[i] = rows.get(i).mean();
                o[i] = rows.get(i).observed().value();
            }
            return Errors.mape(m, o);
        }

        public int n() {
            int n = 0;
            for (Row r : rows) {
                if (!Double.isNaN(r.relativeError())) {
                    n++;
                }
            }
            return n;
        }
    }

    /** A finished hindcast. */
    public record Result(Path directory, Path doc, List<SeriesResult> series, int firstYear, int lastYear,
                         double wallSeconds, String gitCommit) {
    }

    private Hindcast() {
    }

    /** The experiment a hindcast runs: one scenario, the settings' replications, seeds, scale and years. */
    public static ExperimentSpec spec(Settings s) {
        ScenarioLoader.Loaded base = ScenarioLoader.load(s.scenarioFile());
        Scenario sc = base.scenario();
        RunSettings rs = sc.run();
        Integer end = s.endYear();
        if (end == null) {
            int start = s.startYear() != null ? s.startYear() : rs.startYear();
            int lastObserved = Integer.MIN_VALUE;
            for (HindcastSeries h : HindcastSeries.all(sc, Set.of())) {
                for (Observed.Point p : h.observed()) {
                    lastObserved = Math.max(lastObserved, p.year());
                }
            }
            int capped = Math.min(rs.endYear(), Math.max(start, lastObserved));
            end = capped == rs.endYear() ? null : capped;
        }
        ExperimentSpec spec = new ExperimentSpec("hindcast-" + sc.name(),
                List.of(new ExperimentSpec.Entry(sc.name(), s.scenarioFile().toAbsolutePath().normalize(), null)), 0,
                s.replications(), s.seed(), s.scale(), s.startYear(), end, s.spinUpYears());
        // with an ensemble (e.g. the baseline's posterior), replication r uses set r mod K: the
        // intervals then include parameter uncertainty as well as seed noise
        return s.ensemble() == null ? spec
                : spec.withEnsemble(kz.kosh.experiment.ParameterEnsemble.load(s.ensemble(), s.scenarioFile()));
    }

    /** Default output directory: results/hindcast-&lt;scenario&gt;. */
    public static Path defaultOut(ExperimentSpec spec) {
        return Path.of("results", spec.name());
    }

    /** Runs the hindcast and writes its outputs. */
    public static Result run(Settings s) {
        if (s.replications() < 1) {
            throw new IllegalArgumentException("--reps must be at least 1");
        }
        if (!(s.scale() >= kz.kosh.scenario.RunSettings.MIN_SCALE && s.scale() <= 1)) {
            throw new IllegalArgumentException("--scale must be in (0, 1], got " + s.scale());
        }
        if (s.seed() < 1) {
            throw new IllegalArgumentException("--seed must be at least 1 (MASON rejects 0)");
        }
        ExperimentSpec spec = spec(s);
        Path dir = (s.out() != null ? s.out() : defaultOut(spec)).toAbsolutePath().normalize();
        if (s.doc() != null) {
            kz.kosh.output.OutputPaths.checkMarkdown(s.doc());
        }
        long t0 = System.nanoTime();
        new ExperimentRunner(spec, dir, s.threads(), true, s.overwrite(), s.progress()).run();
        ScenarioLoader.Loaded loaded = spec.load(spec.scenarios().get(0));
        Scenario scenario = loaded.scenario();

        List<HindcastSeries> series = null;
        List<Integer> years = null;
        CellStats[][] stats = null;
        for (int r = 0; r < spec.replications(); r++) {
            IndicatorTable t = IndicatorTable.read(ExperimentDirectory.replicationFile(spec, dir, 0, r));
            if (series == null) {
                series = HindcastSeries.all(scenario, new LinkedHashSet<>(t.keys()));
                years = List.copyOf(t.years());
                stats = new CellStats[series.size()][years.size()];
                for (CellStats[] row : stats) {
                    for (int y = 0; y < row.length; y++) {
                        row[y] = new CellStats();
                    }
                }
            }
            for (int i = 0; i < series.size(); i++) {
                for (int y = 0; y < years.size() && y < t.years().size(); y++) {
                    stats[i][y].add(series.get(i).measure().value(t, y));
                }
            }
        }
        if (!s.keepRuns()) {
            kz.kosh.experiment.ExperimentDirectory.deleteRuns(dir.resolve("runs"));
        }
        int first = years.get(0);
        int last = years.get(years.size() - 1);
        List<SeriesResult> results = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            results.add(compare(series.get(i), years, stats[i]));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        String commit = BuildInfo.gitCommit(ownDocument(s.doc()));
        Result result = new Result(dir, s.doc(), results, first, last, wall, commit);
        write(result, s, spec, scenario);
        return result;
    }

    /**
     * The document and its chart folder relative to the working directory (when inside it): the
     * hindcast rewrites them, so their changes do not count as uncommitted changes of the model.
     */
    static List<String> ownDocument(Path doc) {
        return BuildInfo.ownFiles(doc);
    }

    /** The comparison of one series with the model's statistics by recorded year. */
    static SeriesResult compare(HindcastSeries h, List<Integer> years, CellStats[] cells) {
        int n = years.size();
        double[] mean = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean available = false;
        for (int y = 0; y < n; y++) {
            CellStats c = cells[y];
            if (c.n() == 0) {
                mean[y] = lo[y] = hi[y] = Double.NaN;
                continue;
            }
            available = true;
            double half = c.ci95HalfWidth();
            mean[y] = c.mean();
            lo[y] = Double.isNaN(half) ? Double.NaN : c.mean() - half;
            hi[y] = Double.isNaN(half) ? Double.NaN : c.mean() + half;
        }
        List<Row> rows = new ArrayList<>();
        List<Observed.Point> skipped = new ArrayList<>();
        for (Observed.Point p : h.observed()) {
            int y = years.indexOf(p.year());
            if (y < 0 || !available) {
                skipped.add(p);
            } else {
                rows.add(new Row(p, mean[y], lo[y], hi[y], cells[y].n()));
            }
        }
        rows.sort(java.util.Comparator.comparingInt(Row::year));
        return new SeriesResult(h, rows, skipped, years, mean, lo, hi, available);
    }

    private static void write(Result r, Settings s, ExperimentSpec spec, Scenario scenario) {
        Path dir = r.directory();
        try {
            writeCsv(dir, r);
            Path charts = dir.resolve(CHART_DIR);
            Files.createDirectories(charts);
            for (SeriesResult sr : r.series()) {
                if (sr.modelAvailable()) {
                    chart(sr, charts.resolve(sr.series().id() + ".png"));
                }
            }
            for (String csv : List.of("hindcast.csv", "hindcast-errors.csv")) {
                kz.kosh.output.OutputPaths.copy(dir.resolve(csv), charts.resolve(csv));
            }
            String command = HindcastDoc.command(s, spec);
            kz.kosh.output.OutputPaths.write(dir.resolve("hindcast.md"),
                    HindcastDoc.markdown(r, spec, scenario, command, CHART_DIR + "/", s));
            if (s.doc() != null) {
                Path doc = s.doc().toAbsolutePath().normalize();
                String base = doc.getFileName().toString().replaceFirst("\\.md$", "");
                Path docCharts = kz.kosh.output.OutputPaths.claimChartDir(doc, "hindcast");
                try (var files = Files.list(charts)) {
                    for (Path f : files.toList()) {
                        kz.kosh.output.OutputPaths.copy(f, kz.kosh.output.OutputPaths.entry(docCharts, f.getFileName().toString()));
                    }
                }
                String reading = kz.kosh.output.OutputPaths.handWrittenTail(doc, HAND_WRITTEN);
                kz.kosh.output.OutputPaths.write(doc, HindcastDoc.markdown(r, spec, scenario, command, base + "/", s) + reading);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the hindcast outputs in " + dir, e);
        }
    }

    private static void chart(SeriesResult sr, Path file) {
        int n = sr.years().size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sr.years().get(i);
        }
        int m = sr.rows().size();
        double[] ox = new double[m];
        double[] o = new double[m];
        double[] ol = new double[m];
        double[] oh = new double[m];
        for (int i = 0; i < m; i++) {
            Observed.Point p = sr.rows().get(i).observed();
            ox[i] = p.year();
            o[i] = p.value();
            ol[i] = p.low();
            oh[i] = p.high();
        }
        boolean band = sr.rows().stream().anyMatch(row -> row.observed().isBand());
        HindcastChart.write(file, sr.series().title(), "persons", "model mean, 95% CI over replications", x,
                sr.mean(), sr.ciLow(), sr.ciHigh(), band ? "observed (band: 11.7%-19.0% of emigrants, comparable graduates)" : "observed",
                ox, o, ol, oh);
    }

    /** hindcast.csv, hindcast-model.csv and hindcast-errors.csv. */
    static void writeCsv(Path dir, Result r) throws IOException {
        StringBuilder cmp = new StringBuilder(
                "series,year,observed,observed_low,observed_high,model_mean,ci_low,ci_high,relative_error,replications,source\n");
        StringBuilder model = new StringBuilder("series,year,model_mean,ci_low,ci_high\n");
        StringBuilder err = new StringBuilder("series,mape_pct,n,first_year,last_year,observed_outside_window\n");
        for (SeriesResult sr : r.series()) {
            String id = sr.series().id();
            for (Row row : sr.rows()) {
                Observed.Point p = row.observed();
                cmp.append(id).append(',').append(p.year()).append(',').append(Fmt.number(p.value())).append(',')
                        .append(Fmt.number(p.low())).append(',').append(Fmt.number(p.high())).append(',')
                        .append(Fmt.number(row.mean())).append(',').append(Fmt.number(row.ciLow())).append(',')
                        .append(Fmt.number(row.ciHigh())).append(',').append(Fmt.number(row.relativeError())).append(',')
                        .append(row.n()).append(',').append(p.source().replace(',', ';')).append('\n');
            }
            for (int y = 0; y < sr.years().size(); y++) {
                model.append(id).append(',').append(sr.years().get(y)).append(',').append(Fmt.number(sr.mean()[y]))
                        .append(',').append(Fmt.number(sr.ciLow()[y])).append(',').append(Fmt.number(sr.ciHigh()[y]))
                        .append('\n');
            }
            err.append(id).append(',').append(Fmt.number(sr.mape())).append(',').append(sr.n()).append(',')
                    .append(r.firstYear()).append(',').append(r.lastYear()).append(',').append(sr.skipped().size())
                    .append('\n');
        }
        kz.kosh.output.OutputPaths.write(dir.resolve("hindcast.csv"), cmp.toString());
        kz.kosh.output.OutputPaths.write(dir.resolve("hindcast-model.csv"), model.toString());
        kz.kosh.output.OutputPaths.write(dir.resolve("hindcast-errors.csv"), err.toString());
    }
}
