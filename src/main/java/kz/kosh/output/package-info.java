/**
 * What a run writes: the yearly indicators (computed from counters and stocks, named by the
 * indicator registry), CSV recorders, places, the manifest, run directories and output rules,
 * the headless run. May import {@code sim} and the layers below.
 */
package kz.kosh.output;
