package kz.kosh.cli;

import kz.kosh.scenario.Fields;
import kz.kosh.scenario.ScenarioException;
import kz.kosh.scenario.ScenarioLoader;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's guard rails, shared by every subcommand:
 * <ul>
 *   <li>{@link #validate}: every option with a known meaning (--threads, --seed, --scale, --reps,
 *       --shard, --name, years, sizes) is checked before the command does any work, so a bad
 *       value costs nothing and creates nothing;</li>
 *   <li>{@link #message}: any failure becomes one line saying what happened and what to do,
 *       never a Java exception name or a stack trace (set KOSH_DEBUG=1 for the trace).</li>
 * </ul>
 * Exit codes: 2 bad arguments or scenario, 3 a file-system problem, 4 an experiment or merge
 * that cannot go on, 1 anything else.
 */
public final class Checks {
    /** --threads above this many times the cores is refused: it only costs memory. */
    static final int MAX_THREADS_PER_CORE = 4;
    /** Largest seed: base seed + replication must stay a valid long. */
    static final long MAX_SEED = (1L << 62) - 1;
    static final int MAX_REPS = 1_000_000;
    static final int MAX_PICTURE_PIXELS_SIDE = 10_000;
    private static final Pattern SHARD = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    private Checks() {
    }

    /** A bad option value, reported as one line with exit code 2. */
    static final class BadOption extends RuntimeException {
        BadOption(String message) {
            super(message);
        }
    }

    /**
     * Checks the matched options of the subcommand about to run; may lower --threads to the
     * number of cores (with a warning on {@code err}). Throws {@link BadOption}.
     */
    static void validate(ParseResult leaf, PrintWriter err) {
        int cores = Runtime.getRuntime().availableProcessors();
        for (OptionSpec o : leaf.matchedOptions()) {
            String name = o.longestName();
            Object v = o.getValue();
            switch (name) {
                case "--threads" -> {
                    int t = ((Number) v).intValue();
                    if (t < 1) {
                        throw new BadOption("--threads must be at least 1, got " + t);
                    }
                    if (t > MAX_THREADS_PER_CORE * cores) {
                        throw new BadOption("--threads " + t + " is more than " + MAX_THREADS_PER_CORE + " x the "
                                + cores + " cores of this machine; results do not depend on threads, use at most " + cores);
                    }
                    if (t > cores) {
                        err.println("kosh: warning: --threads " + t + " is more than the " + cores
                                + " cores; using " + cores + " (results do not depend on it)");
                        o.setValue(cores);
                    }
                }
                case "--seed" -> {
                    long s = ((Number) v).longValue();
                    if (s < 1 || s > MAX_SEED) {
                        throw new BadOption("--seed must be in [1, " + MAX_SEED + "] (MASON rejects 0), got " + s);
                    }
                }
                case "--scale" -> {
                    double s = ((Number) v).doubleValue();
                    if (!(s >= kz.kosh.scenario.RunSettings.MIN_SCALE && s <= 1)) {
                        throw new BadOption("--scale must be in [" + kz.kosh.output.Fmt.number(kz.kosh.scenario.RunSettings.MIN_SCALE)
                                + ", 1] (agents per person; fewer leave a yearly cohort with a handful of agents), got " + s);
                    }
                }
                case "--reps" -> {
                    int r = ((Number) v).intValue();
                    if (r < 1 || r > MAX_REPS) {
                        throw new BadOption("--reps must be in [1, " + MAX_REPS + "], got " + r);
                    }
                }
                case "--shard" -> shard((String) v);
                case "--shard-count", "--tasks", "--cpus-per-task", "--max-array-size", "--budget", "--parameter-sets" -> {
                    int n = ((Number) v).intValue();
                    if (n < 1) {
                        throw new BadOption(name + " must be at least 1, got " + n);
                    }
                }
                case "--name" -> {
                    String problem = ScenarioLoader.nameProblem((String) v);
                    if (problem != null) {
                        throw new BadOption("--name " + problem);
                    }
                }
                case "--year", "--start-year", "--end-year" -> {
                    int y = ((Number) v).intValue();
                    if (y < 1900 || y > 2200) {
                        throw new BadOption(name + " must be a year in [1900, 2200], got " + y);
                    }
                }
                case "--spin-up-years" -> {
                    int y = ((Number) v).intValue();
                    if (y < 0 || y > 60) {
                        throw new BadOption(name + " must be in [0, 60], got " + y);
                    }
                }
                case "--width", "--height" -> {
                    int px = ((Number) v).intValue();
                    if (px < 1 || px > MAX_PICTURE_PIXELS_SIDE) {
                        throw new BadOption(name + " must be in [1, " + MAX_PICTURE_PIXELS_SIDE + "] pixels, got " + px);
                    }
                }
                case "--arcs" -> {
                    int a = ((Number) v).intValue();
                    if (a < 0) {
                        throw new BadOption("--arcs must not be negative, got " + a);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Parses k/N with 0 <= k < N; throws {@link BadOption} naming the form. */
    static int[] shard(String value) {
        Matcher m = SHARD.matcher(value == null ? "" : value);
        if (!m.matches()) {
            throw new BadOption("--shard must be k/N with whole numbers 0 <= k < N (e.g. 0/4), got '" + Fields.cut(value) + "'");
        }
        int k = Integer.parseInt(m.group(1));
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || k >= n) {
            throw new BadOption("--shard k/N needs 0 <= k < N, got " + Fields.cut(value));
        }
        return new int[]{k, n};
    }

    /** The exit code of a failure (see the class comment). */
    static int exitCode(Throwable e) {
        if (e instanceof ScenarioException || e instanceof BadOption || e instanceof IllegalArgumentException
                || e instanceof CommandLine.ParameterException) {
            return 2;
        }
        if (io(e) != null) {
            return 3;
        }
        if (e instanceof IllegalStateException) {
            return 4;
        }
        return 1;
    }

    /** The failure as what a user can act on: one line (a scenario's problems one per line). */
    static String message(Throwable e) {
        if (e instanceof ScenarioException se) {
            return se.getMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return "error: out of memory; use a smaller --scale or fewer --threads, or give Java more memory "
                    + "(KOSH_JAVA_OPTS=-Xmx8g)";
        }
        IOException io = io(e);
        if (io != null) {
            return "error: " + ioMessage(io, e);
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = "unexpected failure (" + e.getClass().getSimpleName() + "); set KOSH_DEBUG=1 for details";
        }
        return "error: " + m.replaceAll("\\s*\\R\\s*", "\n  ").replaceAll("\\b([a-z][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error): ", "");
    }

    /** The I/O failure at the root of {@code e}, if any. */
    static IOException io(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException x && !(c.getCause() instanceof IOException)) {
                return x;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static String ioMessage(IOException io, Throwable outer) {
        String reason = String.valueOf(io.getMessage());
        String file = io instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
        String lower = reason.toLowerCase(Locale.ROOT);
        if (lower.contains("no space left") || lower.contains("disk quota") || lower.contains("not enough space")) {
            return "the disk is full" + (file != null ? " (writing " + file + ")" : "")
                    + "; free some space and run the same command again: an experiment resumes from the replications it finished";
        }
        if (io instanceof FileAlreadyExistsException fe) {
            String why = fe.getReason();
            String sep = why != null && why.matches("(exists|is|holds|appeared)\\b.*") ? " " : ": ";
            return fe.getFile() + (why != null ? sep + why : " exists")
                    + (why != null ? "" : "; use --overwrite or --out DIR");
        }
        if (io instanceof AccessDeniedException) {
            return "permission denied: " + file;
        }
        if (io instanceof NoSuchFileException) {
            return "no such file or directory: " + file;
        }
        if (io instanceof NotDirectoryException) {
            return "not a directory: " + file;
        }
        if (io instanceof DirectoryNotEmptyException) {
            return "directory not empty: " + file;
        }
        if (io instanceof FileSystemException fs) {
            return (fs.getReason() != null ? fs.getReason() : "file-system error") + (file != null ? ": " + file : "");
        }
        String context = outer instanceof UncheckedIOException u && u.getMessage() != null
                && !u.getMessage().equals(io.toString()) ? u.getMessage() + ": " : "";
        return context + reason;
    }
}
