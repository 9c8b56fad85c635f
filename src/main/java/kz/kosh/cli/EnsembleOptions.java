package kz.kosh.cli;

import kz.kosh.experiment.ParameterEnsemble;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The parameter-uncertainty options of every command that runs replications (picocli
 * {@code @Mixin}: experiment, compare, experiment slurm-script, hindcast, search), defined once.
 */
final class EnsembleOptions {
    @Option(names = "--parameter-ensemble", paramLabel = "FILE", description = "parameter sets (CSV: set,<path>,...; "
            + "kosh calibrate writes one): replication r uses set r mod K in every scenario, so the intervals include "
            + "parameter uncertainty")
    Path ensemble;
    @Option(names = "--no-posterior", description = "do not use the baseline's posterior draws "
            + "(calibration/baseline-posterior.csv), which are used by default when that file exists")
    boolean noPosterior;

    /**
     * The ensemble file to use ({@link ParameterEnsemble#choose}): --parameter-ensemble, else the
     * baseline's posterior when it exists and --no-posterior is not given; null for none. Says on
     * stderr when the default posterior is taken.
     */
    Path choose() {
        Path f = ParameterEnsemble.choose(ensemble, noPosterior, ParameterEnsemble.DEFAULT_POSTERIOR);
        if (f != null && ensemble == null) {
            System.err.println("kosh: parameter uncertainty from the baseline's posterior " + f
                    + " (the default; --no-posterior turns it off)");
        }
        return f;
    }

    /** The option to repeat in a printed command: "--parameter-ensemble FILE" or "--no-posterior". */
    static String asOption(Path chosen) {
        return chosen == null ? "--no-posterior" : "--parameter-ensemble " + chosen;
    }
}
