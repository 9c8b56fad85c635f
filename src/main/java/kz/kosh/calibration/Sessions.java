package kz.kosh.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * sessions.csv in a calibration's output directory: one line per run of {@code kosh calibrate}
 * (wall time of the fit, replications run, replications served from the cache), rewritten
 * after every evaluation, so the cost of a calibration interrupted and resumed over several
 * sessions is reported in full.
 */
public final class Sessions {
    static final String FILE = "sessions.csv";
    private static final String HEADER = "started,updated,wall_seconds,replications_run,cache_hits,evaluations";

    private Sessions() {
    }

    /** Totals over the sessions. */
    public record Totals(int sessions, double wallSeconds, int replicationsRun) {
        public double evaluationsPerMinute(int replicationsPerEvaluation) {
            return wallSeconds > 0 ? (double) replicationsRun / replicationsPerEvaluation / (wallSeconds / 60) : Double.NaN;
        }
    }

    /** The line of the running session, rewritten after every evaluation (so a killed session still counts). */
    public static final class Session {
        private final Path file;
        private final List<String> before;
        private final String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

        private Session(Path file, List<String> before) {
            this.file = file;
            this.before = before;
        }

        /** Records the session's totals so far. */
        public synchronized void update(double wallSeconds, int replicationsRun, int cacheHits, int evaluations) {
            StringBuilder sb = new StringBuilder();
            for (String l : before) {
                sb.append(l).append('\n');
            }
            sb.append(String.format(Locale.ROOT, "%s,%s,%.3f,%d,%d,%d%n", started,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), wallSeconds, replicationsRun, cacheHits, evaluations));
            try {
                Path tmp = file.resolveSibling(FILE + ".tmp");
                Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    /** Starts a session: the lines of earlier sessions are kept. */
    static Session start(Path dir) {
        Path f = dir.resolve(FILE);
        try {
            List<String> lines = Files.exists(f) ? new java.util.ArrayList<>(Files.readAllLines(f))
                    : new java.util.ArrayList<>(List.of(HEADER));
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                lines = new java.util.ArrayList<>(List.of(HEADER));
            }
            return new Session(f, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    static Totals totals(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve(FILE));
            int n = 0;
            double wall = 0;
            int reps = 0;
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                if (c.length < 4) {
                    continue;
                }
                n++;
                wall += Double.parseDouble(c[2]);
                reps += Integer.parseInt(c[3]);
            }
            return new Totals(n, wall, reps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(FILE), e);
        }
    }
}
