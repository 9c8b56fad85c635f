package kz.kosh.policy;

import kz.kosh.scenario.Fields;
import kz.kosh.scenario.Param;
import kz.kosh.scenario.PolicySection;
import kz.kosh.scenario.SectionReader;

import java.util.List;
import java.util.Map;

/**
 * A programme plug-in: its YAML section, its parameters, how its values are read and checked,
 * and (for a programme not in {@code defaults.yaml}) its defaults. Each programme class declares
 * one ({@code PROGRAMME}); {@link Programmes} lists the built-in ones once.
 */
public final class Programme implements SectionReader {

    /** Reads a programme's values from its own group. */
    @FunctionalInterface
    public interface Reader {
        PolicyModule read(Fields section, Context context);
    }

    /** A cross-field check of a programme's values. */
    @FunctionalInterface
    public interface Check<M> {
        void check(M values, Parts parts, Fields.Problems problems);
    }

    private final String section;
    private final List<Param> params;
    private final Reader reader;
    private final boolean ownGroup;
    private final Check<PolicySection> check;
    private final Map<String, Object> defaults;
    private final List<kz.kosh.indicator.Indicator> indicators;

    private Programme(String section, List<Param> params, Reader reader, boolean ownGroup,
                      Check<PolicySection> check, Map<String, Object> defaults,
                      List<kz.kosh.indicator.Indicator> indicators) {
        this.section = section;
        this.params = List.copyOf(params);
        this.reader = reader;
        this.ownGroup = ownGroup;
        this.check = check;
        this.defaults = defaults;
        this.indicators = List.copyOf(indicators);
    }

    /** A programme whose section is a group of fields {@code policy.<section>}. */
    public static Programme of(String section, List<Param> params, Reader reader) {
        return new Programme(section, params, reader, true, null, null, List.of());
    }

    /**
     * A programme that reads its section itself from the {@code policy} group (e.g. a map of ids,
     * {@code policy.visaRoutes}).
     */
    public static Programme ofPolicyGroup(String section, List<Param> params, Reader reader) {
        return new Programme(section, params, reader, false, null, null, List.of());
    }

    /** The same programme with a cross-field check of its values (of type {@code type}). */
    public <M extends PolicySection> Programme withCheck(Class<M> type, Check<M> c) {
        return new Programme(section, params, reader, ownGroup, (v, p, pr) -> c.check(type.cast(v), p, pr), defaults,
                indicators);
    }

    /** The same programme with its defaults (a programme whose section is not in defaults.yaml). */
    public Programme withDefaults(Map<String, Object> values) {
        return new Programme(section, params, reader, ownGroup, check, Map.copyOf(values), indicators);
    }

    /**
     * The same programme with its indicators (unit and definition each; the module writes their
     * values, {@link PolicyModule#indicators}).
     */
    public Programme withIndicators(kz.kosh.indicator.Indicator... list) {
        return new Programme(section, params, reader, ownGroup, check, defaults, List.of(list));
    }

    /** The programme's indicators, in the order it writes them. */
    public List<kz.kosh.indicator.Indicator> indicators() {
        return indicators;
    }

    /**
     * Adds a programme that is not on the built-in list ({@link Programmes}): its section to the
     * scenario loader and its indicators to the indicator registry, until the handle is closed.
     */
    public AutoCloseable register() {
        AutoCloseable section = kz.kosh.scenario.SectionReaders.register(this);
        for (kz.kosh.indicator.Indicator i : indicators) {
            kz.kosh.indicator.IndicatorRegistry.register(i);
        }
        return () -> {
            for (kz.kosh.indicator.Indicator i : indicators) {
                kz.kosh.indicator.IndicatorRegistry.unregister(i);
            }
            section.close();
        };
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public PolicySection read(Fields policy, Context context) {
        if (!ownGroup) {
            return reader.read(policy, context);
        }
        Fields f = policy.group(section);
        PolicyModule m = reader.read(f, context);
        f.done();
        return m;
    }

    @Override
    public void check(PolicySection values, Parts parts, Fields.Problems problems) {
        if (check != null) {
            check.check(values, parts, problems);
        }
    }

    @Override
    public Map<String, Object> defaults() {
        return defaults;
    }
}
