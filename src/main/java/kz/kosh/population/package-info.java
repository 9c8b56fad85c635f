/**
 * The agents as compact arrays (structure of arrays): home region, place, degree, funding,
 * obligation and its percentage left, flags. May import {@code decision}, {@code world} and the
 * layers below.
 */
package kz.kosh.population;
