/**
 * Indicator definitions: the one registry of every indicator written to indicators.csv (name,
 * unit, places, definition, aggregation over years and replications) and the generated tables of
 * docs/outputs.md. The bottom layer: imports nothing of Kosh, so that every other package, a
 * programme included, can name or register indicators.
 */
package kz.kosh.indicator;
