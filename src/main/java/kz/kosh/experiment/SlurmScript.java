package kz.kosh.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Writes the sbatch scripts of a sharded experiment: a job array of {@code tasks} shards
 * (at most {@code maxArraySize} array tasks; each task runs its contiguous chunk of the
 * (scenario, replication) pairs) and a merge job that starts when all of them succeeded
 * ({@code --dependency=afterok}). {@code submit.sh} submits both.
 * <p>
 * Nothing a user gives reaches a shell unquoted: every path and command word in a command line
 * is single-quoted ({@link #quote}); the values of {@code #SBATCH} lines (partition, time,
 * memory), which sbatch reads itself, must be plain tokens ({@link #problems} refuses anything
 * else, e.g. a newline that would add a directive); the log paths, which may hold spaces, are
 * given to sbatch on submit.sh's command line, quoted, not in a directive. Control characters
 * are refused everywhere.
 */
public final class SlurmScript {
    private SlurmScript() {
    }

    /** Settings of the generated scripts. */
    public record Settings(Path experimentFile, Path outDir, Path jar, int tasks, int cpusPerTask, String partition,
                           String time, String mem, String java, int maxArraySize) {
    }

    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.,+-]{1,200}");
    private static final Pattern TIME = Pattern.compile("[0-9]{1,6}([-:][0-9]{1,2}){0,3}");
    private static final Pattern MEM = Pattern.compile("[0-9]{1,9}[KMGT]?");

    /**
     * Why the settings cannot be written into scripts safely (empty when they can): directive
     * values that are not plain tokens, control characters in any path, a java command with
     * spaces (it names a program; JVM options belong in JAVA_TOOL_OPTIONS).
     */
    public static List<String> problems(Settings s) {
        List<String> p = new ArrayList<>();
        if (s.partition() != null && !PARTITION.matcher(s.partition()).matches()) {
            p.add("--partition must be a Slurm partition name (letters, digits, _ . , + -), got '"
                    + kz.kosh.scenario.Fields.cut(s.partition()) + "'");
        }
        if (s.time() != null && !TIME.matcher(s.time()).matches()) {
            p.add("--time must be a Slurm time such as 02:00:00 or 1-12:00:00, got '" + kz.kosh.scenario.Fields.cut(s.time()) + "'");
        }
        if (s.mem() != null && !MEM.matcher(s.mem()).matches()) {
            p.add("--mem must be a Slurm memory size such as 4G or 4000M, got '" + kz.kosh.scenario.Fields.cut(s.mem()) + "'");
        }
        if (s.java() == null || s.java().isBlank() || s.java().chars().anyMatch(Character::isWhitespace)
                || hasControl(s.java())) {
            p.add("--java names the java program (a path without spaces); put JVM options in JAVA_TOOL_OPTIONS");
        }
        for (Path x : new Path[]{s.experimentFile(), s.outDir(), s.jar()}) {
            if (x != null && hasControl(x.toString())) {
                p.add("the path '" + kz.kosh.scenario.Fields.cut(x.toString()) + "' holds control characters (a newline?); "
                        + "a script cannot carry it safely");
            }
        }
        if (s.cpusPerTask() < 1 || s.cpusPerTask() > 1024) {
            p.add("--cpus-per-task must be in [1, 1024], got " + s.cpusPerTask());
        }
        if (s.maxArraySize() < 1 || s.maxArraySize() > 10_000_000) {
            p.add("--max-array-size must be in [1, 10000000], got " + s.maxArraySize());
        }
        return p;
    }

    private static boolean hasControl(String v) {
        return v.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** A word for bash: single-quoted, each ' written as '\'' (no expansion of $, `, \, ; or spaces). */
    public static String quote(Object value) {
        String v = String.valueOf(value);
        if (hasControl(v)) {
            throw new IllegalArgumentException("a control character cannot be written into a script: '"
                    + kz.kosh.scenario.Fields.cut(v) + "'");
        }
        return "'" + v.replace("'", "'\\''") + "'";
    }

    private static void check(Settings s) {
        List<String> p = problems(s);
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", p));
        }
    }

    /** The array job script. */
    public static String arrayScript(ExperimentSpec spec, Settings s) {
        check(s);
        int tasks = Math.min(s.tasks(), s.maxArraySize());
        StringBuilder b = header(spec.name() + "-shards", s);
        b.append(String.format(Locale.ROOT, "#SBATCH --array=0-%d%n", tasks - 1));
        b.append("# the log file is set by submit.sh (sbatch --output), where its path can be quoted\n");
        b.append("\nset -euo pipefail\n");
        b.append("# shard k of N takes its chunk of the ").append((long) spec.replications() * spec.scenarios().size())
                .append(" (scenario, replication) pairs; seeds depend only on the replication\n");
        b.append(quote(s.java())).append(" -jar ").append(quote(s.jar())).append(" experiment ").append(quote(s.experimentFile()))
                .append(" --shard \"${SLURM_ARRAY_TASK_ID}/").append(tasks).append("\" --out ").append(quote(s.outDir()))
                .append(" --threads \"${SLURM_CPUS_PER_TASK:-1}\"");
        if (spec.ensemble() != null) {
            b.append(" --parameter-ensemble ").append(quote(spec.ensemble().file()));
        }
        return b.append('\n').toString();
    }

    /** The merge job script. */
    public static String mergeScript(ExperimentSpec spec, Settings s) {
        check(s);
        StringBuilder b = header(spec.name() + "-merge", new Settings(s.experimentFile(), s.outDir(), s.jar(), 1, 1,
                s.partition(), s.time(), s.mem(), s.java(), s.maxArraySize()));
        b.append("# the log file is set by submit.sh (sbatch --output), where its path can be quoted\n");
        b.append("\nset -euo pipefail\n");
        b.append(quote(s.java())).append(" -jar ").append(quote(s.jar())).append(" experiment merge ").append(quote(s.outDir()))
                .append(" --out ").append(quote(s.outDir())).append(" --overwrite\n");
        return b.toString();
    }

    /** The submission wrapper: the array, then the merge depending on it; every path quoted. */
    public static String submitScript(Path arrayScript, Path mergeScript, Path outDir) {
        String logs = quote(outDir.resolve("logs"));
        return "#!/usr/bin/env bash\n"
                + "# Submits the shards as a job array and the merge job that runs when all shards succeeded.\n"
                + "set -euo pipefail\n"
                + "logs=" + logs + "\n"
                + "mkdir -p \"$logs\"\n"
                + "array=$(sbatch --parsable --output=\"$logs/shard-%a.out\" " + quote(arrayScript) + ")\n"
                + "array=${array%%;*}\n"
                + "merge=$(sbatch --parsable --output=\"$logs/merge.out\" --dependency=\"afterok:${array}\" "
                + quote(mergeScript) + ")\n"
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
