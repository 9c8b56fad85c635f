package kz.kosh.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.output.BuildInfo;
import kz.kosh.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The output folder of a policy search, as one concern: its fingerprint (same search file,
 * resolved reference and library scenarios and ensemble), the output rule (a new or empty folder,
 * or this search's own to resume; --overwrite replaces only a Kosh search folder), preparing it
 * under its INCOMPLETE marker, and search.json, the manifest.
 */
final class SearchDirectory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;
    private final SearchSpec spec;
    private final PolicySearch.Options options;

    /** What a finished search did, for the manifest. */
    record Counts(int candidatesEvaluated, int generationsRun, int generationsReadBack, int referenceReplicationsRun,
                  int referenceReplicationsPaired) {
    }

    SearchDirectory(Path dir, SearchSpec spec, PolicySearch.Options options) {
        this.dir = dir;
        this.spec = spec;
        this.options = options;
    }

    /** Same search (file contents, resolved reference and library scenarios, ensemble) ⇔ same fingerprint. */
    String fingerprint() {
        // layout 2: the reference runs once in generations/reference (not in every generation)
        StringBuilder sb = new StringBuilder("layout=2|");
        try {
            sb.append(Files.readString(spec.file())).append('|');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + spec.file(), e);
        }
        sb.append(ScenarioLoader.load(spec.scenario()).toYaml()).append('|');
        for (Path l : spec.library()) {
            sb.append(ScenarioLoader.load(l).toYaml()).append('|');
        }
        if (options.ensemble() != null) {
            sb.append("ensemble=").append(options.ensemble().sha256());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The output rule (kz.kosh.output.OutputPaths) plus: a Kosh folder must hold this search
     * (same fingerprint) to be resumed, and --overwrite replaces only a Kosh search folder.
     */
    void check(String fp) {
        try {
            String why = kz.kosh.output.OutputPaths.notOurs(dir);
            if (why != null) {
                throw refuse(why + "; Kosh writes a search only into a new or empty folder or one it created; "
                        + "choose another --out DIR");
            }
            if (!Files.exists(dir) || isEmpty(dir)) {
                return;
            }
            Path m = dir.resolve(PolicySearch.MANIFEST);
            JsonNode old = Files.isRegularFile(m, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? JSON.readTree(m.toFile()) : null;
            boolean onlyMarker;
            try (var s = Files.list(dir)) {
                onlyMarker = s.allMatch(p -> p.getFileName().toString().equals(kz.kosh.output.OutputPaths.MARKER));
            }
            if (onlyMarker) {
                return;
            }
            if (old == null || !"kosh".equals(old.path("tool").asText()) || !old.path("search").isTextual()) {
                throw refuse("is not a Kosh search directory (no search.json written by kosh search); refusing to "
                        + (options.overwrite() ? "delete it with --overwrite" : "write into it") + "; choose another --out DIR");
            }
            if (options.overwrite()) {
                return;
            }
            if (!fp.equals(old.path("fingerprint").asText())) {
                throw refuse("holds another search (the search file, the resolved reference or library scenarios, "
                        + "e.g. after a change of the model's defaults, or the parameter ensemble changed); choose another "
                        + "--out DIR or pass --overwrite to start afresh");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + dir, e);
        }
    }

    private UncheckedIOException refuse(String why) {
        return new UncheckedIOException(new FileAlreadyExistsException(dir.toString(), null, why));
    }

    private static boolean isEmpty(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.findAny().isEmpty();
        }
    }

    void prepare(String fp) {
        try {
            if (options.overwrite() && Files.isRegularFile(dir.resolve(PolicySearch.MANIFEST))) {
                // only a Kosh search folder (checked above): what the search wrote, the marker kept
                for (String f : List.of(PolicySearch.MANIFEST, "generations", FrontReport.CSV, FrontReport.PNG, FrontReport.MATRIX_PNG,
                        FrontReport.PARALLEL_PNG, FrontReport.REPORT, PolicySearch.INCOMPLETE)) {
                    kz.kosh.output.RunDirectory.deleteTree(dir.resolve(f));
                }
            }
            kz.kosh.output.OutputPaths.claimDir(dir, "search");
            kz.kosh.output.OutputPaths.write(dir.resolve(PolicySearch.INCOMPLETE), "search under way or interrupted; re-run the same command to resume\n");
            for (String f : List.of(FrontReport.CSV, FrontReport.PNG, FrontReport.MATRIX_PNG, FrontReport.PARALLEL_PNG,
                    FrontReport.REPORT)) {
                Files.deleteIfExists(dir.resolve(f));
            }
            if (!Files.exists(dir.resolve(PolicySearch.MANIFEST))) {
                writeManifest(fp, Instant.now(), Double.NaN, 0, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    void writeManifest(String fp, Instant start, double wall, int points, Counts counts) {
        ObjectNode m = JSON.createObjectNode();
        BuildInfo.stamp(m);
        m.put("search", spec.name());
        m.put("fingerprint", fp);
        m.put("searchFile", spec.file().toString());
        m.put("scenario", spec.scenario().toString());
        m.put("fromYear", spec.fromYear());
        ArrayNode vars = m.putArray("variables");
        for (SearchSpec.Variable v : spec.variables()) {
            ObjectNode o = vars.addObject();
            o.put("path", v.path());
            o.put("min", v.min());
            o.put("max", v.max());
            o.put("whole", v.whole());
            o.put("unit", v.unit());
        }
        m.put("algorithm", "NSGA-II (jMetal 6.6), SBX 0.9/20, polynomial mutation 1/n/20, "
                + "constrained dominance");
        m.put("population", spec.population());
        m.put("generations", spec.generations());
        m.put("seed", spec.seed());
        m.put("replications", spec.replications());
        m.put("finalReplications", spec.finalReplications());
        m.put("baseSeed", spec.baseSeed());
        m.put("seeds", "replication r runs with seed baseSeed + r in the reference and every candidate (common random numbers)");
        m.put("scale", spec.scale());
        if (spec.robustPercentile() != null) {
            m.put("robustPercentile", spec.robustPercentile());
        }
        if (options.ensemble() != null) {
            m.put("parameterEnsemble", options.ensemble().file().toString());
            m.put("parameterEnsembleSha256", options.ensemble().sha256());
            m.put("parameterSets", options.ensemble().size());
        }
        m.put("startTime", start.toString());
        m.put("endTime", Instant.now().toString());
        if (!Double.isNaN(wall)) {
            m.put("wallSeconds", Math.round(wall * 1000) / 1000.0);
            m.put("candidatesEvaluated", counts.candidatesEvaluated());
            m.put("generationsRun", counts.generationsRun());
            m.put("generationsReadBack", counts.generationsReadBack());
            m.put("referenceReplicationsRun", counts.referenceReplicationsRun());
            m.put("referenceReplicationsSaved", Math.max(0, counts.referenceReplicationsPaired() - counts.referenceReplicationsRun()));
            m.put("finalPoints", points);
        }
        try {
            kz.kosh.output.OutputPaths.write(dir.resolve(PolicySearch.MANIFEST), JSON.writeValueAsString(m) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + PolicySearch.MANIFEST, e);
        }
    }
}
