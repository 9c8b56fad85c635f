package kz.kosh.scenario;

/**
 * One parameter of a policy programme (a plug-in, package {@code kz.kosh.policy}): the single definition of its YAML name, bounds, unit,
 * label and source. The loader reads the value with these bounds ({@link #number},
 * {@link #integer}, {@link #bool}), docs/parameters.md takes unit and source from here
 * ({@code ./kosh params}), and the GUI's Model tab takes the label and bounds. The default value
 * lives in {@code defaults.yaml}; {@code ParameterTableTest} checks that every policy leaf there
 * has exactly one definition here and vice versa.
 *
 * @param section YAML key of the module under {@code policy}
 * @param name    YAML key of the parameter in its section
 * @param min     smallest allowed value (numbers and whole numbers; 0 for switches and lists)
 * @param max     largest allowed value
 * @param unit    unit as printed in docs/parameters.md
 * @param label   short human label (GUI)
 * @param source  where the value comes from: a citation, a programme rule, or "assumption: ..."
 * @param numeric whether the value is a number (or whole number) within [min, max], as opposed to a
 *                switch, a list or a map of ids
 * @param wholeNumberInFiles whether a scenario file must give it as a whole number (a count held as a
 *                number: a sweep's design points may be fractional, expected counts)
 */
public record Param(String section, String name, double min, double max, String unit, String label, String source,
                    boolean numeric, boolean wholeNumberInFiles) {

    /**
     * The dotted scenario path, e.g. {@code policy.bolashak.awardsPerYear}; {@code policy.<section>}
     * for a parameter that is the whole section (an empty name, e.g. the map {@code policy.visaRoutes}).
     * A section containing {@code <id>} (e.g. {@code visaRoutes.<id>}) names a field of every entry of a map of ids.
     */
    public String path() {
        return name.isEmpty() ? "policy." + section : "policy." + section + "." + name;
    }

    /** Reads a number within [min, max] from the module's section. */
    public double number(Fields f) {
        return f.num(name, min, max);
    }

    /** Reads a whole number within [min, max] from the module's section. */
    public int integer(Fields f) {
        return f.integer(name, (int) min, (int) max);
    }

    /** Reads a switch (true / false) from the module's section. */
    public boolean bool(Fields f) {
        return f.bool(name);
    }

    /** Whether {@code v} lies within the bounds (GUI setters refuse other values). */
    public boolean allows(double v) {
        return v >= min && v <= max;
    }

    /** A number or whole-number parameter. */
    public static Param of(String section, String name, double min, double max, String unit, String label, String source) {
        return new Param(section, name, min, max, unit, label, source, true, false);
    }

    /** A count held as a number (persons, awards): a scenario file gives it as a whole number. */
    public static Param ofCount(String section, String name, double min, double max, String unit, String label,
                                String source) {
        return new Param(section, name, min, max, unit, label, source, true, true);
    }

    /** A switch, a list or a map of ids (bounds not used). */
    public static Param other(String section, String name, String unit, String label, String source) {
        return new Param(section, name, 0, 1, unit, label, source, false, false);
    }
}
