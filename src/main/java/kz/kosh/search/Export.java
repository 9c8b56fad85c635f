package kz.kosh.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import kz.kosh.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kosh search export DIR N}: point N of a finished search's front.csv as a scenario file
 * that extends the search's reference, with the decision variables in a timeline entry from the
 * search's {@code fromYear}: the file {@code kosh compare} runs against the reference.
 */
public final class Export {
    private Export() {
    }

    /** Writes point {@code point} of the search in {@code dir} to {@code file}; returns the file. */
    public static Path write(Path dir, int point, Path file, boolean overwrite) {
        Path manifest = dir.resolve(PolicySearch.MANIFEST);
        Path front = dir.resolve(FrontReport.CSV);
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(front)) {
            throw new IllegalArgumentException(dir + ": not a finished search (no " + PolicySearch.MANIFEST + " and "
                    + FrontReport.CSV + "); run kosh search first");
        }
        try {
            JsonNode m = new ObjectMapper().readTree(manifest.toFile());
            List<SearchSpec.Variable> vars = new ArrayList<>();
            for (JsonNode v : m.path("variables")) {
                vars.add(new SearchSpec.Variable(v.path("path").asText(), v.path("min").asDouble(), v.path("max").asDouble(),
                        v.path("whole").asBoolean(), v.path("unit").asText(), v.path("path").asText()));
            }
            double[] values = new double[vars.size()];
            java.util.Arrays.fill(values, Double.NaN);
            String kind = null;
            CsvMapper csv = new CsvMapper();
            try (MappingIterator<Map<String, String>> it = csv.readerFor(Map.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(front.toFile())) {
                while (it.hasNext()) {
                    Map<String, String> row = it.next();
                    if (!String.valueOf(point).equals(row.get("point"))) {
                        continue;
                    }
                    kind = row.get("kind");
                    if ("variable".equals(row.get("role"))) {
                        for (int i = 0; i < vars.size(); i++) {
                            if (vars.get(i).path().equals(row.get("quantity"))) {
                                values[i] = Double.parseDouble(row.get("value"));
                            }
                        }
                    }
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException(front + ": no point " + point + "; the points are numbered in its "
                        + "'point' column (0 is the reference)");
            }
            if (!"candidate".equals(kind)) {
                throw new IllegalArgumentException(front + ": point " + point + " is the " + kind
                        + " scenario, not a searched mix; export a candidate (point 1 or above)");
            }
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    throw new IllegalArgumentException(front + ": point " + point + " has no value of " + vars.get(i).path());
                }
            }
            kz.kosh.output.OutputPaths.checkDocument(file); // an existing file only when Kosh generated it
            if (Files.exists(file)) {
                if (!overwrite) {
                    throw new UncheckedIOException(new FileAlreadyExistsException(file.toString(), null,
                            "exists; pass --overwrite to replace it"));
                }
            }
            String name = m.path("search").asText() + "-point-" + point;
            Path parent = file.toAbsolutePath().normalize().getParent();
            Files.createDirectories(parent);
            StringBuilder desc = new StringBuilder("Point ").append(point).append(" of the front of kosh search ")
                    .append(m.path("search").asText()).append(": from ").append(m.path("fromYear").asInt());
            for (int i = 0; i < values.length; i++) {
                desc.append(i == 0 ? " " : ", ").append(vars.get(i).path()).append(" = ")
                        .append(kz.kosh.output.Fmt.number(values[i]));
            }
            String text = Candidates.yaml(m.path("search").asText(), Path.of(m.path("scenario").asText()),
                    m.path("fromYear").asInt(), vars, values, name, desc.toString(), parent);
            Path probe = Files.createTempFile(parent, ".kosh-export-", ".yaml");
            try {
                Files.writeString(probe, text);
                ScenarioLoader.load(probe); // what is written loads, or nothing is written
            } finally {
                Files.deleteIfExists(probe);
            }
            kz.kosh.output.OutputPaths.write(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export point " + point + " of " + dir, e);
        }
    }
}
