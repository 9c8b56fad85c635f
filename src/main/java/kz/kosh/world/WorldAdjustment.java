package kz.kosh.world;

/**
 * A change a policy section makes to the world of a year when it is built (wages, unemployment,
 * regional indices, visa routes): called once per world build, never per agent, in section
 * order. The world applies the scenario's sections that implement it without knowing them.
 */
public interface WorldAdjustment {

    /** Changes the world being built. */
    void adjustWorld(World.Editor world);
}
