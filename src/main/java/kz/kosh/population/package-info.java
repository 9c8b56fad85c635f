/**
 * The agents as compact arrays (structure of arrays): home region, place, degree, funding,
 * obligation and its percentage left, flags; and the per-agent fields programmes declare
 * ({@link kz.kosh.scenario.AgentFields}), allocated at start-up for the modules in force. May import {@code decision}, {@code world} and the
 * layers below.
 */
package kz.kosh.population;
