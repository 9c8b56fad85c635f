package kz.kosh.experiment.report;

import kz.kosh.experiment.report.Headline.Measure;
import kz.kosh.experiment.report.Headline.Row;
import kz.kosh.output.Fmt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * headline.csv: the rows of {@link Headline} written and read back, and named with the sweep
 * values of design.csv as the report names its scenarios. Columns: docs/outputs.md.
 */
public final class HeadlineCsv {
    static final String HEADER = "scenario,reference,indicator,place,unit,measure,from_year,to_year,"
            + "reference_mean,reference_ci95_low,reference_ci95_high,mean,ci95_low,ci95_high,"
            + "difference,difference_ci95_low,difference_ci95_high,excludes_zero,n,p_value,q_value_bh,fdr_discovery,lead";

    private HeadlineCsv() {
    }

    /** Writes headline.csv into {@code dir}. */
    public static void write(Path dir, List<Row> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            ReportFiles.key(sb, r.scenario(), r.reference(), r.key(), r.measure(), r.fromYear(), r.toYear());
            for (double x : new double[]{r.referenceMean(), r.referenceLo(), r.referenceHi(), r.mean(), r.lo(), r.hi(),
                    r.difference(), r.differenceLo(), r.differenceHi()}) {
                sb.append(',').append(Fmt.number(x));
            }
            sb.append(',').append(r.excludesZero()).append(',').append(r.n()).append(',').append(Fmt.number(r.pValue()))
                    .append(',').append(Fmt.number(r.qValue())).append(',').append(r.discovery()).append(',').append(r.lead()).append('\n');
        }
        ReportFiles.write(dir, Headline.FILE, sb.toString());
    }

    /** Reads headline.csv of an experiment directory; empty when there is none. */
    public static List<Row> read(Path dir) {
        Path f = dir.resolve(Headline.FILE);
        List<Row> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        for (Map<String, String> m : ExperimentData.readCsv(f, List.of("scenario", "reference", "indicator", "place",
                "measure", "from_year", "to_year", "difference", "n"))) {
            KeyIndicator k = KeyIndicator.series(m.get("indicator"), m.get("place"));
            if (k == null) {
                continue;
            }
            out.add(new Row(m.get("scenario"), m.get("reference"), k, Measure.of(m.get("measure")),
                    Integer.parseInt(m.get("from_year").trim()), Integer.parseInt(m.get("to_year").trim()),
                    ExperimentData.num(m.get("reference_mean")), ExperimentData.num(m.get("reference_ci95_low")),
                    ExperimentData.num(m.get("reference_ci95_high")), ExperimentData.num(m.get("mean")),
                    ExperimentData.num(m.get("ci95_low")), ExperimentData.num(m.get("ci95_high")),
                    ExperimentData.num(m.get("difference")), ExperimentData.num(m.get("difference_ci95_low")),
                    ExperimentData.num(m.get("difference_ci95_high")), (long) ExperimentData.num(m.get("n")))
                    .withLead(lead(m.get("lead"))));
        }
        return Headline.withFalseDiscoveryControl(out);
    }

    /** The lead column: a line number, 0 (or absent, files before it existed) when the row does not lead. */
    private static int lead(String v) {
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Scenarios named with their sweep parameter values (design.csv of {@code dir}), as in the report. */
    public static List<Row> labelled(List<Row> rows, Path dir) {
        return relabelled(rows, dir, (r, design) -> r.named(label(design, r.scenario()), label(design, r.reference())));
    }

    /** Variance splits named like {@link #labelled} names the headline's scenarios. */
    public static List<VarianceSplit.Row> labelledSplits(List<VarianceSplit.Row> rows, Path dir) {
        return relabelled(rows, dir, (r, design) -> new VarianceSplit.Row(label(design, r.scenario()),
                label(design, r.reference()), r.key(), r.measure(), r.fromYear(), r.toYear(), r.difference(), r.lo(),
                r.hi(), r.n(), r.sets(), r.setMeanMin(), r.setMeanMax(), r.between(), r.within()));
    }

    /** The rows renamed by the design labels of {@code dir}; the rows themselves without design.csv. */
    private static <T> List<T> relabelled(List<T> rows, Path dir,
                                          java.util.function.BiFunction<T, Map<String, String>, T> rename) {
        Map<String, String> design;
        try {
            design = ExperimentData.designLabels(dir);
        } catch (RuntimeException e) {
            return rows;
        }
        if (design.isEmpty()) {
            return rows;
        }
        List<T> out = new ArrayList<>();
        for (T r : rows) {
            out.add(rename.apply(r, design));
        }
        return out;
    }

    private static String label(Map<String, String> design, String scenario) {
        String v = design.get(scenario);
        return v == null ? scenario : scenario + " (" + v + ")";
    }

}
