/**
 * The command line (picocli): run, validate, describe, params, indicators, bench, experiment,
 * compare, hindcast, map, gui and the argument checks. The top layer: may import every package,
 * and no package imports it.
 */
package kz.kosh.cli;
