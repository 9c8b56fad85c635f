/**
 * Programmes and levers (Bolashak, state grants, academic mobility, the village programme,
 * relocation, visa routes, regional shocks and development, return support): one class per
 * programme with its parameters ({@link kz.kosh.scenario.Param}), its table terms, its world
 * changes, its agent rules (hooks at entry, graduation and on a move, through a view of the agent,
 * with its status indices and per-agent fields handed out by name), counters and indicators, declared as a plug-in
 * ({@link kz.kosh.policy.Programme}) and listed once in {@link kz.kosh.policy.Programmes}; the
 * layers below never name a programme. May import {@code scenario}, {@code world}, {@code indicator}.
 */
package kz.kosh.policy;
