package kz.kosh.experiment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory of an experiment, as one concern: whether a folder may hold an experiment
 * (new, empty, or provably Kosh's; not a symbolic link; not inside another experiment), whether
 * an unfinished one can be resumed (same fingerprint), preparing it under its lock, and deleting
 * from {@code runs/} only what Kosh wrote. Split out of {@link ExperimentRunner} (issue 19).
 */
public final class ExperimentDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentDirectory.class);

    private ExperimentDirectory() {
    }

    /**
     * Read-only check of an output directory before anything is written or locked: a finished
     * experiment needs --overwrite, an unfinished one must be the same experiment, and
     * --overwrite deletes only a provable Kosh experiment directory.
     */
    static void checkDirectory(Path dir, String fingerprint, boolean overwrite) {
        checkPlace(dir);
        try {
            if (!Files.exists(dir) || isEmptyDirectory(dir)) {
                return;
            }
            if (!Files.isDirectory(dir)) {
                throw new UncheckedIOException(new FileAlreadyExistsException(dir.toString(), null,
                        "is a file, not a directory; choose another --out DIR"));
            }
            boolean incomplete = Files.exists(dir.resolve(ExperimentRunner.INCOMPLETE_MARKER));
            String old = Files.exists(dir.resolve(ExperimentRunner.FINGERPRINT)) ? Files.readString(dir.resolve(ExperimentRunner.FINGERPRINT)).trim() : "";
            String notKosh = notAKoshExperiment(dir);
            if (notKosh != null) {
                throw new UncheckedIOException(new FileAlreadyExistsException(dir.toString(), null,
                        "is not a Kosh experiment directory (" + notKosh + "); refusing to "
                                + (overwrite ? "delete it with --overwrite" : "write into it") + "; choose another --out DIR"));
            }
            if (overwrite) {
                return;
            }
            if (!incomplete) {
                throw new UncheckedIOException(new FileAlreadyExistsException(dir.toString(), null,
                        "holds a finished experiment; choose another with --out DIR or pass --overwrite"));
            }
            if (!old.equals(fingerprint)) {
                throw new UncheckedIOException(new FileAlreadyExistsException(dir.toString(), null,
                        "holds an unfinished run of a different experiment (scenarios, replications, parameter ensemble or settings changed); "
                                + "pass --overwrite to start afresh"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + dir, e);
        }
    }

    /**
     * Refuses an experiment directory that is a symbolic link (Kosh would write through it) or
     * lies inside another experiment's directory (its runs/ or shards/ are deleted or merged
     * by that experiment).
     */
    static void checkPlace(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) {
            throw new UncheckedIOException(new FileAlreadyExistsException(abs.toString(), null,
                    "is a symbolic link; Kosh writes an experiment only into a real folder; choose another --out DIR"));
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            Path fp = p.resolve(ExperimentRunner.FINGERPRINT);
            if (Files.isRegularFile(fp, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new UncheckedIOException(new FileAlreadyExistsException(abs.toString(), null,
                        "is inside the experiment directory " + p + ", whose runs and shards Kosh deletes or merges; "
                                + "choose an --out DIR outside it"));
            }
        }
    }

    /**
     * Refuses (one line, exit 3) a directory that is not provably a Kosh experiment, before a
     * command writes into a finished one (e.g. sensitivity.csv).
     */
    public static void requireKoshExperiment(Path dir) {
        checkPlace(dir);
        try {
            String why = notAKoshExperiment(dir);
            if (why != null) {
                throw new UncheckedIOException(new FileAlreadyExistsException(dir.toString(), null,
                        "is not a Kosh experiment directory (" + why + "); refusing to write into it; choose another --out DIR"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + dir, e);
        }
    }

    /** A file Kosh writes under runs/: a replication, its checksum, or their temporary files. */
    private static final java.util.regex.Pattern RUN_FILE = java.util.regex.Pattern.compile(
            "rep-\\d{6}(\\.agents)?\\.csv\\.gz(\\.sum)?(\\.tmp)?");

    /**
     * Deletes runs/ after a finished experiment: only the replication files and checksums Kosh
     * wrote, then the folders left empty; anything else (a user's file, another experiment put
     * inside) stays, with a warning naming it.
     */
    public static void deleteRuns(Path runs) {
        if (!Files.isDirectory(runs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> kept = new ArrayList<>();
        try (var s = Files.walk(runs)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try (var in = Files.list(p)) {
                        if (in.findAny().isEmpty()) {
                            Files.delete(p);
                        }
                    }
                } else if (RUN_FILE.matcher(p.getFileName().toString()).matches()
                        && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && p.getParent() != null && p.getParent().getParent() != null
                        && p.getParent().getParent().equals(runs)) {
                    Files.delete(p);
                } else {
                    kept.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + runs, e);
        }
        if (!kept.isEmpty()) {
            LOG.warn("kept {} file(s) in {} that Kosh did not write, e.g. {}", kept.size(), runs, kept.get(0));
        }
    }

    /** What Kosh writes into an experiment directory; --overwrite deletes nothing else. */
    static final java.util.Set<String> EXPERIMENT_ENTRIES = java.util.Set.of(ExperimentRunner.INCOMPLETE_MARKER, ExperimentRunner.FINGERPRINT,
            DirectoryLock.FILE, "runs", "shards", "slurm", "logs", "summary.csv", "differences.csv", "manifest.json", "design.csv",
            "sensitivity.csv", // kz.kosh.calibration.Sensitivity
            kz.kosh.experiment.report.Headline.FILE, kz.kosh.experiment.report.VarianceSplit.FILE,
            kz.kosh.experiment.report.Redistribution.FILE, kz.kosh.output.Places.FILE);

    /**
     * Why {@code dir} is not provably a Kosh experiment directory, or null: it must hold a
     * fingerprint.txt of 64 hex digits or a manifest.json with tool "kosh" and an experiment
     * name, and besides the experiment's own entries only report and hindcast files (report*,
     * hindcast*, charts, *.html, *.png, *.svg, *.css, *.js, *.md).
     */
    static String notAKoshExperiment(Path dir) throws IOException {
        boolean marked = false;
        Path fp = dir.resolve(ExperimentRunner.FINGERPRINT);
        if (Files.isRegularFile(fp) && Files.size(fp) < 200 && Files.readString(fp).trim().matches("[0-9a-f]{64}")) {
            marked = true;
        }
        Path manifest = dir.resolve("manifest.json");
        if (!marked && Files.isRegularFile(manifest)) {
            try {
                com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile());
                marked = m != null && "kosh".equals(m.path("tool").asText(null)) && m.path("experiment").isTextual();
            } catch (IOException e) {
                marked = false;
            }
        }
        if (!marked && Files.isDirectory(dir.resolve("shards"))) {
            try (var s = Files.list(dir.resolve("shards"))) {
                marked = s.anyMatch(p -> Files.exists(p.resolve(Shards.INFO)));
            }
        }
        if (!marked) {
            return "no Kosh fingerprint.txt or manifest.json";
        }
        try (var s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (EXPERIMENT_ENTRIES.contains(n) || n.startsWith("report") || n.startsWith("hindcast") || n.equals("charts")
                        || n.matches(".*\\.(html|png|svg|css|js|md)")) {
                    continue;
                }
                return "it holds " + kz.kosh.scenario.Fields.cut(n) + ", which Kosh does not write";
            }
        }
        return null;
    }

    /** Prepares a checked directory (under its lock): deletes it with overwrite, marks it incomplete. */
    static void prepareDirectory(Path dir, String fingerprint, boolean overwrite) {
        checkDirectory(dir, fingerprint, overwrite);
        try {
            if (overwrite && Files.exists(dir)) {
                try (var s = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) s::iterator) {
                        if (!p.getFileName().toString().equals(DirectoryLock.FILE)) {
                            deleteTree(p);
                        }
                    }
                }
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(ExperimentRunner.INCOMPLETE_MARKER), "experiment under way or interrupted; re-run the same command to resume\n");
            Files.writeString(dir.resolve(ExperimentRunner.FINGERPRINT), fingerprint + "\n");
            for (String f : List.of("summary.csv", "differences.csv", "manifest.json", "report.html", "headline.csv",
                    kz.kosh.experiment.report.VarianceSplit.FILE, kz.kosh.experiment.report.Redistribution.FILE)) {
                Files.deleteIfExists(dir.resolve(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var s = Files.list(dir)) {
            return s.allMatch(p -> p.getFileName().toString().equals(DirectoryLock.FILE));
        }
    }

    static Path runFile(ExperimentSpec spec, Path runs, int scenario, int replication) {
        return runs.resolve(String.format("%03d-%s", scenario, safe(spec.scenarios().get(scenario).name())))
                .resolve(String.format("rep-%06d.csv.gz", replication));
    }

    /**
     * The saved indicators of one replication of an experiment run into {@code dir} (present
     * after {@link ExperimentRunner#run()} with keepRuns, or while the experiment is incomplete).
     */
    public static Path replicationFile(ExperimentSpec spec, Path dir, int scenario, int replication) {
        return runFile(spec, dir.toAbsolutePath().normalize().resolve("runs"), scenario, replication);
    }

    /**
     * The saved, checksum-verified indicators of one replication of an experiment run (or merged)
     * into {@code dir} with its runs kept: from {@code runs/}, else from the runs of any of its
     * shards ({@code shards/k-of-N/runs/}); null when there is none.
     *
     * @throws IndicatorTable.DamagedFileException when the file is there but damaged
     */
    public static IndicatorTable savedReplication(ExperimentSpec spec, Path dir, int scenario, int replication) {
        Path d = dir.toAbsolutePath().normalize();
        Path f = runFile(spec, d.resolve("runs"), scenario, replication);
        if (Files.exists(f)) {
            return IndicatorTable.readVerified(f);
        }
        Path shards = d.resolve("shards");
        if (Files.isDirectory(shards)) {
            try (var s = Files.list(shards)) {
                for (Path sh : s.sorted().toList()) {
                    Path g = runFile(spec, sh.resolve("runs"), scenario, replication);
                    if (Files.exists(g)) {
                        return IndicatorTable.readVerified(g);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + shards, e);
            }
        }
        return null;
    }

    /** Whether {@code dir} holds a finished experiment (its manifest written, no INCOMPLETE marker). */
    public static boolean isFinished(Path dir) {
        return Files.isRegularFile(dir.resolve("manifest.json")) && !Files.exists(dir.resolve(ExperimentRunner.INCOMPLETE_MARKER));
    }

    /** Marks a finished experiment unfinished again so that re-running it recomputes a deleted replication. */
    public static void markUnfinished(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("manifest.json"));
            Files.writeString(dir.resolve(ExperimentRunner.INCOMPLETE_MARKER), "a replication was damaged; re-run to recompute it\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark " + dir + " unfinished", e);
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._@-]", "_");
    }

    static void deleteTree(Path p) {
        try {
            kz.kosh.output.RunDirectory.deleteTree(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }
}
