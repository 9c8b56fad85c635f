/**
 * The world of a year: places (regions, destinations), distances, wages, unemployment, visa
 * routes, and the yearly input series that move them. May import {@code scenario} and
 * {@code indicator}. Still against the order (LayersTest.KNOWN): {@link kz.kosh.world.World}
 * applies the policy modules' {@code adjustWorld} when it is built, until the programme plug-ins
 * hand it the changes.
 */
package kz.kosh.world;
