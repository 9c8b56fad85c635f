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

    /** Prepares a run directory; fails at once if {@code target} exists and not {@code overwrite}. */
    public static RunDirectory create(Path target, boolean overwrite) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !overwrite) {
            throw new UncheckedIOException(new FileAlreadyExistsException(abs.toString(), null,
                    "output directory exists; choose another with --out or pass --overwrite"));
        }
        if (Files.exists(abs) && !Files.exists(abs.resolve("manifest.json")) && !isEmpty(abs)) {
            throw new UncheckedIOException(new FileAlreadyExistsException(abs.toString(), null,
                    "is not a Kosh run directory (no manifest.json); refusing to replace it with --overwrite"));
        }
        try {
            Files.createDirectories(abs.getParent());
            Path temp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".incomplete-");
            return new RunDirectory(abs, temp, overwrite);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory next to " + abs, e);
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
            if (Files.exists(target)) {
                if (!overwrite) {
                    throw new FileAlreadyExistsException(target.toString());
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
