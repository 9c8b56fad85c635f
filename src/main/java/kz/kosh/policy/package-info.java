/**
 * Programmes and levers (Bolashak, state grants, academic mobility, the village programme,
 * relocation, visa routes, regional shocks and development, return support): one class per
 * programme with its parameters ({@link kz.kosh.scenario.Param}), its table terms, its world
 * changes and its agent rules. May import {@code scenario}, {@code world}, {@code indicator}.
 */
package kz.kosh.policy;
