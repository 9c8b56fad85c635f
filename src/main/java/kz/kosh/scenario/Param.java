package kz.kosh.scenario;

import java.util.List;
import java.util.Map;

/**
 * One parameter of the model: the single definition of its YAML path, kind, bounds, unit, label
 * and source. Every group declares its parameters this way: the scenario groups as constants of
 * their record ({@link DecisionParams#STAY_BONUS}, ...; all listed by {@link Params}), a policy
 * programme (a plug-in, package {@code kz.kosh.policy}) in its own class. The loader reads values
 * with these bounds ({@link #number}, {@link #integer}, {@link #numbers}, ...), docs/parameters.md
 * takes unit and source from here ({@code ./kosh params}), the GUI's Model tab takes label and
 * bounds, and a calibration's free parameters are checked against them. The default value lives in
 * {@code defaults.yaml} (the region and destination tables: {@code kz/kosh/data/*.csv});
 * {@code ParameterTableTest} checks that every leaf there has exactly one definition and vice versa.
 * The records keep plain fields: a definition is read once per scenario load, never per decision.
 *
 * @param group  dotted path of the mapping that holds the parameter: {@code decision},
 *               {@code policy.bolashak}; {@code <id>} stands for every id of a map of ids
 *               ({@code destinations.<id>}, {@code policy.visaRoutes.<id>})
 * @param name   YAML key of the parameter in its group (empty: the parameter is the whole group,
 *               e.g. the map {@code policy.visaRoutes})
 * @param kind   what a file gives: a number, a whole number, a list, a map of ids to numbers, ...
 * @param length number of entries of a {@link Kind#NUMBERS} list (0 otherwise)
 * @param min    smallest allowed value (numbers, whole numbers, list entries; 0 for the others)
 * @param max    largest allowed value
 * @param unit   unit as printed in docs/parameters.md
 * @param label  short human label (GUI)
 * @param source where the value comes from: a citation, a programme rule, or "assumption: ..."
 */
public record Param(String group, String name, Kind kind, int length, double min, double max, String unit, String label,
                    String source) {

    /** What a scenario file gives for a parameter. */
    public enum Kind {
        /** a number within [min, max] */
        NUMBER,
        /** a count held as a number (persons, awards): a scenario file gives it as a whole number */
        COUNT,
        /** a whole number within [min, max] */
        WHOLE,
        /** a list of {@code length} numbers, each within [min, max] */
        NUMBERS,
        /** a mapping from ids to numbers within [min, max] */
        NUMBERS_BY_ID,
        /** true or false */
        SWITCH,
        /** text */
        TEXT,
        /** a list, a map of ids or a structure read by its group's own code */
        OTHER
    }

    /** Prefix of the groups of policy programmes. */
    static final String POLICY = "policy.";

    /** The group without {@code policy.}: a programme's section, e.g. {@code bolashak} (other groups: the group). */
    public String section() {
        return group.startsWith(POLICY) ? group.substring(POLICY.length()) : group;
    }

    /**
     * The dotted scenario path, e.g. {@code policy.bolashak.awardsPerYear} or {@code decision.stayBonus};
     * the group itself for a parameter that is the whole group (an empty name, e.g. the map {@code policy.visaRoutes}).
     */
    public String path() {
        return name.isEmpty() ? group : group + "." + name;
    }

    /** A number, a count or a whole number: one value within [min, max] (the GUI and calibrations can set it). */
    public boolean numeric() {
        return kind == Kind.NUMBER || kind == Kind.COUNT || kind == Kind.WHOLE;
    }

    /** Whether a scenario file must give it as a whole number although it is held as a number (a sweep's design points may be fractional). */
    public boolean wholeNumberInFiles() {
        return kind == Kind.COUNT;
    }

    /** Reads a number within [min, max] from the parameter's group. */
    public double number(Fields f) {
        return f.num(name, min, max);
    }

    /** Reads a whole number within [min, max] from the parameter's group. */
    public int integer(Fields f) {
        return f.integer(name, (int) min, (int) max);
    }

    /** Reads a long whole number within [min, max] from the parameter's group. */
    public long longValue(Fields f) {
        return f.longValue(name, (long) min, (long) max);
    }

    /** Reads a switch (true / false) from the parameter's group. */
    public boolean bool(Fields f) {
        return f.bool(name);
    }

    /** Reads text from the parameter's group. */
    public String text(Fields f) {
        return f.text(name);
    }

    /** Reads a list of {@link #length} numbers within [min, max]. */
    public double[] numbers(Fields f) {
        return f.nums(name, length, min, max);
    }

    /** Reads a mapping from ids (each one of {@code ids}) to numbers within [min, max]. */
    public Map<String, Double> numbersById(Fields f, List<String> ids) {
        return f.numbersById(name, ids, min, max);
    }

    /** Whether {@code v} lies within the bounds (GUI setters refuse other values). */
    public boolean allows(double v) {
        return v >= min && v <= max;
    }

    /** The same definition with another GUI label. */
    public Param withLabel(String newLabel) {
        return new Param(group, name, kind, length, min, max, unit, newLabel, source);
    }

    // ---- policy programmes: the group is policy.<section> ----

    /** A number or whole-number parameter of a policy programme. */
    public static Param of(String section, String name, double min, double max, String unit, String label, String source) {
        return new Param(POLICY + section, name, Kind.NUMBER, 0, min, max, unit, label, source);
    }

    /** A count held as a number (persons, awards) of a policy programme: a scenario file gives it as a whole number. */
    public static Param ofCount(String section, String name, double min, double max, String unit, String label,
                                String source) {
        return new Param(POLICY + section, name, Kind.COUNT, 0, min, max, unit, label, source);
    }

    /** A switch, a list or a map of ids of a policy programme (bounds not used). */
    public static Param other(String section, String name, String unit, String label, String source) {
        return new Param(POLICY + section, name, Kind.OTHER, 0, 0, 1, unit, label, source);
    }

    // ---- the scenario groups: the group is the full dotted path; the label is made from the name ----

    /** A number within [min, max]. */
    public static Param num(String group, String name, double min, double max, String unit, String source) {
        return new Param(group, name, Kind.NUMBER, 0, min, max, unit, label(name), source);
    }

    /** A whole number within [min, max]. */
    public static Param whole(String group, String name, double min, double max, String unit, String source) {
        return new Param(group, name, Kind.WHOLE, 0, min, max, unit, label(name), source);
    }

    /** A list of {@code length} numbers, each within [min, max]. */
    public static Param list(String group, String name, int length, double min, double max, String unit, String source) {
        return new Param(group, name, Kind.NUMBERS, length, min, max, unit, label(name), source);
    }

    /** A mapping from ids to numbers within [min, max]. */
    public static Param byId(String group, String name, double min, double max, String unit, String source) {
        return new Param(group, name, Kind.NUMBERS_BY_ID, 0, min, max, unit, label(name), source);
    }

    /** A switch (true / false). */
    public static Param flag(String group, String name, String unit, String source) {
        return new Param(group, name, Kind.SWITCH, 0, 0, 1, unit, label(name), source);
    }

    /** Text. */
    public static Param text(String group, String name, String unit, String source) {
        return new Param(group, name, Kind.TEXT, 0, 0, 0, unit, label(name), source);
    }

    /** A label made from a camel-case name: {@code homeTieHalfLifeYearsAbroad} gives "Home tie half life years abroad". */
    static String label(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i == 0) {
                sb.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c) && !Character.isUpperCase(name.charAt(i - 1))) {
                sb.append(' ').append(Character.toLowerCase(c));
            } else if (Character.isDigit(c) && !Character.isDigit(name.charAt(i - 1))) {
                sb.append(' ').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString().replace(" kzt", " (KZT)");
    }
}
