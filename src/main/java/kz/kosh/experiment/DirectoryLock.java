package kz.kosh.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process at a time in an experiment (or shard) directory: an operating-system lock on
 * {@code <dir>/.kosh.lock}, which also holds "pid host" of the holder for the message. The lock
 * dies with its process, so the lock of a killed run is simply taken over (the file is reused).
 */
public final class DirectoryLock implements AutoCloseable {
    /** Name of the lock file; not an output, ignored when a directory is checked. */
    public static final String FILE = ".kosh.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir} (created if needed) or throws an IllegalStateException
     * "DIR is in use by pid N on HOST".
     */
    public static DirectoryLock acquire(Path dir) {
        Path f = dir.resolve(FILE);
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = holder(f);
                ch.close();
                throw new IllegalStateException(dir + " is in use by " + (holder.isEmpty() ? "another process" : holder)
                        + "; wait for it to finish (or stop it), then run the same command again");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on "
                    + kz.kosh.output.RunDirectory.host() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new DirectoryLock(ch, l);
        } catch (IOException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            throw new UncheckedIOException("cannot lock " + dir, e);
        }
    }

    private static String holder(Path f) {
        try {
            return Files.readString(f).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel or the process anyway
        }
    }
}
