package kz.kosh.experiment;

import kz.kosh.output.Fmt;
import kz.kosh.scenario.ScenarioLoader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files of a finished experiment, as one concern: design.csv (the sweep's points),
 * summary.csv (95% intervals: Student t; shares: Wilson with the effective sample size, see
 * {@link kz.kosh.experiment.report.Intervals}), differences.csv (paired by replication against the
 * reference), headline.csv, places, the variance split of an ensemble, the manifest
 * ({@link ExperimentManifest}) and the report; the INCOMPLETE marker goes last.
 */
final class ExperimentOutputs {
    private ExperimentOutputs() {
    }

    /** Writes summary.csv, differences.csv, manifest.json and the report, then removes the marker. */
    static void writeOutputs(ExperimentSpec spec, Path dir, Aggregator agg, List<ScenarioLoader.Loaded> loaded,
                             Instant start, double wall, int resumed, int threads) {
        List<String> names = spec.scenarios().stream().map(ExperimentSpec.Entry::name).toList();
        writeDesign(dir, spec);
        writeSummary(dir, agg, names);
        writeDifferences(dir, spec, agg, names);
        ExperimentManifest.writeManifest(dir, spec, loaded, start, wall, resumed, threads, agg.replicationsAdded());
        writeHeadline(dir, agg, names);
        // the places of the reference (ids, names, types) so that every place code in the outputs has its name
        kz.kosh.scenario.Scenario reference = loaded.get(spec.referenceIndex()).scenario();
        kz.kosh.output.Places.write(dir, new kz.kosh.world.World(reference, reference.run().startYear()), reference);
        if (spec.ensemble() != null) {
            kz.kosh.experiment.report.VarianceSplit.write(dir,
                    kz.kosh.experiment.report.VarianceSplit.compute(agg.headline, names));
        }
        kz.kosh.experiment.report.ReportWriter.write(dir);
        try {
            Files.deleteIfExists(dir.resolve(ExperimentRunner.INCOMPLETE_MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** headline.csv: the key indicators over the policy period, against the reference. */
    private static void writeHeadline(Path dir, Aggregator agg, List<String> names) {
        kz.kosh.experiment.report.HeadlineCsv.write(dir, kz.kosh.experiment.report.Headline.compute(agg.headline, names));
    }

    /**
     * design.csv: the sweep's design points (scenario, parameter, value), one row per point and
     * parameter; not written when the experiment has no sweep.
     */
    static void writeDesign(Path dir, ExperimentSpec spec) {
        StringBuilder sb = new StringBuilder("scenario,parameter,value\n");
        boolean any = false;
        for (ExperimentSpec.Entry e : spec.scenarios()) {
            if (e.overlay() == null) {
                continue;
            }
            any = true;
            List<String> rows = new ArrayList<>();
            flatten(e.overlay(), "", rows);
            for (String r : rows) {
                sb.append(e.name()).append(',').append(r).append('\n');
            }
        }
        if (!any) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("design.csv"), sb.toString());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write design.csv", ex);
        }
    }

    private static void flatten(com.fasterxml.jackson.databind.JsonNode n, String path, List<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(f -> flatten(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out));
        } else {
            out.add(path + "," + n.asText());
        }
    }

    private static void writeSummary(Path dir, Aggregator agg, List<String> names) {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("summary.csv"), StandardCharsets.UTF_8)) {
            w.write("scenario,year,indicator,place,mean,sd,ci95_low,ci95_high,p05,p50,p95,n\n");
            for (int s = 0; s < names.size(); s++) {
                for (Map.Entry<String, CellStats[]> e : agg.summary(s).entrySet()) {
                    writeRows(w, names.get(s), null, agg.years(), e.getKey(), e.getValue(), false);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write summary.csv", e);
        }
    }

    private static void writeDifferences(Path dir, ExperimentSpec spec, Aggregator agg, List<String> names) {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("differences.csv"), StandardCharsets.UTF_8)) {
            w.write("scenario,reference,year,indicator,place,mean_difference,sd,ci95_low,ci95_high,excludes_zero,n\n");
            String ref = names.get(spec.referenceIndex());
            for (int s = 0; s < names.size(); s++) {
                if (s == spec.referenceIndex()) {
                    continue;
                }
                for (Map.Entry<String, CellStats[]> e : agg.differences(s).entrySet()) {
                    writeRows(w, names.get(s), ref, agg.years(), e.getKey(), e.getValue(), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write differences.csv", e);
        }
    }

    private static void writeRows(BufferedWriter w, String scenario, String reference, List<Integer> years, String key,
                                  CellStats[] cells, boolean difference) throws IOException {
        int bar = key.indexOf('|');
        String indicator = key.substring(0, bar);
        String place = key.substring(bar + 1);
        for (int y = 0; y < cells.length; y++) {
            CellStats c = cells[y];
            if (c.n() == 0) {
                continue;
            }
            double half = c.ci95HalfWidth();
            double lo = c.mean() - half;
            double hi = c.mean() + half;
            if (!difference && kz.kosh.output.Indicators.isShare(indicator) && !Double.isNaN(half)) {
                // shares: Wilson interval with the effective sample size, inside [0, 1]
                double[] wi = kz.kosh.experiment.report.Intervals.share(c.mean(), c.sd(), c.n());
                lo = wi[0];
                hi = wi[1];
            }
            StringBuilder sb = new StringBuilder(128).append(scenario).append(',');
            if (difference) {
                sb.append(reference).append(',');
            }
            sb.append(years.get(y)).append(',').append(indicator).append(',').append(place).append(',')
                    .append(Fmt.number(c.mean())).append(',').append(Fmt.number(c.sd())).append(',')
                    .append(Fmt.number(lo)).append(',').append(Fmt.number(hi)).append(',');
            if (difference) {
                sb.append(!Double.isNaN(half) && (lo > 0 || hi < 0));
            } else {
                sb.append(Fmt.number(c.p05())).append(',').append(Fmt.number(c.p50())).append(',').append(Fmt.number(c.p95()));
            }
            sb.append(',').append(c.n()).append('\n');
            w.write(sb.toString());
        }
    }
}
