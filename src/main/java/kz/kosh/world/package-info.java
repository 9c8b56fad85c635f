/**
 * The world of a year: places (regions, destinations), distances, wages, unemployment, visa
 * routes, and the yearly input series that move them. May import {@code scenario} and
 * {@code indicator}. A policy section changes the world through {@link kz.kosh.world.WorldAdjustment},
 * which the world applies without knowing the programme.
 */
package kz.kosh.world;
