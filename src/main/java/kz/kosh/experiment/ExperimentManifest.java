package kz.kosh.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.output.BuildInfo;
import kz.kosh.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * manifest.json of an experiment: build and commit, scenarios and their files, the replications
 * summarised and their seeds, scale, years, threads, times, the parameter ensemble and every
 * scenario fully resolved.
 */
final class ExperimentManifest {
    private ExperimentManifest() {
    }

    static void writeManifest(Path dir, ExperimentSpec spec, List<ScenarioLoader.Loaded> loaded, Instant start,
                                      double wall, int resumed, int threads, List<Integer> summarised) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode m = json.createObjectNode();
        BuildInfo.stamp(m);
        m.put("experiment", spec.name());
        m.put("reference", spec.scenarios().get(spec.referenceIndex()).name());
        ArrayNode names = m.putArray("scenarios");
        ArrayNode files = m.putArray("scenarioFiles");
        for (ExperimentSpec.Entry e : spec.scenarios()) {
            names.add(e.name());
            files.add(e.file().toString());
        }
        // the replications actually summarised: fewer than planned after merge --allow-incomplete
        m.put("replications", summarised.size());
        m.put("baseSeed", spec.baseSeed());
        if (summarised.size() == spec.replications()) {
            m.put("seeds", "baseSeed + r for replication r = 0.." + (spec.replications() - 1) + " (common random numbers)");
        } else {
            m.put("replicationsPlanned", spec.replications());
            String list = summarised.size() <= 50 ? summarised.toString()
                    : summarised.subList(0, 50).toString().replace("]", ", ...]");
            m.put("seeds", "baseSeed + r for replication r in " + list + " (common random numbers; the other planned "
                    + "replications were incomplete and left out)");
        }
        m.put("scale", spec.scale());
        var run = loaded.get(spec.referenceIndex()).scenario().run();
        m.putArray("years").add(run.startYear()).add(run.endYear());
        m.put("threads", threads);
        m.put("replicationsResumed", resumed);
        m.put("startTime", start.toString());
        m.put("endTime", Instant.now().toString());
        m.put("wallSeconds", Math.round(wall * 1000) / 1000.0);
        if (spec.ensemble() != null) {
            ParameterEnsemble e = spec.ensemble();
            ObjectNode pe = e.putManifestEntry(m, e.file().toString());
            pe.put("rule", "replication r uses parameter set r mod " + e.size()
                    + " (0-based; the (r mod K + 1)-th data row of the file) in every scenario, with seed baseSeed + r");
            ArrayNode cols = pe.putArray("parameters");
            e.paths().forEach(cols::add);
            ArrayNode rows = pe.putArray("values");
            for (int i = 0; i < e.size(); i++) {
                ObjectNode row = rows.addObject();
                row.put("set", e.labels().get(i));
                double[] v = e.values(i);
                for (int c = 0; c < v.length; c++) {
                    row.put(e.paths().get(c), v[c]);
                }
            }
            ArrayNode used = pe.putArray("replicationSets");
            for (int r = 0; r < spec.replications(); r++) {
                used.add(e.labels().get(spec.setOf(r)));
            }
        }
        ObjectNode resolved = m.putObject("resolvedScenarios");
        for (int i = 0; i < loaded.size(); i++) {
            resolved.set(spec.scenarios().get(i).name(), loaded.get(i).tree());
        }
        try {
            json.writeValue(dir.resolve("manifest.json").toFile(), m);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write manifest.json", e);
        }
    }
}
