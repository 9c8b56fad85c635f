package kz.kosh.calibration.history;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code kosh history-match FILE}: history matching in waves with Gaussian-process emulators, then posterior draws. */
@Command(name = "history-match", description = "History matching in waves (GP emulators, implausibility cut-off), "
        + "then posterior draws in the --parameter-ensemble format (calibration/README.md). Re-running resumes.")
public final class HistoryMatchCommand implements Callable<Integer> {
    private static final Pattern SHARD = Pattern.compile("(\\d{1,6})/(\\d{1,6})");

    @Parameters(index = "0", description = "history-match YAML file (e.g. calibration/history-match.yaml)")
    Path file;
    @Option(names = "--out", description = "output directory (default results/history-match-<name>)")
    Path out;
    @Option(names = "--threads", description = "parallel replications (default all cores)")
    Integer threads;
    @Option(names = "--wave", paramLabel = "W", description = "stop after wave W (later waves and the posterior are run "
            + "by a later call without --wave)")
    Integer wave;
    @Option(names = "--shard", paramLabel = "k/N", description = "with --wave W: run only shard k of N of wave W's "
            + "experiment (a Slurm array task); then run the command without --shard to emulate")
    String shard;
    @Option(names = "--no-contrasts", description = "skip the Sobol' indices of the file's policy contrasts (they run "
            + "the last wave's design points in every contrast's scenario to its last year); a later call without it "
            + "adds them to the report")
    boolean noContrasts;
    @Option(names = "--contrasts-only", description = "skip the waves: compute the policy contrasts' Sobol' indices on "
            + "the design of the file's sensitivity: section, spread over the draws of a posterior file (--posterior, "
            + "default the file's output.posterior), and write its sensitivity.doc")
    boolean contrastsOnly;
    @Option(names = "--posterior", paramLabel = "FILE", description = "with --contrasts-only: the posterior draws "
            + "(the --parameter-ensemble format; default the file's output.posterior)")
    Path posterior;
    @Option(names = "--check", description = "load and check the file, its calibration, scenarios, targets and "
            + "contrasts (every problem in one pass), print what the match would fit, and run nothing")
    boolean check;

    @Override
    public Integer call() throws Exception {
        HistoryMatchSpec spec = HistoryMatchSpec.load(file);
        int[] kn = null;
        if (shard != null) {
            Matcher m = SHARD.matcher(shard);
            if (!m.matches() || Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2))) {
                System.err.println("error: --shard must be k/N with whole numbers 0 <= k < N, got '" + shard + "'");
                return 2;
            }
            if (wave == null) {
                System.err.println("error: --shard needs --wave W (the wave whose experiment the shard runs)");
                return 2;
            }
            kn = new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
        if (wave != null && (wave < 1 || wave > spec.waves())) {
            System.err.println("error: --wave must be in [1, " + spec.waves() + "] (the file's waves), got " + wave);
            return 2;
        }
        Path dir = out != null ? out : Path.of("results", "history-match-" + spec.name());
        int t = threads != null && threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (check) {
            System.out.println(file + ": valid: " + new HistoryMatchRun(spec, dir, t, null).summary());
            return 0;
        }
        if (contrastsOnly || posterior != null) {
            if (!contrastsOnly || wave != null || shard != null || noContrasts) {
                System.err.println("error: --posterior goes with --contrasts-only, which takes no --wave, --shard or "
                        + "--no-contrasts");
                return 2;
            }
            new HistoryMatchRun(spec, dir, t, System.err).contrastsOnly(posterior);
            System.err.printf("history-match: contrasts in %s%n", dir.resolve("contrasts"));
            return 0;
        }
        HistoryMatchRun.Result r = new HistoryMatchRun(spec, dir, t, System.err).run(wave, kn, !noContrasts);
        if (r.posterior() != null && r.kept() > 0) {
            System.err.printf("history-match: %d posterior draws in %s%n", r.kept(), dir.resolve("posterior.csv"));
        } else if (r.posterior() != null) {
            System.err.printf("history-match: no posterior draw is confirmed by the model; no posterior written (%s)%n",
                    r.report());
        }
        return 0;
    }
}
