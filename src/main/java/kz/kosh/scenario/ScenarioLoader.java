package kz.kosh.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a scenario YAML file into a validated {@link Scenario}.
 * <ol>
 *   <li>The built-in defaults ({@code kz/kosh/scenario/defaults.yaml} and the region and
 *       destination tables {@code kz/kosh/data/*.csv}) form the base.</li>
 *   <li>A file may say {@code extends: other.yaml} (relative to itself); the chain is merged
 *       from the base outwards, each file overriding only the fields it names (mappings merge,
 *       lists and values replace).</li>
 *   <li>The merged tree is validated in one pass: unknown keys, wrong types, out-of-range values
 *       and unknown region or destination ids are all reported together, each naming the file
 *       that set the field and the field path.</li>
 * </ol>
 * The steps live apart, one concern each: {@link ScenarioFiles} (the extends chain, read strictly),
 * {@link TreeMerge} (defaults and merging), {@link Timeline} (timed changes), {@link ScenarioBinder}
 * (the typed scenario, through each group's parameter definitions) and {@link CrossFieldRules}.
 */
public final class ScenarioLoader {
    private static final YAMLMapper YAML = StrictYaml.MAPPER;
    /** Largest scenario file read; checked before parsing so that a huge file costs nothing. */
    public static final long MAX_FILE_BYTES = StrictYaml.MAX_FILE_BYTES;
    /** Longest scenario name: it becomes part of the output directory's name. */
    public static final int MAX_NAME_LENGTH = 64;
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ScenarioLoader() {
    }

    /** A loaded scenario with the merged tree it was built from (for describe and manifests). */
    public static final class Loaded {
        private final Scenario scenario;
        private final ObjectNode tree;

        Loaded(Scenario scenario, ObjectNode tree) {
            this.scenario = scenario;
            this.tree = tree;
        }

        public Scenario scenario() {
            return scenario;
        }

        /** A copy of the fully resolved tree. */
        public ObjectNode tree() {
            return tree.deepCopy();
        }

        /** The same scenario with another seed and scale, in both the object and the tree. */
        public Loaded withRun(long seed, double scale) {
            if (seed < 1) {
                throw new IllegalArgumentException("seed must be at least 1 (MASON rejects seed 0), got " + seed);
            }
            if (!(scale >= RunSettings.MIN_SCALE && scale <= 1)) {
                throw new IllegalArgumentException("scale must be in [" + RunSettings.MIN_SCALE + ", 1] (agents per person), got " + scale);
            }
            ObjectNode t = tree.deepCopy();
            ((ObjectNode) t.get("run")).put("seed", seed).put("scale", scale);
            return new Loaded(scenario.withRun(scenario.run().withSeed(seed).withScale(scale)), t);
        }

        /** The fully resolved scenario as YAML. */
        public String toYaml() {
            try {
                return YAML.writeValueAsString(tree);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Loads and validates a scenario file. */
    public static Loaded load(Path file) {
        return load(file, null, null);
    }

    /**
     * Loads a scenario file with an extra overlay merged last (e.g. a design point of a
     * parameter sweep) and, when {@code name} is given, that name. The overlay is validated
     * like a file; its problems name {@code overlay} as their source.
     */
    public static Loaded load(Path file, ObjectNode overlay, String name) {
        Map<String, String> origin = new HashMap<>();
        ObjectNode tree = TreeMerge.defaults(origin);
        List<String> problems = new ArrayList<>();
        List<Path> chain = new ArrayList<>();
        ScenarioFiles.collectChain(file.toAbsolutePath().normalize(), chain, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        ObjectNode leaf = null;
        List<JsonNode> timelineEntries = new ArrayList<>();
        List<String> timelineProblems = new ArrayList<>();
        ObjectNode[] nodes = new ObjectNode[chain.size()];
        for (int i = 0; i < chain.size(); i++) {
            nodes[i] = ScenarioFiles.readYaml(chain.get(i), problems);
        }
        Timeline.Overrides overrides = Timeline.overrides(nodes, overlay);
        List<String> early = new ArrayList<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            ObjectNode n = nodes[i];
            if (n == null) {
                continue;
            }
            wholeNumbers(n, "", chain.get(i).toString(), early);
            JsonNode tl = n.get("timeline");
            if (tl != null && tl.isArray()) {
                for (int k = 0; k < tl.size(); k++) {
                    wholeNumbers(tl.get(k), "timeline[" + k + "].", chain.get(i).toString(), early);
                }
            }
            n.remove("extends");
            JsonNode own = n.remove("timeline");
            if (own != null && !own.isNull()) {
                // an overlay that changes the run (GUI, experiment) makes the file's own entries
                // outside the new run apply like inherited ones instead of being refused
                boolean ownRun = i == 0 && (overlay == null || !overlay.has("run"));
                Timeline.collectTimeline(own, chain.get(i), ownRun, i, overrides.keep().get(i), overrides.keepFrom().get(i), timelineEntries,
                        timelineProblems);
            }
            if (i > 0) {
                n.remove("name");
            } else {
                leaf = n;
            }
            TreeMerge.merge(tree, n, "", chain.get(i).toString(), origin);
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        if (!timelineEntries.isEmpty()) {
            tree.set("timeline", Timeline.combineTimelines(timelineEntries));
        }
        String stem = file.getFileName().toString().replaceFirst("(?i)\\.ya?ml$", "");
        if (leaf == null || !leaf.has("name")) {
            tree.put("name", safeName(stem));
        } else if (leaf.get("name").isTextual()) {
            String nameProblem = nameProblem(leaf.get("name").textValue());
            if (nameProblem != null) {
                early.add(0, chain.get(0) + ": name: " + nameProblem);
            }
        }
        if (overlay != null) {
            TreeMerge.merge(tree, overlay.deepCopy(), "", "overlay of " + file, origin);
        }
        if (name != null) {
            tree.put("name", name);
        }
        if (early.isEmpty()) {
            return ScenarioBinder.bind(tree, origin, chain.get(0).toString(), timelineProblems);
        }
        List<String> all = new ArrayList<>(early);
        try {
            ScenarioBinder.bind(tree, origin, chain.get(0).toString(), timelineProblems);
        } catch (ScenarioException e) {
            all.addAll(e.problems());
        }
        throw new ScenarioException(all);
    }

    /**
     * Why a scenario (or experiment) name is not allowed, or null when it is: the name becomes
     * part of an output directory's name, so it must be one harmless path segment.
     */
    public static String nameProblem(String name) {
        if (name.isEmpty()) {
            return "must not be empty; allowed: 1-" + MAX_NAME_LENGTH + " characters A-Z a-z 0-9 . _ -, starting with a letter or digit";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "is " + name.length() + " characters long; allowed: at most " + MAX_NAME_LENGTH
                    + " characters A-Z a-z 0-9 . _ - (it names the output directory)";
        }
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            return "'" + Fields.cut(name) + "' is not allowed; allowed: A-Z a-z 0-9 . _ -, starting with a letter or digit, "
                    + "no '..' or path separators (it names the output directory)";
        }
        return null;
    }

    /**
     * Counts held as numbers (persons, awards) that a scenario file must give as whole numbers
     * ({@link Param#wholeNumberInFiles}). Checked on the files only: a sweep's design points may be
     * fractional (expected counts).
     */
    static List<String> wholeNumberFields() {
        List<String> paths = new ArrayList<>();
        for (Param d : Params.all()) {
            if (d.wholeNumberInFiles()) {
                paths.add(d.path());
            }
        }
        return paths;
    }

    private static void wholeNumbers(JsonNode n, String prefix, String file, List<String> problems) {
        for (String path : wholeNumberFields()) {
            JsonNode v = n;
            for (String seg : path.split("\\.")) {
                v = v != null && v.isObject() ? v.get(seg) : null;
            }
            if (v != null && v.isNumber() && v.doubleValue() != Math.rint(v.doubleValue())) {
                problems.add(file + ": " + prefix + path + ": expected a whole number (a count), found " + Fields.describe(v));
            }
        }
    }

    /** A file stem made into an allowed name (used when a file has no name: field). */
    static String safeName(String stem) {
        String n = stem.replaceAll("[^A-Za-z0-9._-]", "_").replace("..", "__");
        if (n.isEmpty() || !Character.isLetterOrDigit(n.charAt(0))) {
            n = "s" + n;
        }
        return n.length() > MAX_NAME_LENGTH ? n.substring(0, MAX_NAME_LENGTH) : n;
    }

    /** {@link StrictYaml#read} for other YAML inputs (experiment files): a non-empty mapping, or null with the problems. */
    public static ObjectNode readFile(Path file, List<String> problems) {
        return StrictYaml.read(file, problems, "experiment");
    }

    /** Binds a merged tree (for tests that build trees in code): {@link ScenarioBinder#bind}. */
    static Loaded bind(ObjectNode tree, Map<String, String> origin, String leafFile) {
        return ScenarioBinder.bind(tree, origin, leafFile);
    }

    /** The built-in defaults as a tree (for tests): {@link TreeMerge#defaults}. */
    static ObjectNode defaults(Map<String, String> origin) {
        return TreeMerge.defaults(origin);
    }

    /** The fields of {@code b} that differ from {@code a} (for tests): {@link TreeMerge#changedFields}. */
    static ObjectNode changedFields(JsonNode a, JsonNode b) {
        return TreeMerge.changedFields(a, b);
    }

    /** For tests and tools: the mapper used for scenario YAML. */
    public static ObjectMapper yamlMapper() {
        return YAML;
    }
}
