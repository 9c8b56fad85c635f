package kz.kosh.experiment.dose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.experiment.report.KeyIndicator;
import kz.kosh.scenario.Fields;
import kz.kosh.scenario.Param;
import kz.kosh.scenario.Params;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A dose-response file: a reference scenario, the Monte Carlo design and the levers, each a
 * scenario parameter given at several doses with the indicators it should move. Read from YAML:
 * <pre>
 * name: obligation-response
 * reference: ../scenarios/baseline.yaml   # relative to this file
 * replications: 4                         # paired: replication r of every dose has seed baseSeed + r
 * baseSeed: 1
 * scale: 0.05
 * levers:
 *   - id: bolashak-enforcement
 *     title: "Bolashak: probability that a breach of the return obligation is enforced"
 *     path: policy.bolashak.enforcementProbability
 *     doses: [0, 0.25, 0.5, 0.75, 1]
 *     responses: [first_job_abroad_share_bolashak, obligation_breaches_bolashak]   # indicator or indicator@place
 *     set: {policy: {returnSupport: {enabled: true}}}   # optional: fixed at every dose
 *     library: no-bolashak-obligation                  # optional: the library scenario the lever belongs to
 * </pre>
 * Each dose is the reference with the lever's value (and {@code set}) at the top level, so it
 * holds in every year, the spin-up included, also against the reference's timeline: the
 * response is that of a lasting policy, not of a change in a given year.
 */
public record DoseResponseSpec(Path file, String name, Path reference, int replications, long baseSeed, double scale,
                               List<Lever> levers) {
    /** Most levers and doses of one file. */
    static final int MAX_LEVERS = 50;
    static final int MAX_DOSES = 20;

    /**
     * One lever: its id (part of the dose scenarios' names), title, parameter path with the
     * parameter's unit, doses, responses (indicator codes), a fixed overlay and its library scenario.
     */
    public record Lever(String id, String title, String path, String unit, double[] doses, List<String> responses,
                        ObjectNode set, String library) {
        /** The overlay of dose {@code k}: {@link #set} with the lever's value. */
        public ObjectNode overlay(int k) {
            ObjectNode o = set == null ? JsonNodeFactory.instance.objectNode() : set.deepCopy();
            String[] parts = path.split("\\.");
            ObjectNode at = o;
            for (int i = 0; i < parts.length - 1; i++) {
                at = at.withObject("/" + parts[i]);
            }
            double v = doses[k];
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                at.put(parts[parts.length - 1], (long) v);
            } else {
                at.put(parts[parts.length - 1], v);
            }
            return o;
        }

        /** The name of dose {@code k}'s scenario: "&lt;id&gt;-&lt;k+1&gt;". */
        public String doseName(int k) {
            return id + "-" + (k + 1);
        }
    }

    /** Total dose scenarios. */
    public int doseCount() {
        return levers.stream().mapToInt(l -> l.doses().length).sum();
    }

    /** Reads and validates a dose-response file; every problem in one pass (ScenarioException). */
    public static DoseResponseSpec load(Path file) {
        JsonNode root = kz.kosh.scenario.StrictYaml.readOrThrow(file, "dose-response");
        Fields.Problems problems = new Fields.Problems(file.toString());
        Fields f = new Fields(root, "", problems);
        String name = f.name(file);
        Path reference = null;
        String ref = f.text("reference", null);
        if (ref == null) {
            problems.add("reference", "required field is missing: the reference scenario file (relative to this file)");
        } else {
            reference = file.toAbsolutePath().getParent().resolve(ref).normalize();
            try {
                ScenarioLoader.load(reference);
            } catch (ScenarioException e) {
                e.problems().forEach(p -> problems.add("reference", p));
                reference = null;
            }
        }
        int replications = f.integer("replications", 1, 100_000);
        long baseSeed = f.longValue("baseSeed", 1, Long.MAX_VALUE / 2);
        double scale = f.num("scale", kz.kosh.scenario.RunSettings.MIN_SCALE, 1.0);
        List<Lever> levers = new ArrayList<>();
        JsonNode list = f.raw("levers");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_LEVERS) {
            problems.add("levers", "expected a list of 1-" + MAX_LEVERS + " levers, each {id, title, path, doses, responses}");
        } else {
            Set<String> ids = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Lever l = lever(new Fields(list.get(i), "levers[" + i + "]", problems), "levers[" + i + "]", reference,
                        problems);
                if (l != null && !ids.add(l.id())) {
                    problems.add("levers[" + i + "].id", "'" + l.id() + "' is used twice; give each lever its own id");
                }
                if (l != null) {
                    levers.add(l);
                }
            }
        }
        f.done();
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems.list());
        }
        return new DoseResponseSpec(file.toAbsolutePath().normalize(), name, reference, replications, baseSeed, scale,
                List.copyOf(levers));
    }

    private static Lever lever(Fields f, String where, Path reference, Fields.Problems problems) {
        int before = problems.list().size();
        String id = f.text("id", "");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            problems.add(where + ".id", "'" + Fields.cut(id) + "' is not allowed; allowed: 1-41 characters a-z 0-9 -, "
                    + "starting with a letter or digit (it names the dose scenarios)");
        }
        String title = f.text("title", "");
        if (title.isBlank()) {
            problems.add(where + ".title", "required field is missing: what the lever is, in words");
        }
        String path = f.text("path", "");
        Param p = Params.find(path).orElse(null);
        if (p == null || !p.numeric()) {
            problems.add(where + ".path", "'" + Fields.cut(path) + "' is not a numeric scenario parameter (see kosh params)");
        }
        double[] doses = new double[0];
        JsonNode d = f.raw("doses");
        if (d == null || !d.isArray() || d.size() < 2 || d.size() > MAX_DOSES) {
            problems.add(where + ".doses", "expected a list of 2-" + MAX_DOSES + " numbers, in increasing order");
        } else {
            doses = f.nums("doses", d.size(), p != null ? p.min() : -Double.MAX_VALUE, p != null ? p.max() : Double.MAX_VALUE);
            for (int k = 1; k < doses.length; k++) {
                if (!(doses[k] > doses[k - 1])) {
                    problems.add(where + ".doses", "must increase strictly; dose " + (k + 1) + " (" + Fields.fmt(doses[k])
                            + ") is not above dose " + k + " (" + Fields.fmt(doses[k - 1]) + ")");
                    break;
                }
            }
        }
        List<String> responses = new ArrayList<>();
        JsonNode r = f.raw("responses");
        if (r == null || !r.isArray() || r.isEmpty()) {
            problems.add(where + ".responses", "expected a list of indicators (name or name@place, see kosh indicators)");
        } else {
            for (int k = 0; k < r.size(); k++) {
                String code = r.get(k).asText("");
                if (!r.get(k).isTextual() || KeyIndicator.parse(code) == null) {
                    problems.add(where + ".responses[" + k + "]", "'" + Fields.cut(code) + "' is not an indicator Kosh "
                            + "computes (name or name@place, see kosh indicators)");
                } else {
                    responses.add(code);
                }
            }
        }
        ObjectNode set = null;
        if (f.has("set")) {
            JsonNode s = f.raw("set");
            if (s instanceof ObjectNode o) {
                set = o.deepCopy();
            } else {
                problems.add(where + ".set", "expected a mapping of scenario fields, e.g. {policy: {returnSupport: {enabled: true}}}");
            }
        }
        String library = f.has("library") ? f.text("library") : null;
        f.done();
        if (problems.list().size() > before) {
            return null;
        }
        Lever lever = new Lever(id, title, path, p.unit(), doses, List.copyOf(responses), set, library);
        if (reference != null) {
            // every dose must load: a value the scenario's own rules refuse is reported here, before any run
            for (int k = 0; k < doses.length; k++) {
                try {
                    ScenarioLoader.load(reference, lever.overlay(k), lever.doseName(k));
                } catch (ScenarioException e) {
                    for (String m : e.problems()) {
                        problems.add(where + ".doses[" + k + "]", m);
                    }
                }
            }
        }
        return lever;
    }
}
