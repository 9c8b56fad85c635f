package kz.kosh.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.output.Fmt;
import kz.kosh.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The scenario of a search point: a file that {@code extends} the search's reference scenario and
 * adds one timeline entry from {@code fromYear} setting the decision variables. The same text is
 * written for the candidates of a generation's experiment and by {@code kosh search export}, so an
 * exported point is exactly what was evaluated.
 */
public final class Candidates {
    /** First words of every file Kosh writes here (an export may replace only such a file). */
    public static final String HEADER = "# Written by kosh search";

    private Candidates() {
    }

    /**
     * The YAML of a candidate to be saved in {@code dir}: {@code extends} is the reference's path
     * relative to {@code dir} (absolute when they share no root).
     */
    public static String yaml(SearchSpec spec, double[] values, String name, String description, Path dir) {
        return yaml(spec.name(), spec.scenario(), spec.fromYear(), spec.variables(), values, name, description, dir);
    }

    /** As {@link #yaml(SearchSpec, double[], String, String, Path)} from the parts a search's manifest keeps. */
    public static String yaml(String searchName, Path base, int fromYear, java.util.List<SearchSpec.Variable> variables,
                              double[] values, String name, String description, Path dir) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        Path d = dir.toAbsolutePath().normalize();
        String ext;
        try {
            ext = d.relativize(base).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            ext = base.toString();
        }
        root.put("extends", ext);
        root.put("name", name);
        root.put("description", description);
        ObjectNode entry = root.putArray("timeline").addObject();
        entry.put("fromYear", fromYear);
        for (int i = 0; i < values.length; i++) {
            SearchSpec.Variable v = variables.get(i);
            String[] parts = v.path().split("\\.");
            ObjectNode o = entry;
            for (int k = 0; k < parts.length - 1; k++) {
                o = o.withObject("/" + parts[k]);
            }
            if (v.whole()) {
                o.put(parts[parts.length - 1], Math.round(values[i]));
            } else {
                o.put(parts[parts.length - 1], Double.parseDouble(Fmt.number(values[i])));
            }
        }
        try {
            return HEADER + " (" + searchName + "): the reference scenario with the decision variables\n"
                    + "# set from " + fromYear + ". Compare it with: kosh compare " + ext + " <this file>\n"
                    + ScenarioLoader.yamlMapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a candidate file (replacing one Kosh wrote before). */
    public static Path write(SearchSpec spec, double[] values, String name, String description, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, yaml(spec, values, name, description, file.toAbsolutePath().getParent()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Loads the candidate of {@code values} (through a temporary file), throwing what the loader refuses. */
    static ScenarioLoader.Loaded load(SearchSpec spec, double[] values) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("kosh-candidate", ".yaml");
            write(spec, values, spec.name() + "-probe", "probe", tmp);
            return ScenarioLoader.load(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
