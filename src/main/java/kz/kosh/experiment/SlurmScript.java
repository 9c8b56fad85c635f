package kz.kosh.experiment;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the sbatch scripts of a sharded experiment: a job array of {@code tasks} shards
 * (at most {@code maxArraySize} array tasks; each task runs its contiguous chunk of the
 * (scenario, replication) pairs) and a merge job that starts when all of them succeeded
 * ({@code --dependency=afterok}). {@code submit.sh} submits both.
 */
public final class SlurmScript {
    private SlurmScript() {
    }

    /** Settings of the generated scripts. */
    public record Settings(Path experimentFile, Path outDir, Path jar, int tasks, int cpusPerTask, String partition,
                           String time, String mem, String java, int maxArraySize) {
    }

    /** The array job script. */
    public static String arrayScript(ExperimentSpec spec, Settings s) {
        int tasks = Math.min(s.tasks(), s.maxArraySize());
        StringBuilder b = header(spec.name() + "-shards", s);
        b.append(String.format(Locale.ROOT, "#SBATCH --array=0-%d%n", tasks - 1));
        b.append(String.format(Locale.ROOT, "#SBATCH --output=%s/logs/shard-%%a.out%n", s.outDir()));
        b.append("\nset -euo pipefail\n");
        b.append("# shard k of N takes its chunk of the ").append((long) spec.replications() * spec.scenarios().size())
                .append(" (scenario, replication) pairs; seeds depend only on the replication\n");
        b.append(String.format(Locale.ROOT, "%s -jar %s experiment %s --shard ${SLURM_ARRAY_TASK_ID}/%d --out %s --threads ${SLURM_CPUS_PER_TASK:-1}%s%n",
                s.java(), s.jar(), s.experimentFile(), tasks, s.outDir(),
                spec.ensemble() == null ? "" : " --parameter-ensemble " + spec.ensemble().file()));
        return b.toString();
    }

    /** The merge job script. */
    public static String mergeScript(ExperimentSpec spec, Settings s) {
        StringBuilder b = header(spec.name() + "-merge", new Settings(s.experimentFile(), s.outDir(), s.jar(), 1, 1,
                s.partition(), s.time(), s.mem(), s.java(), s.maxArraySize()));
        b.append(String.format(Locale.ROOT, "#SBATCH --output=%s/logs/merge.out%n", s.outDir()));
        b.append("\nset -euo pipefail\n");
        b.append(String.format(Locale.ROOT, "%s -jar %s experiment merge %s --out %s --overwrite%n", s.java(), s.jar(),
                s.outDir(), s.outDir()));
        return b.toString();
    }

    /** The submission wrapper: the array, then the merge depending on it. */
    public static String submitScript(Path arrayScript, Path mergeScript, Path outDir) {
        return "#!/usr/bin/env bash\n"
                + "# Submits the shards as a job array and the merge job that runs when all shards succeeded.\n"
                + "set -euo pipefail\n"
                + "mkdir -p " + outDir + "/logs\n"
                + "array=$(sbatch --parsable " + arrayScript + ")\n"
                + "array=${array%%;*}\n"
                + "merge=$(sbatch --parsable --dependency=afterok:${array} " + mergeScript + ")\n"
                + "echo \"submitted shards ${array} and merge ${merge}\"\n";
    }

    private static StringBuilder header(String jobName, Settings s) {
        StringBuilder b = new StringBuilder("#!/usr/bin/env bash\n");
        b.append("#SBATCH --job-name=kosh-").append(jobName).append('\n');
        b.append("#SBATCH --ntasks=1\n");
        b.append("#SBATCH --cpus-per-task=").append(s.cpusPerTask()).append('\n');
        if (s.partition() != null) {
            b.append("#SBATCH --partition=").append(s.partition()).append('\n');
        }
        if (s.time() != null) {
            b.append("#SBATCH --time=").append(s.time()).append('\n');
        }
        if (s.mem() != null) {
            b.append("#SBATCH --mem=").append(s.mem()).append('\n');
        }
        return b;
    }
}
