package kz.kosh.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-agent fields programmes declare, handed out by name: a programme that must remember
 * something about an agent (a payment received, a status of its own, a year) declares a field
 * once, when its class is loaded ({@link #declare}), and reads and writes it through the views
 * its hooks get ({@code kz.kosh.policy.Mover#get}); the population stores each field in a compact
 * primitive array of its {@link Width}, allocated before the year's phases for the modules in
 * force that name it ({@code kz.kosh.policy.PolicyModule#fields}; a run without them holds nothing
 * for it: the built-in programmes keep their state in the population's own arrays). A field
 * reads 0 for an agent that never had it set. The scenario layer names no programme: the names
 * are the programmes'.
 */
public final class AgentFields {

    /** Storage of a field per agent: a signed byte, short or int. */
    public enum Width {
        BYTE(1, Byte.MIN_VALUE, Byte.MAX_VALUE), SHORT(2, Short.MIN_VALUE, Short.MAX_VALUE),
        INT(4, Integer.MIN_VALUE, Integer.MAX_VALUE);

        /** Bytes per agent. */
        public final int bytes;
        /** Smallest and largest value the field holds. */
        public final long min;
        public final long max;

        Width(int bytes, long min, long max) {
            this.bytes = bytes;
            this.min = min;
            this.max = max;
        }
    }

    /**
     * A declared field: its handle (the index the population stores it under), name (lower case,
     * digits and underscores, unique, e.g. {@code arrival_grant_paid}) and width.
     */
    public record Field(int handle, String name, Width width) {
    }

    private static final List<Field> fields = new ArrayList<>();
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private AgentFields() {
    }

    /**
     * Declares a field, or returns the one of that name already declared with the same width.
     *
     * @throws IllegalArgumentException for a malformed name, or a name declared with another width
     */
    public static synchronized Field declare(String name, Width width) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("agent field name '" + name
                    + "': allowed: a lower-case letter, then up to 63 lower-case letters, digits or underscores");
        }
        for (Field f : fields) {
            if (f.name().equals(name)) {
                if (f.width() != width) {
                    throw new IllegalArgumentException("agent field " + name + " is already declared as " + f.width()
                            + ", not " + width);
                }
                return f;
            }
        }
        Field f = new Field(fields.size(), name, width);
        fields.add(f);
        return f;
    }

    /** The field of a name, or null when none is declared. */
    public static synchronized Field of(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The number of fields declared so far (handles are 0 to count − 1). */
    public static synchronized int count() {
        return fields.size();
    }
}
