package kz.kosh.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every parameter definition ({@link Param}) of a scenario: those of the groups in YAML order
 * (each group's record lists its own, e.g. {@link DecisionParams#PARAMS}), then those of the policy
 * programmes in registry order ({@link PolicyParams#definitions()}), and the fields of the region
 * and destination tables. docs/parameters.md, the GUI's Model tab and the calibrations' free
 * parameters read them from here.
 */
public final class Params {
    private Params() {
    }

    /** The groups' parameters (defaults in defaults.yaml), in YAML order, without the policy programmes'. */
    public static final List<Param> GROUPS = concat(RunSettings.PARAMS, PopulationParams.PARAMS, StudyParams.PARAMS,
            DecisionParams.PARAMS, HumanCapitalParams.PARAMS, FamilyParams.PARAMS, KazakhstanIndices.PARAMS,
            EconomyParams.PARAMS);

    /** The fields of every row of the region and destination tables (defaults in kz/kosh/data/*.csv, sources in docs/data-sources.md). */
    public static final List<Param> TABLES = concat(RegionData.PARAMS, DestinationData.PARAMS);

    /** The parameters whose defaults are in defaults.yaml: the groups' and the policy programmes' (docs/parameters.md). */
    public static List<Param> documented() {
        List<Param> all = new ArrayList<>(GROUPS);
        all.addAll(PolicyParams.definitions());
        return all;
    }

    /** Every definition: the groups', the policy programmes' and the tables' fields. */
    public static List<Param> all() {
        List<Param> all = documented();
        all.addAll(TABLES);
        return all;
    }

    /**
     * The definition of a dotted scenario path: {@code decision.stayBonus}, {@code policy.bolashak.phdShare},
     * {@code destinations.RU.workAccess} (an id in place of {@code <id>}); empty when no parameter has that path.
     */
    public static Optional<Param> find(String path) {
        for (Param p : all()) {
            if (matches(p.path(), path)) {
                return Optional.of(p);
            }
        }
        return entryOfMapById(path);
    }

    /**
     * One entry of a map of ids to numbers ({@link Param.Kind#NUMBERS_BY_ID}), e.g.
     * {@code study.destinationConstants.RU}: a number with the map's bounds, unit and source, so that a
     * calibration, a history match, a sweep or a dose-response can vary one entry and leave the others
     * as the scenario has them (the overlay merges maps key by key). Whether the id is one of the
     * scenario's is checked where the scenario is read (the map's reader names the ids allowed); the
     * id must be a non-empty YAML key.
     */
    private static Optional<Param> entryOfMapById(String path) {
        int cut = path.lastIndexOf('.');
        if (cut <= 0 || cut == path.length() - 1) {
            return Optional.empty();
        }
        String map = path.substring(0, cut);
        String id = path.substring(cut + 1);
        if (!id.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        for (Param p : all()) {
            if (p.kind() == Param.Kind.NUMBERS_BY_ID && matches(p.path(), map)) {
                return Optional.of(new Param(map, id, Param.Kind.NUMBER, 0, p.min(), p.max(), p.unit() + " (" + id + ")",
                        p.label() + " " + id, p.source()));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String path) {
        String[] a = pattern.split("\\.", -1);
        String[] b = path.split("\\.", -1);
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (!(a[i].equals(b[i]) || a[i].equals(ParameterTable.ID) && !b[i].isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The built-in default (defaults.yaml) of a numeric parameter at a dotted path, e.g.
     * {@code policy.stateGrant.shareOfDomesticEntrants}: the reference state of a term that weighs a change
     * from the defaults. An unknown path or a value that is not a number is a programming error.
     */
    public static double builtInDefault(String path) {
        com.fasterxml.jackson.databind.JsonNode n = BuiltIn.TREE;
        for (String part : path.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException("no numeric built-in default at " + path);
        }
        return n.doubleValue();
    }

    private static final class BuiltIn {
        static final com.fasterxml.jackson.databind.node.ObjectNode TREE = TreeMerge.defaults(new java.util.HashMap<>());
    }

    /**
     * Why {@code [min, max]} cannot be the range of a free parameter at {@code path} (a calibration's,
     * a history match's), or null when it can: the path must name a numeric parameter and the range
     * must lie within its definition's bounds.
     */
    public static String freeParameterProblem(String path, double min, double max) {
        Optional<Param> d = find(path);
        if (d.isEmpty() || !d.get().numeric()) {
            return Fields.cut(path) + " is not a numeric parameter of a scenario; allowed: a path of docs/parameters.md "
                    + "(./kosh params) that holds one number, such as decision.stayBonus";
        }
        Param p = d.get();
        if (p.kind() == Param.Kind.WHOLE) {
            // a design's points (Latin hypercube, chains) are fractional; a whole number (years, ages) cannot take them
            return p.path() + " holds a whole number (" + p.unit() + "); allowed: a parameter that holds any number within "
                    + "its bounds, such as decision.stayBonus";
        }
        if (min < p.min() || max > p.max()) {
            return "[" + Fields.fmt(min) + ", " + Fields.fmt(max) + "] is outside the bounds of " + p.path() + "; allowed: within ["
                    + Fields.fmt(p.min()) + ", " + Fields.fmt(p.max()) + "] (" + p.unit() + ")";
        }
        return null;
    }

    @SafeVarargs
    private static List<Param> concat(List<Param>... lists) {
        List<Param> out = new ArrayList<>();
        for (List<Param> l : lists) {
            out.addAll(l);
        }
        return List.copyOf(out);
    }
}
