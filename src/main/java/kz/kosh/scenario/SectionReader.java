package kz.kosh.scenario;

import java.util.List;
import java.util.Map;

/**
 * How one section of a scenario's {@code policy} is read and checked: the scenario layer's side
 * of a programme plug-in. A programme package provides one per section through its registry (the
 * built-in ones: {@code kz.kosh.policy.Programmes}, found by {@link SectionReaders}); the loader
 * reads every registered section, in registry order, without naming any.
 */
public interface SectionReader {

    /** What a reader may need besides its own fields: the ids of the places and destination groups. */
    record Context(List<String> regionIds, List<String> destinationIds, List<String> destinationGroups) {
    }

    /** The parts of a scenario a cross-field check may read (any may be null after errors in them). */
    record Parts(RunSettings run, PopulationParams population, StudyParams study) {
    }

    /** A registry of sections: implemented by a programme package, listed in META-INF/services. */
    interface Catalogue {
        /** The sections, in YAML order. */
        List<SectionReader> sections();
    }

    /** YAML key of the section under {@code policy}. */
    String section();

    /** Every parameter's definition, in YAML order (docs/parameters.md, the GUI, the loader's bounds). */
    List<Param> params();

    /**
     * Reads the section from the {@code policy} group (the reader takes its own group, normally
     * {@code policy.group(section())}, and reports every problem to it).
     */
    PolicySection read(Fields policy, Context context);

    /** Rules that join this section's fields with other groups; each names the field to change and what is allowed. */
    default void check(PolicySection section, Parts parts, Fields.Problems problems) {
    }

    /**
     * The section's default values as a YAML map, for a section that is not in the built-in
     * {@code defaults.yaml} (an added programme); null when defaults.yaml holds them.
     */
    default Map<String, Object> defaults() {
        return null;
    }
}
