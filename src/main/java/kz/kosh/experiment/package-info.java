/**
 * Experiments: replications with common random numbers on all cores, sweeps and designs,
 * streaming statistics, summary and differences, shards and merge, Slurm scripts. May import
 * {@code output} and the layers below; the report ({@code experiment.report}) sits above it.
 */
package kz.kosh.experiment;
