package kz.kosh.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a merged scenario tree to the typed, validated {@link Scenario}: every group read through
 * its parameter definitions in one pass, the rules joining groups ({@link CrossFieldRules}), the
 * timeline's states ({@link Timeline}); every problem names the file that set the field
 * ({@link OriginProblems}). Part of {@link ScenarioLoader}.
 */
final class ScenarioBinder {
    private ScenarioBinder() {
    }

    private static final Set<String> TOP_LEVEL = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "name", "description", "headline", "extends", "run", "population", "study", "decision", "humanCapital", "family",
            "policy", "kazakhstan", "economy", "regions", "destinations", "timeline")));

    /** Binds a merged tree; public for tests that build trees in code. */
    static ScenarioLoader.Loaded bind(ObjectNode tree, Map<String, String> origin, String leafFile) {
        return bind(tree, origin, leafFile, List.of());
    }

    /** Binds a merged tree, reporting {@code earlier} problems (of the files' own timelines) with its own. */
    static ScenarioLoader.Loaded bind(ObjectNode tree, Map<String, String> origin, String leafFile, List<String> earlier) {
        OriginProblems op = new OriginProblems(leafFile, origin);
        op.problems.addAll(earlier);
        JsonNode timelineNode = tree.remove("timeline");
        // a problem of the base state is inherited by every timeline state: report it once
        Set<String> seen = new java.util.HashSet<>();
        Scenario base = bindOne(tree, (path, m) -> {
            seen.add(path + "\u0000" + m);
            op.add(path, m);
        });
        List<Scenario.TimedChange> timeline = timelineNode == null || timelineNode.isNull() ? List.of()
                : Timeline.bind(tree, timelineNode, base.run(), op, seen);
        if (!op.problems.isEmpty()) {
            throw new ScenarioException(op.problems);
        }
        Scenario full = new Scenario(base.name(), base.description(), base.headline(), base.run(), base.population(), base.study(),
                base.decision(), base.humanCapital(), base.family(), base.policy(), base.kazakhstan(), base.economy(),
                base.regions(), base.destinations(), List.copyOf(timeline));
        if (timelineNode == null) {
            tree.set("timeline", JsonNodeFactory.instance.arrayNode());
        }
        return new ScenarioLoader.Loaded(full, tree);
    }

    /** Collects problems naming the file that set each field. */
    static final class OriginProblems {
        final String leafFile;
        final Map<String, String> origin;
        final List<String> problems = new ArrayList<>();

        OriginProblems(String leafFile, Map<String, String> origin) {
            this.leafFile = leafFile;
            this.origin = origin;
        }

        void add(String path, String message) {
            String f = fileOf(path);
            boolean extended = !f.equals(leafFile) && !f.equals(TreeMerge.DEFAULTS) && !f.startsWith("overlay of ");
            problems.add(f + ": " + Fields.cutPath(path) + ": " + message
                    + (extended ? " (in a file that " + Path.of(leafFile).getFileName() + " extends)" : ""));
        }

        String fileOf(String path) {
            String p = path.replaceAll("\\[\\d+]", "");
            if (p.startsWith("timeline")) {
                return leafFile;
            }
            while (!p.isEmpty()) {
                String f = origin.get(p);
                if (f != null) {
                    return f;
                }
                int dot = p.lastIndexOf('.');
                p = dot < 0 ? "" : p.substring(0, dot);
            }
            return leafFile;
        }
    }

    /** Receives one problem: the field path and the message. */
    interface Reporter {
        void add(String path, String message);
    }

    static Scenario bindOne(ObjectNode tree, Reporter reporter) {
        Fields.Problems problems = new Fields.Problems("") {
            @Override
            public void add(String path, String message) {
                reporter.add(path, message);
            }
        };
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP_LEVEL.contains(k)) {
                problems.add(k, "unknown field; allowed top-level fields: " + TOP_LEVEL);
            }
        }
        Fields top = new Fields(tree, "", problems);
        List<String> defaultRegionIds = DefaultTables.regionIds();
        List<String> defaultDestinationIds = DefaultTables.destinationIds();
        String name = top.text("name");
        String description = top.text("description", "");
        RunSettings run = sub(top, "run", RunSettings::read);
        PopulationParams population = sub(top, "population", PopulationParams::read);
        StudyParams study = sub(top, "study", f -> StudyParams.read(f, defaultDestinationIds));
        DecisionParams decision = sub(top, "decision", DecisionParams::read);
        HumanCapitalParams hc = sub(top, "humanCapital", HumanCapitalParams::read);
        FamilyParams family = sub(top, "family", FamilyParams::read);
        PolicyParams policy = sub(top, "policy", f -> PolicyParams.read(f, new SectionReader.Context(defaultRegionIds,
                defaultDestinationIds, DefaultTables.destinationGroups())));
        KazakhstanIndices kz = sub(top, "kazakhstan", KazakhstanIndices::read);
        EconomyParams economy = sub(top, "economy", EconomyParams::read);
        Map<String, RegionData> regions = top.byId("regions", defaultRegionIds, true, f -> RegionData.read(f, idOf(f)));
        Map<String, DestinationData> destinations = top.byId("destinations", defaultDestinationIds, true,
                f -> DestinationData.read(f, idOf(f)));
        top.has("timeline");
        top.has("extends");
        CrossFieldRules.check(population, study, policy, run, problems);
        List<String> headline = HeadlineField.read(top, regions.keySet(), destinations.keySet());
        return new Scenario(name, description, headline, run, population, study, decision, hc, family, policy, kz, economy,
                java.util.Collections.unmodifiableMap(regions), java.util.Collections.unmodifiableMap(destinations),
                List.of());
    }

    private static String idOf(Fields f) {
        String p = f.path();
        return p.substring(p.lastIndexOf('.') + 1);
    }

    private static <T> T sub(Fields top, String key, java.util.function.Function<Fields, T> reader) {
        Fields f = top.group(key);
        T t = reader.apply(f);
        f.done();
        return t;
    }
}
