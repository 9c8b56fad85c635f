package kz.kosh.scenario;

/**
 * The values of one section of a scenario's {@code policy} (one programme or lever), as its
 * {@link SectionReader} read them. The scenario layer holds sections without knowing any
 * programme: what a section does to the world, the choice tables and the agents lives in the
 * programme's package ({@code kz.kosh.policy} for the built-in ones).
 */
public interface PolicySection {

    /** Whether the section acts in this scenario (a disabled one adds nothing and changes no agent). */
    boolean enabled();

    /**
     * The statuses (obligation types of the agents' kinds) this section owns: the types its
     * programme gives agents. Empty for a lever that gives none.
     */
    default int[] statuses() {
        return new int[0];
    }

    /**
     * Whether agents can hold an owned status under these parameters, i.e. whether its rows of
     * the choice tables are needed (default: always).
     */
    default boolean statusInForce(int status) {
        return true;
    }
}
