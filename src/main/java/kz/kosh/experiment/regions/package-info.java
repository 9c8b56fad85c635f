/**
 * {@code kosh regions}: which regions lose most graduates, and to where, with intervals over
 * replications and parameter sets. May import {@code experiment}, {@code experiment.report} and
 * the layers below.
 */
package kz.kosh.experiment.regions;
