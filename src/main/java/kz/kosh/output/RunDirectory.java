package kz.kosh.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output directory written atomically: files go to a hidden temporary sibling, which is
 * renamed to the final name only when the run succeeded. An existing final directory is refused
 * unless overwriting was asked for; a failed run leaves no directory that looks complete.
 */
public final class RunDirectory {
    private final Path target;
    private final Path temp;
    private final boolean overwrite;

    private RunDirectory(Path target, Path temp, boolean overwrite) {
        this.target = target;
        this.temp = temp;
        this.overwrite = overwrite;
    }

    /** The files a Kosh run directory holds; --overwrite deletes nothing else. */
    public static final java.util.Set<String> RUN_FILES = java.util.Set.of("manifest.json", "flows.csv", "stocks.csv",
            "indicators.csv", "flows.csv.gz", "stocks.csv.gz", "indicators.csv.gz", Places.FILE);
    /** Holds the pid of the process writing a temporary directory (removed before commit). */
    static final String OWNER_FILE = ".kosh-owner";
    /** A temporary directory without an owner file is left alone for this long (it may be just created). */
    static final long ORPHAN_AGE_MILLIS = 10 * 60 * 1000L;

    /** Prepares a run directory; fails at once if {@code target} exists and not {@code overwrite}. */
    public static RunDirectory create(Path target, boolean overwrite) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !overwrite) {
            throw new UncheckedIOException(new FileAlreadyExistsException(abs.toString(), null,
                    "output directory exists; choose another with --out DIR or pass --overwrite"));
        }
        if (Files.exists(abs)) {
            String why = notAKoshRun(abs);
            if (why != null) {
                throw new UncheckedIOException(new FileAlreadyExistsException(abs.toString(), null,
                        "is not a Kosh run directory (" + why + "); refusing to replace it with --overwrite; choose another --out DIR"));
            }
        }
        try {
            Files.createDirectories(abs.getParent());
            cleanLeftovers(abs);
            Path temp = null;
            for (int i = 0; temp == null; i++) {
                Path candidate = abs.resolveSibling("." + abs.getFileName() + ".incomplete-"
                        + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36));
                try {
                    // createDirectory (not createTempDirectory): permissions follow the user's umask, not 0700
                    temp = Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException e) {
                    if (i > 100) {
                        throw e;
                    }
                }
            }
            Files.writeString(temp.resolve(OWNER_FILE), ProcessHandle.current().pid() + " " + host() + "\n");
            return new RunDirectory(abs, temp, overwrite);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory next to " + abs, e);
        }
    }

    /**
     * Why {@code dir} is not provably a finished Kosh run (then --overwrite must not delete it),
     * or null when it is: empty, or a manifest.json written by Kosh (tool "kosh" and the resolved
     * scenario) with nothing but the run's own files ({@link #RUN_FILES}) beside it.
     */
    public static String notAKoshRun(Path dir) {
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return "not a directory";
        }
        if (isEmpty(dir)) {
            return null;
        }
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return "no manifest.json";
        }
        try {
            if (Files.size(manifest) > 50_000_000L) {
                return "manifest.json is not a Kosh manifest";
            }
            com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile());
            if (m == null || !"kosh".equals(m.path("tool").asText(null)) || !m.path("resolvedScenario").isObject()) {
                return "manifest.json is not a Kosh run manifest";
            }
        } catch (IOException e) {
            return "manifest.json is not a Kosh run manifest";
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (!RUN_FILES.contains(n) || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    return "it holds " + kz.kosh.scenario.Fields.cut(n) + ", which a Kosh run does not write";
                }
            }
        } catch (IOException e) {
            return "cannot list it";
        }
        return null;
    }

    /**
     * Removes {@code .<name>.incomplete-*} siblings left by killed runs into the same place:
     * those whose owner process is gone (or, without an owner file, older than ten minutes).
     */
    static void cleanLeftovers(Path target) {
        String prefix = "." + target.getFileName() + ".incomplete-";
        try (Stream<Path> s = Files.list(target.getParent())) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (!p.getFileName().toString().startsWith(prefix) || !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (ownerGone(p)) {
                    try {
                        deleteTree(p);
                    } catch (IOException ignored) {
                        // someone else's or already gone: leave it
                    }
                }
            }
        } catch (IOException ignored) {
            // cleaning is best effort
        }
    }

    private static boolean ownerGone(Path temp) {
        Path owner = temp.resolve(OWNER_FILE);
        try {
            long age = System.currentTimeMillis() - Files.getLastModifiedTime(temp).toMillis();
            if (Files.exists(owner)) {
                String[] f = Files.readString(owner).trim().split(" ", 2);
                long pid = Long.parseLong(f[0]);
                if (f.length > 1 && !f[1].equals(host())) {
                    return age > 24 * 3600 * 1000L; // another machine's process: only when a day old
                }
                return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
            }
            return age > ORPHAN_AGE_MILLIS;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** This machine's name, for owner files on shared file systems. */
    public static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            String h = System.getenv("HOSTNAME");
            return h != null ? h : "unknown-host";
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Where to write files while the run is under way. */
    public Path workDir() {
        return temp;
    }

    /** The final directory. */
    public Path target() {
        return target;
    }

    /** Moves the finished outputs into place. */
    public void commit() {
        try {
            Files.deleteIfExists(temp.resolve(OWNER_FILE));
            if (Files.exists(target)) {
                if (!overwrite) {
                    throw new FileAlreadyExistsException(target.toString(), null,
                            "appeared while the run was under way; choose another with --out DIR or pass --overwrite");
                }
                String why = notAKoshRun(target);
                if (why != null) {
                    throw new FileAlreadyExistsException(target.toString(), null,
                            "is not a Kosh run directory (" + why + "); refusing to replace it");
                }
                deleteTree(target);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move outputs to " + target, e);
        }
    }

    /** Deletes the partial outputs of a failed run. */
    public void abort() {
        try {
            deleteTree(temp);
        } catch (IOException ignored) {
            // best effort: the directory name already says it is incomplete
        }
    }

    /** Deletes a directory tree (nothing when it does not exist). */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(x);
            }
        }
    }
}
