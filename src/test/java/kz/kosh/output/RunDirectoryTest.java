package kz.kosh.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunDirectoryTest {
    @TempDir
    Path dir;

    private List<String> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void refusesAnExistingDirectoryWithoutOverwrite() throws IOException {
        Path target = Files.createDirectory(dir.resolve("run1"));
        Files.writeString(target.resolve("old.csv"), "old");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> RunDirectory.create(target, false));
        assertTrue(e.getMessage().contains("output directory exists"), e.getMessage());
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
        assertTrue(e.getMessage().contains(target.toAbsolutePath().toString()), e.getMessage());
        // nothing was touched and no temporary directory was left behind
        assertEquals(List.of("run1"), entries());
        assertEquals("old", Files.readString(target.resolve("old.csv")));
    }

    @Test
    void refusesAnExistingFileToo() throws IOException {
        Path target = Files.writeString(dir.resolve("run.txt"), "x");
        assertThrows(UncheckedIOException.class, () -> RunDirectory.create(target, false));
    }

    @Test
    void targetDoesNotExistBeforeCommitAndHoldsTheFilesAfter() throws IOException {
        Path target = dir.resolve("out").resolve("run2"); // parent is created too
        RunDirectory rd = RunDirectory.create(target, false);
        assertEquals(target.toAbsolutePath().normalize(), rd.target());
        assertTrue(Files.isDirectory(rd.workDir()));
        assertEquals(target.toAbsolutePath().getParent(), rd.workDir().getParent(), "temp dir is a sibling");
        assertTrue(rd.workDir().getFileName().toString().startsWith(".run2.incomplete-"), rd.workDir().toString());
        Files.writeString(rd.workDir().resolve("years.csv"), "year\n2015\n");
        assertFalse(Files.exists(target), "target must not exist before commit");

        rd.commit();
        assertTrue(Files.isDirectory(target));
        assertEquals("year\n2015\n", Files.readString(target.resolve("years.csv")));
        assertFalse(Files.exists(rd.workDir()), "temp dir is gone after commit");
        try (Stream<Path> s = Files.list(target.getParent())) {
            assertEquals(List.of("run2"), s.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        }
    }

    @Test
    void overwriteReplacesTheExistingDirectoryOnCommit() throws IOException {
        Path target = Files.createDirectory(dir.resolve("run3"));
        Files.writeString(target.resolve("manifest.json"), KOSH_MANIFEST);  // an earlier Kosh run
        Files.writeString(target.resolve("flows.csv"), "old");

        RunDirectory rd = RunDirectory.create(target, true);
        Files.writeString(rd.workDir().resolve("new.csv"), "new");
        // before commit the old outputs are still there, untouched
        assertEquals("old", Files.readString(target.resolve("flows.csv")));
        assertFalse(Files.exists(target.resolve("new.csv")));

        rd.commit();
        assertEquals("new", Files.readString(target.resolve("new.csv")));
        assertFalse(Files.exists(target.resolve("flows.csv")), "old outputs must be gone");
        assertEquals(List.of("run3"), entries());
    }

    @Test
    void commitRefusesATargetThatAppearedMeanwhileWithoutOverwrite() throws IOException {
        Path target = dir.resolve("run4");
        RunDirectory rd = RunDirectory.create(target, false);
        Files.writeString(rd.workDir().resolve("new.csv"), "new");
        Files.createDirectory(target);
        Files.writeString(target.resolve("other.csv"), "other");
        assertThrows(UncheckedIOException.class, rd::commit);
        assertEquals("other", Files.readString(target.resolve("other.csv")), "the other run's outputs survive");
        rd.abort();
        assertEquals(List.of("run4"), entries());
    }

    @Test
    void abortLeavesNoTargetAndRemovesTheTempDir() throws IOException {
        Path target = dir.resolve("run5");
        RunDirectory rd = RunDirectory.create(target, false);
        Files.createDirectories(rd.workDir().resolve("maps"));
        Files.writeString(rd.workDir().resolve("maps/a.png"), "png");
        Files.writeString(rd.workDir().resolve("years.csv"), "partial");
        rd.abort();
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(rd.workDir()));
        assertEquals(List.of(), entries());
        // abort twice is harmless
        rd.abort();
    }

    @Test
    void abortWithOverwriteKeepsTheOldOutputs() throws IOException {
        Path target = Files.createDirectory(dir.resolve("run6"));
        Files.writeString(target.resolve("manifest.json"), KOSH_MANIFEST);  // an earlier Kosh run
        Files.writeString(target.resolve("stocks.csv"), "old");
        RunDirectory rd = RunDirectory.create(target, true);
        Files.writeString(rd.workDir().resolve("new.csv"), "new");
        rd.abort();
        assertEquals("old", Files.readString(target.resolve("stocks.csv")));
        assertEquals(List.of("run6"), entries());
    }

    @Test
    void overwriteRefusesADirectoryThatIsNotAKoshRun() throws IOException {
        Path target = Files.createDirectory(dir.resolve("someone-elses"));
        Files.writeString(target.resolve("thesis.tex"), "precious");
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> RunDirectory.create(target, true));
        assertTrue(e.getCause().getMessage().contains("not a Kosh run directory"), e.getCause().getMessage());
        assertEquals("precious", Files.readString(target.resolve("thesis.tex")));
    }

    /** What Kosh writes at the top of a run's manifest (tool and resolved scenario). */
    static final String KOSH_MANIFEST = "{\"tool\": \"kosh\", \"scenario\": \"x\", \"resolvedScenario\": {\"name\": \"x\"}}";

    @Test
    void overwriteRefusesAForeignManifestAndExtraFiles() throws IOException {
        Path foreign = Files.createDirectory(dir.resolve("website"));
        Files.writeString(foreign.resolve("manifest.json"), "{\"name\": \"my web app\"}");
        Files.writeString(foreign.resolve("index.html"), "precious");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> RunDirectory.create(foreign, true));
        assertTrue(e.getCause().getMessage().contains("not a Kosh run manifest"), e.getCause().getMessage());
        assertEquals("precious", Files.readString(foreign.resolve("index.html")));

        Path mixed = Files.createDirectory(dir.resolve("mixed"));
        Files.writeString(mixed.resolve("manifest.json"), KOSH_MANIFEST);
        Files.writeString(mixed.resolve("notes.txt"), "mine");
        e = assertThrows(UncheckedIOException.class, () -> RunDirectory.create(mixed, true));
        assertTrue(e.getCause().getMessage().contains("notes.txt"), e.getCause().getMessage());
        assertEquals("mine", Files.readString(mixed.resolve("notes.txt")));
    }

    @Test
    void leftoversOfDeadRunsAreCleanedAndLiveOnesKept() throws IOException {
        Path target = dir.resolve("run9");
        Path dead = Files.createDirectory(dir.resolve(".run9.incomplete-dead"));
        Files.writeString(dead.resolve(".kosh-owner"), Long.MAX_VALUE / 2 + " " + RunDirectory.host() + "\n");
        Files.writeString(dead.resolve("flows.csv"), "partial");
        Path live = Files.createDirectory(dir.resolve(".run9.incomplete-live"));
        Files.writeString(live.resolve(".kosh-owner"), ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L)
                + " " + RunDirectory.host() + "\n");
        Path otherName = Files.createDirectory(dir.resolve(".run10.incomplete-x"));
        RunDirectory rd = RunDirectory.create(target, false);
        assertFalse(Files.exists(dead), "a dead run's leftover is removed");
        assertTrue(Files.exists(live), "a running process's directory is kept");
        assertTrue(Files.exists(otherName), "only leftovers of the same target are touched");
        rd.abort();
    }

    @Test
    void directoriesFollowTheUmaskNotPrivate0700() throws IOException {
        Path probe = Files.createDirectory(dir.resolve("probe"));
        RunDirectory rd = RunDirectory.create(dir.resolve("run11"), false);
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(rd.workDir()));
        rd.abort();
    }
}
