/**
 * The decision model in plain Java without MASON: location utility, nested-logit choice tables,
 * study choice, agent kinds, an agent's bonuses ({@link kz.kosh.decision.Bonuses}); pure functions with their formulas in Javadoc. May import
 * {@code policy}, {@code world}, {@code scenario}, {@code indicator}.
 */
package kz.kosh.decision;
