package kz.kosh.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The policies a scenario switches: one {@linkplain PolicySection section} per programme or
 * lever, in registry order ({@link SectionReaders}). The scenario layer names no programme: a
 * programme's code finds its own section with {@link #get(Class)} or {@link #section(String)}.
 */
public final class PolicyParams {
    private final Map<String, PolicySection> sections;
    /** The section owning each status, by status index (null for none). */
    private final PolicySection[] owners;

    /** @param sections the sections by YAML key, in registry order */
    public PolicyParams(Map<String, PolicySection> sections) {
        this.sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        int max = -1;
        for (PolicySection s : this.sections.values()) {
            for (int t : s.statuses()) {
                max = Math.max(max, t);
            }
        }
        owners = new PolicySection[max + 1];
        for (PolicySection s : this.sections.values()) {
            for (int t : s.statuses()) {
                if (owners[t] != null) {
                    throw new IllegalStateException("status " + t + " is owned by two policy sections");
                }
                owners[t] = s;
            }
        }
    }

    /** The sections in YAML order. */
    public List<PolicySection> sections() {
        return new ArrayList<>(sections.values());
    }

    /** The sections by YAML key (also how a resolved scenario writes its policy: one field per section). */
    @com.fasterxml.jackson.annotation.JsonValue
    public Map<String, PolicySection> byKey() {
        return sections;
    }

    /** The section of a YAML key ({@code bolashak}, {@code visaRoutes}, ...). */
    public PolicySection section(String key) {
        PolicySection s = sections.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no policy section " + key);
        }
        return s;
    }

    /** The section of a type (the first of that type). */
    public <T> T get(Class<T> type) {
        for (PolicySection s : sections.values()) {
            if (type.isInstance(s)) {
                return type.cast(s);
            }
        }
        throw new IllegalArgumentException("no policy section of type " + type.getSimpleName());
    }

    /** The same policies with one section replaced (a lever set by the GUI or a test). */
    public PolicyParams with(String key, PolicySection section) {
        if (!sections.containsKey(key)) {
            throw new IllegalArgumentException("no policy section " + key);
        }
        Map<String, PolicySection> m = new LinkedHashMap<>(sections);
        m.put(key, section);
        return new PolicyParams(m);
    }

    /** The section that owns a status (null for none and for a status nobody owns). */
    public PolicySection owner(int status) {
        return status >= 0 && status < owners.length ? owners[status] : null;
    }

    /**
     * Whether these parameters give agents a status, i.e. whether its rows of the choice tables
     * are needed: the owning section says ({@link PolicySection#statusInForce}); a status nobody
     * owns (none) always.
     */
    public boolean statusInForce(int status) {
        PolicySection s = owner(status);
        return s == null || s.statusInForce(status);
    }

    /** Every policy parameter's definition, in YAML order (docs/parameters.md, the GUI). */
    public static List<Param> definitions() {
        List<Param> all = new ArrayList<>();
        for (SectionReader r : SectionReaders.all()) {
            all.addAll(r.params());
        }
        return all;
    }

    static PolicyParams read(Fields f, SectionReader.Context context) {
        Map<String, PolicySection> m = new LinkedHashMap<>();
        for (SectionReader r : SectionReaders.all()) {
            m.put(r.section(), r.read(f, context));
        }
        return new PolicyParams(m);
    }

    /** Each section's cross-field checks. */
    void check(SectionReader.Parts parts, Fields.Problems problems) {
        for (SectionReader r : SectionReaders.all()) {
            PolicySection s = sections.get(r.section());
            if (s != null) {
                r.check(s, parts, problems);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyParams p && sections.equals(p.sections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sections);
    }

    @Override
    public String toString() {
        return "PolicyParams" + sections;
    }
}
