package kz.kosh.indicator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one registry of indicators: every name written to indicators.csv is registered here with
 * its unit and definition. The recorder, the reports, the GUI, sensitivity, the glossary and
 * docs/outputs.md read it. The model's own indicators are {@link CoreIndicators}; the built-in
 * programmes' come from their registry ({@link Source}, META-INF/services); a programme added at run
 * time registers its own ({@link #register}).
 */
public final class IndicatorRegistry {
    private static final Map<String, Indicator> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, List<String>> MEMBERS = new LinkedHashMap<>();

    /** The indicators of a programme package, found through META-INF/services (after the core ones). */
    public interface Source {
        /** The package's indicators, in the order indicators.csv writes them. */
        List<Indicator> indicators();
    }

    static {
        CoreIndicators.registerAll();
        for (Source s : java.util.ServiceLoader.load(Source.class, IndicatorRegistry.class.getClassLoader())) {
            for (Indicator i : s.indicators()) {
                register(i);
            }
        }
        for (Indicator i : PairedIndicators.ALL) {
            register(i);
        }
    }

    private IndicatorRegistry() {
    }

    /**
     * Registers an indicator; registering the same definition again is a no-op, a different one
     * under a name already taken is an error (two definitions of one name).
     */
    public static synchronized Indicator register(Indicator i) {
        Indicator old = BY_NAME.get(i.name());
        if (old != null && !old.equals(i)) {
            throw new IllegalStateException("indicator " + i.name() + " is defined twice");
        }
        BY_NAME.put(i.name(), i);
        return i;
    }

    /**
     * Removes an indicator registered at run time (a programme added by a test or an extension,
     * when it is removed again); the core indicators stay.
     */
    public static synchronized void unregister(Indicator i) {
        if (CoreIndicators.ALL.contains(i)) {
            throw new IllegalArgumentException("core indicator " + i.name() + " cannot be removed");
        }
        BY_NAME.remove(i.name(), i);
    }

    /**
     * The indicator of a name written to indicators.csv: the exact name, or the family whose
     * prefix it starts with (the longest such prefix); null for a name Kosh does not compute.
     */
    public static synchronized Indicator find(String name) {
        Indicator i = BY_NAME.get(name);
        if (i != null && !i.family()) {
            return i;
        }
        Indicator best = null;
        for (Indicator f : BY_NAME.values()) {
            if (f.family() && name.startsWith(f.name()) && name.length() > f.name().length()
                    && (best == null || f.name().length() > best.name().length())) {
                best = f;
            }
        }
        return best;
    }

    /** Registers the members a family of this member hint has ("funding": bolashak, state-grant, ...). */
    public static synchronized void registerMembers(String hint, List<String> members) {
        List<String> all = new ArrayList<>(MEMBERS.getOrDefault(hint, List.of()));
        for (String m : members) {
            if (!all.contains(m)) {
                all.add(m);
            }
        }
        MEMBERS.put(hint, List.copyOf(all));
    }

    /** The known members of families of a member hint; empty when none are registered. */
    public static synchronized List<String> members(String hint) {
        return MEMBERS.getOrDefault(hint, List.of());
    }

    /**
     * Every name Kosh writes to indicators.csv as far as the registry knows it: the indicators
     * and, for each family, the family name with each registered member.
     */
    public static synchronized List<String> names() {
        List<String> out = new ArrayList<>();
        for (Indicator i : BY_NAME.values()) {
            if (!i.family()) {
                out.add(i.name());
            } else {
                for (String m : MEMBERS.getOrDefault(i.memberHint(), List.of())) {
                    out.add(i.of(m));
                }
            }
        }
        return out;
    }

    /** The unit of a name written to indicators.csv; null for a name Kosh does not compute. */
    public static String unit(String name) {
        Indicator i = find(name);
        return i == null ? null : i.unit();
    }

    /** Every registered indicator and family, in registration order. */
    public static synchronized List<Indicator> all() {
        return Collections.unmodifiableList(new ArrayList<>(BY_NAME.values()));
    }
}
