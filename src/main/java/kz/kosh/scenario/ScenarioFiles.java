package kz.kosh.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files a scenario is made of: the file named and the chain of files it {@code extends},
 * each checked to be a readable .yaml/.yml scenario file and read with the strict reader
 * ({@link StrictYaml}). Part of {@link ScenarioLoader}.
 */
final class ScenarioFiles {
    private ScenarioFiles() {
    }

    static void collectChain(Path file, List<Path> chain, List<String> problems) {
        Set<Path> seen = new LinkedHashSet<>();
        Path current = file;
        if (!isYamlName(file)) {
            problems.add(file + ": not a scenario file: the name must end in .yaml or .yml");
            return;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(file + ": file not found");
            return;
        }
        while (current != null) {
            if (!seen.add(current)) {
                problems.add(current + ": extends: cycle through " + seen);
                return;
            }
            chain.add(current);
            ObjectNode n = readYaml(current, problems);
            if (n == null) {
                return;
            }
            JsonNode ext = n.get("extends");
            if (ext == null || ext.isNull()) {
                current = null;
            } else if (!ext.isTextual()) {
                problems.add(current + ": extends" + lineOf(current, "extends") + ": expected the name of a .yaml or .yml "
                        + "scenario file, found " + Fields.describe(ext));
                return;
            } else {
                String value = ext.textValue();
                String where = current + ": extends" + lineOf(current, "extends") + ": '" + Fields.cut(value) + "' ";
                Path next;
                try {
                    next = current.getParent().resolve(value).normalize();
                } catch (java.nio.file.InvalidPathException e) {
                    problems.add(where + "is not a file name");
                    return;
                }
                // never read (and so never quote) a file that is not a scenario file
                if (!isYamlName(next)) {
                    problems.add(where + "is not allowed: extends must name a .yaml or .yml scenario file");
                    return;
                }
                if (!Files.isRegularFile(next)) {
                    problems.add(where + "does not exist (looked for " + next + ")");
                    return;
                }
                // a link named x.yaml may point at any file: the file it reaches must be a .yaml/.yml too
                try {
                    if (!isYamlName(next.toRealPath())) {
                        problems.add(where + "is a link to a file that is not a .yaml or .yml scenario file");
                        return;
                    }
                } catch (IOException e) {
                    problems.add(where + "cannot be read");
                    return;
                }
                current = next;
            }
        }
    }

    private static boolean isYamlName(Path p) {
        Path name = p.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** " (line N)" for the first line of a file that starts with {@code key:}, or "". */
    private static String lineOf(Path file, String key) {
        try (java.io.BufferedReader r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.matches("\\s*" + key + "\\s*:.*")) {
                    return " (line " + n + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // no line number then
        }
        return "";
    }

    /** Reads one scenario file with the strict YAML reader ({@link StrictYaml}). */
    static ObjectNode readYaml(Path file, List<String> problems) {
        return StrictYaml.read(file, problems, "scenario");
    }
}
