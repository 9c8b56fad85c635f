package kz.kosh.experiment.dose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.experiment.ExperimentRunner;
import kz.kosh.experiment.ExperimentSpec;
import kz.kosh.experiment.ParameterEnsemble;
import kz.kosh.experiment.report.DoseResponseChart;
import kz.kosh.experiment.report.Formats;
import kz.kosh.experiment.report.Headline;
import kz.kosh.experiment.report.HeadlineCsv;
import kz.kosh.experiment.report.KeyIndicator;
import kz.kosh.experiment.report.VarianceSplit;
import kz.kosh.output.BuildInfo;
import kz.kosh.output.Fmt;
import kz.kosh.output.OutputPaths;
import kz.kosh.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a {@link DoseResponseSpec}: every dose of every lever becomes a scenario (the reference
 * with the lever's value at the top level, written to {@code doses/}), all of them and the
 * reference one experiment ({@code experiment/}: replication r of every scenario has seed
 * baseSeed + r, common random numbers, and with a parameter ensemble set r mod K; progress
 * with an ETA; resumable). From its headline (the yearly mean of each indicator over the run's
 * recorded years with its 95% CI, and the paired difference to the reference with its CI and
 * Benjamini-Hochberg q-value over all doses and indicators) it writes:
 * <ul>
 *   <li>{@code dose-response.csv}: one row per lever, dose and response, with units;</li>
 *   <li>{@code dose-contrasts.csv}: per lever and response, the paired contrast of the highest and
 *       lowest dose ({@link DoseContrast}; the replications are kept in experiment/runs/);</li>
 *   <li>{@code dose-response-<lever>.png}: the first response against the dose, with the reference's level;</li>
 *   <li>{@code dose-response.md}: the summary (direction, monotone or not, doses that move the
 *       indicator at a 5% false discovery rate) and each lever's table;</li>
 *   <li>{@code manifest.json}: command, settings, versions, the parameter ensemble, times.</li>
 * </ul>
 * Nothing of the four is written before the experiment has finished.
 */
public final class DoseResponse {
    public static final String CSV = "dose-response.csv";
    public static final String MD = "dose-response.md";
    /** Marks the start of a hand-written part of the --doc document (a reading of the run), kept when it is regenerated. */
    public static final String HAND_WRITTEN = "<!-- hand-written below: kept by kosh dose-response --doc -->";
    static final String HEADER = "lever,path,dose,dose_unit,scenario,reference,indicator,place,unit,measure,from_year,"
            + "to_year,replications,mean,ci95_low,ci95_high,reference_mean,difference,difference_ci95_low,"
            + "difference_ci95_high,q_value_bh,fdr_discovery,parameter_share";

    private DoseResponse() {
    }

    /**
     * Settings of a run.
     *
     * @param ensemble parameter sets (replication r uses set r mod K); null: the scenarios' own values
     * @param command  the command line, shown in the document and the manifest
     * @param doc      also write the document here (charts and the CSV in a folder named after it); null: not
     */
    public record Settings(DoseResponseSpec spec, Path out, int threads, boolean overwrite, Path ensemble, boolean progress,
                           String command, Path doc) {
    }

    /** One line of dose-response.csv. */
    public record Point(DoseResponseSpec.Lever lever, int dose, KeyIndicator key, Headline.Row row, double parameterShare) {
        public double doseValue() {
            return lever.doses()[dose];
        }
    }

    /** A finished run: its folder, points and wall time. */
    public record Result(Path directory, List<Point> points, List<DoseContrast> contrasts, double wallSeconds,
                         int parameterSets, String markdown) {
    }

    /** The default output folder: results/&lt;name&gt;-s&lt;scale&gt;. */
    public static Path defaultOut(DoseResponseSpec spec) {
        return Path.of("results", spec.name() + "-s" + Formats.plain(spec.scale()));
    }

    /** Runs the doses and writes the outputs. */
    public static Result run(Settings s) {
        DoseResponseSpec spec = s.spec();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        Path dir = OutputPaths.claimDir(s.out() != null ? s.out() : defaultOut(spec), "dose-response");
        Path doses = OutputPaths.claimDir(dir.resolve("doses"), "dose-response");
        List<ExperimentSpec.Entry> entries = new ArrayList<>();
        String refName = ScenarioLoader.load(spec.reference()).scenario().name();
        entries.add(new ExperimentSpec.Entry(refName, spec.reference(), null));
        List<Integer> first = new ArrayList<>();
        for (DoseResponseSpec.Lever l : spec.levers()) {
            first.add(entries.size());
            for (int k = 0; k < l.doses().length; k++) {
                Path f = doses.resolve(l.doseName(k) + ".yaml");
                OutputPaths.write(f, doseFile(spec, l, k));
                entries.add(new ExperimentSpec.Entry(l.doseName(k), f, null));
            }
        }
        // the sets are checked against the reference once (ParameterEnsemble.load); a dose differs from it only in
        // its lever, whose own value it keeps (ExperimentSpec.load(entry, set)), so the sets are not checked again
        // against each dose (a few hundred scenario loads each), and a dose that a set's values made invalid would
        // fail its first run with the scenario's own message
        ParameterEnsemble ensemble = s.ensemble() == null ? null
                : ParameterEnsemble.load(s.ensemble().toAbsolutePath().normalize(), spec.reference());
        ExperimentSpec exp = new ExperimentSpec(spec.name(), entries, 0, spec.replications(), spec.baseSeed(), spec.scale(),
                null, null, null, ensemble);
        Path expDir = dir.resolve("experiment");
        // the replications are kept (runs/) for the paired contrasts of the highest and lowest doses
        ExperimentRunner runner = new ExperimentRunner(exp, expDir, s.threads(), true, s.overwrite(), s.progress());
        runner.preflight();
        runner.run();
        List<Point> points = points(spec, expDir);
        List<DoseContrast> contrasts = DoseContrast.compute(spec, exp, expDir, first);
        double wall = (System.nanoTime() - t0) / 1e9;
        int sets = exp.ensemble() == null ? 0 : exp.ensemble().size();
        writeCsv(dir.resolve(CSV), points);
        DoseContrast.writeCsv(dir.resolve(DoseContrast.CSV), contrasts);
        for (DoseResponseSpec.Lever l : spec.levers()) {
            chart(dir.resolve(chartName(l)), l, points, refName);
        }
        String commit = BuildInfo.gitCommit(s.doc() == null ? List.of() : BuildInfo.ownFiles(s.doc()));
        String md = DoseResponseDoc.markdown(s, refName, points, contrasts, wall, sets, commit, "");
        OutputPaths.write(dir.resolve(MD), md);
        if (s.doc() != null) {
            Path charts = OutputPaths.claimChartDir(s.doc(), "dose-response");
            for (DoseResponseSpec.Lever l : spec.levers()) {
                OutputPaths.copy(dir.resolve(chartName(l)), charts.resolve(chartName(l)));
            }
            OutputPaths.copy(dir.resolve(CSV), charts.resolve(CSV));
            OutputPaths.copy(dir.resolve(DoseContrast.CSV), charts.resolve(DoseContrast.CSV));
            String prefix = charts.getFileName() + "/";
            OutputPaths.write(OutputPaths.checkDocument(s.doc()),
                    DoseResponseDoc.markdown(s, refName, points, contrasts, wall, sets, commit, prefix)
                            + OutputPaths.handWrittenTail(s.doc(), HAND_WRITTEN));
        }
        manifest(dir, s, exp, start, wall);
        return new Result(dir, points, contrasts, wall, sets, md);
    }

    /** The chart file of a lever. */
    static String chartName(DoseResponseSpec.Lever l) {
        return "dose-response-" + l.id() + ".png";
    }

    /** A dose's scenario file: extends the reference, the lever's value at the top level, the responses as its headline. */
    static String doseFile(DoseResponseSpec spec, DoseResponseSpec.Lever l, int k) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("extends", spec.reference().toString());
        o.put("name", l.doseName(k));
        o.put("description", l.title() + ": " + l.path() + " = " + Fmt.number(l.doses()[k]) + " " + l.unit()
                + " in every year (kosh dose-response " + spec.name() + ")");
        ArrayNode h = o.putArray("headline");
        l.responses().forEach(h::add);
        ObjectNode overlay = l.overlay(k);
        overlay.fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
        try {
            return "# Written by kosh dose-response: dose " + (k + 1) + " of lever " + l.id() + "\n"
                    + new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(o).replaceFirst("^---\\s*\\n", "");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The points of a finished experiment: each lever's doses × responses, from its headline (yearly means). */
    static List<Point> points(DoseResponseSpec spec, Path expDir) {
        List<Headline.Row> rows = HeadlineCsv.read(expDir);
        List<VarianceSplit.Row> splits = VarianceSplit.read(expDir);
        Map<String, Headline.Row> byKey = new LinkedHashMap<>();
        for (Headline.Row r : rows) {
            if (r.measure() == Headline.Measure.PERIOD_MEAN) {
                byKey.put(r.scenario() + "\u0000" + r.key().code(), r);
            }
        }
        List<Point> out = new ArrayList<>();
        for (DoseResponseSpec.Lever l : spec.levers()) {
            for (int k = 0; k < l.doses().length; k++) {
                for (String code : l.responses()) {
                    KeyIndicator key = KeyIndicator.parse(code);
                    Headline.Row r = byKey.get(l.doseName(k) + "\u0000" + key.code());
                    double share = Double.NaN;
                    for (VarianceSplit.Row v : splits) {
                        if (v.scenario().equals(l.doseName(k)) && v.key() == key && v.measure() == Headline.Measure.PERIOD_MEAN) {
                            share = v.parameterShare();
                        }
                    }
                    out.add(new Point(l, k, key, r, share));
                }
            }
        }
        return out;
    }

    static void writeCsv(Path file, List<Point> points) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Point p : points) {
            Headline.Row r = p.row();
            List<String> c = new ArrayList<>(List.of(p.lever().id(), p.lever().path(), Fmt.number(p.doseValue()),
                    csv(p.lever().unit()), p.lever().doseName(p.dose()), r == null ? "" : r.reference(), p.key().indicator(),
                    p.key().place(), csv(p.key().unit()), "yearly mean"));
            if (r == null) {
                c.addAll(java.util.Collections.nCopies(13, ""));
            } else {
                c.addAll(List.of(Integer.toString(r.fromYear()), Integer.toString(r.toYear()), Long.toString(r.n()),
                        Fmt.number(r.mean()), Fmt.number(r.lo()), Fmt.number(r.hi()), Fmt.number(r.referenceMean()),
                        Fmt.number(r.difference()), Fmt.number(r.differenceLo()), Fmt.number(r.differenceHi()),
                        Fmt.number(r.qValue()), Boolean.toString(r.discovery()), Fmt.number(p.parameterShare())));
            }
            sb.append(String.join(",", c)).append('\n');
        }
        OutputPaths.write(file, sb.toString());
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The chart of a lever's first response. */
    static void chart(Path file, DoseResponseSpec.Lever l, List<Point> points, String refName) {
        KeyIndicator key = KeyIndicator.parse(l.responses().get(0));
        int n = l.doses().length;
        double[] m = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double ref = Double.NaN;
        for (Point p : points) {
            if (p.lever() == l && p.key() == key) {
                Headline.Row r = p.row();
                m[p.dose()] = r == null ? Double.NaN : r.mean();
                lo[p.dose()] = r == null ? Double.NaN : r.lo();
                hi[p.dose()] = r == null ? Double.NaN : r.hi();
                ref = r == null ? ref : r.referenceMean();
            }
        }
        DoseResponseChart.write(file, l.title(), l.path() + " (" + l.unit() + ")", key.shortLabel() + " (" + key.unit()
                + ", yearly mean)", key.isShare(), l.doses(), m, lo, hi, ref, refName + " " + Formats.interval(key.indicator(),
                ref, Double.NaN, Double.NaN, false) + " (reference)");
    }

    private static void manifest(Path dir, Settings s, ExperimentSpec exp, Instant start, double wall) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode m = json.createObjectNode();
        BuildInfo.stamp(m);
        m.put("command", s.command());
        m.put("file", s.spec().file().toString());
        m.put("reference", s.spec().reference().toString());
        m.put("replications", s.spec().replications());
        m.put("baseSeed", s.spec().baseSeed());
        m.put("scale", s.spec().scale());
        m.put("threads", s.threads());
        if (exp.ensemble() != null) {
            exp.ensemble().putManifestEntry(m, String.valueOf(s.ensemble()));
        }
        ArrayNode levers = m.putArray("levers");
        for (DoseResponseSpec.Lever l : s.spec().levers()) {
            ObjectNode o = levers.addObject();
            o.put("id", l.id());
            o.put("path", l.path());
            o.put("unit", l.unit());
            ArrayNode d = o.putArray("doses");
            for (double v : l.doses()) {
                d.add(v);
            }
            ArrayNode r = o.putArray("responses");
            l.responses().forEach(r::add);
            if (l.set() != null) {
                o.set("set", l.set());
            }
        }
        m.put("experiment", "experiment/ (its own manifest.json holds every resolved scenario)");
        m.put("started", start.toString());
        m.put("finished", Instant.now().toString());
        m.put("wallSeconds", wall);
        try {
            OutputPaths.write(dir.resolve("manifest.json"), json.writeValueAsString(m) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
