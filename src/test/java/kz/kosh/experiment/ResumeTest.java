package kz.kosh.experiment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static kz.kosh.experiment.ExperimentTests.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * An interrupted experiment resumes from the replications saved under runs/ and gives the same
 * statistics as an uninterrupted one; finished directories and unfinished runs of another
 * experiment are refused.
 */
class ResumeTest {
    static final int REPS = 4;

    @TempDir
    static Path tmp;
    static ExperimentSpec spec;
    static Path reference;

    @BeforeAll
    static void runTheReferenceExperiment() {
        spec = spec(0.01, 2017, 1);
        ExperimentRunner.Result r = ExperimentTests.run(spec, tmp.resolve("reference"), 2, true, false);
        reference = r.directory();
        assertEquals(REPS * 2, r.replicationsRun());
        assertEquals(0, r.replicationsResumed());
    }

    static ExperimentSpec spec(double scale, int endYear, long baseSeed) {
        return new ExperimentSpec("resume",
                List.of(entry("baseline", ExperimentTests.BASELINE), entry("no-obligation", ExperimentTests.NO_OBLIGATION)),
                0, REPS, baseSeed, scale, 2015, endYear, 4);
    }

    /** A copy of the finished reference directory (as if it had been run there). */
    static Path copyOfReference(String name) throws IOException {
        Path to = tmp.resolve(name);
        try (Stream<Path> s = Files.walk(reference)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                Path q = to.resolve(reference.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
        return to;
    }

    static List<Path> runFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("runs"))) {
            return s.filter(p -> p.getFileName().toString().matches("rep-\\d+\\.csv\\.gz")).sorted().toList();
        }
    }

    static void assertSameBytes(Path a, Path b, String file) throws IOException {
        long at = Files.mismatch(a.resolve(file), b.resolve(file));
        if (at != -1) {
            fail(file + " of " + a.getFileName() + " and " + b.getFileName() + " differ from byte " + at);
        }
    }

    @Test
    void referenceKeepsOneFilePerScenarioAndReplication() throws IOException {
        List<Path> files = runFiles(reference);
        assertEquals(REPS * 2, files.size(), files.toString());
        for (int s = 0; s < 2; s++) {
            for (int r = 0; r < REPS; r++) {
                assertTrue(Files.isRegularFile(new ExperimentRunner(spec, reference, 1, true, false, false).runFile(s, r)));
            }
        }
        assertFalse(Files.exists(reference.resolve(ExperimentRunner.INCOMPLETE_MARKER)));
        assertTrue(Files.isRegularFile(reference.resolve(ExperimentRunner.FINGERPRINT)));
    }

    @Test
    void savedReplicationsReadBackExactly() throws IOException {
        // resuming relies on the saved tables being the exact doubles of the run
        Path f = runFiles(reference).get(0);
        IndicatorTable t = IndicatorTable.read(f);
        Path again = tmp.resolve("roundtrip").resolve("rep.csv.gz");
        t.write(again);
        IndicatorTable u = IndicatorTable.read(again);
        assertEquals(t.years(), u.years());
        assertEquals(List.of(2015, 2016, 2017), t.years());
        assertEquals(t.keys(), u.keys());
        for (int y = 0; y < t.years().size(); y++) {
            for (String k : t.keys()) {
                assertEquals(Double.doubleToLongBits(t.value(y, k)), Double.doubleToLongBits(u.value(y, k)), k);
            }
        }
    }

    @Test
    void interruptedExperimentResumesToIdenticalStatistics() throws IOException {
        Path b = copyOfReference("interrupted");
        for (String f : List.of("summary.csv", "differences.csv", "manifest.json")) {
            Files.delete(b.resolve(f));
        }
        List<Path> files = runFiles(b);
        int kept = 0;
        for (int i = 0; i < files.size(); i++) {
            if (i % 2 == 0) {
                Files.delete(files.get(i)); // replications 0 and 2 of each scenario: later ones must wait
            } else {
                kept++;
            }
        }
        Files.writeString(b.resolve(ExperimentRunner.INCOMPLETE_MARKER), "interrupted\n");

        ExperimentRunner.Result r = ExperimentTests.run(spec, b, 2, true, false);

        assertEquals(kept, r.replicationsResumed());
        assertEquals(REPS * 2 - kept, r.replicationsRun());
        assertSameBytes(reference, b, "summary.csv");
        assertSameBytes(reference, b, "differences.csv");
        assertFalse(Files.exists(b.resolve(ExperimentRunner.INCOMPLETE_MARKER)), "marker must go when finished");
        assertEquals(REPS * 2, runFiles(b).size());
        String manifest = Files.readString(b.resolve("manifest.json"));
        assertTrue(manifest.contains("\"replicationsResumed\" : " + kept), manifest);
    }

    @Test
    void interruptedExperimentWithEverythingOnDiskOnlyAggregates() throws IOException {
        Path b = copyOfReference("all-on-disk");
        Files.delete(b.resolve("summary.csv"));
        Files.writeString(b.resolve(ExperimentRunner.INCOMPLETE_MARKER), "interrupted\n");
        ExperimentRunner.Result r = ExperimentTests.run(spec, b, 1, false, false);
        assertEquals(REPS * 2, r.replicationsResumed());
        assertEquals(0, r.replicationsRun());
        assertSameBytes(reference, b, "summary.csv");
        assertFalse(Files.exists(b.resolve("runs")), "runs/ must be removed at the end without keepRuns");
    }

    @Test
    void finishedDirectoryIsRefusedWithoutOverwrite() throws IOException {
        Path b = copyOfReference("finished");
        byte[] before = Files.readAllBytes(b.resolve("summary.csv"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ExperimentTests.run(spec, b, 1, true, false));
        assertTrue(e.getMessage().contains("finished experiment"), e.getMessage());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(b.resolve("summary.csv"))),
                "a refused directory must be left alone");
    }

    @Test
    void existingEmptyDirectoryIsUsed() throws IOException {
        Path b = Files.createDirectories(tmp.resolve("empty"));
        ExperimentRunner.Result r = ExperimentTests.run(spec, b, 2, false, false);
        assertEquals(REPS * 2, r.replicationsRun());
        assertSameBytes(reference, b, "summary.csv");
    }

    @Test
    void finishedDirectoryIsRedoneFromScratchWithOverwrite() throws IOException {
        Path b = copyOfReference("overwritten");
        // a stray file where Kosh writes (runs/); a file Kosh never writes makes --overwrite refuse (ExperimentFaultTest)
        Files.createDirectories(b.resolve("runs"));
        Files.writeString(b.resolve("runs").resolve("stray.txt"), "left over\n");
        ExperimentRunner.Result r = ExperimentTests.run(spec, b, 2, false, true);
        assertEquals(0, r.replicationsResumed());
        assertEquals(REPS * 2, r.replicationsRun());
        assertFalse(Files.exists(b.resolve("runs").resolve("stray.txt")), "overwrite starts afresh");
        assertSameBytes(reference, b, "summary.csv");
    }

    private void assertUnfinishedOtherExperimentRefused(String dirName, ExperimentSpec other) throws IOException {
        Path b = copyOfReference(dirName);
        Files.writeString(b.resolve(ExperimentRunner.INCOMPLETE_MARKER), "interrupted\n");
        int files = runFiles(b).size();
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ExperimentTests.run(other, b, 1, true, false));
        assertTrue(e.getMessage().contains("different experiment"), e.getMessage());
        assertEquals(files, runFiles(b).size(), "the saved replications of the other experiment must be kept");
        assertTrue(Files.exists(b.resolve("summary.csv")));
    }

    @Test
    void unfinishedRunOfADifferentScaleIsRefused() throws IOException {
        assertUnfinishedOtherExperimentRefused("other-scale", spec(0.02, 2017, 1));
    }

    @Test
    void unfinishedRunOfADifferentYearRangeIsRefused() throws IOException {
        assertUnfinishedOtherExperimentRefused("other-years", spec(0.01, 2018, 1));
    }

    @Test
    void unfinishedRunOfADifferentBaseSeedIsRefused() throws IOException {
        assertUnfinishedOtherExperimentRefused("other-seed", spec(0.01, 2017, 2));
    }

    @Test
    void unfinishedRunWithDifferentScenariosIsRefused() throws IOException {
        ExperimentSpec other = new ExperimentSpec("resume",
                List.of(entry("baseline", ExperimentTests.BASELINE),
                        entry("no-obligation", ExperimentTests.scenario("bolashak-doubled"))),
                0, REPS, 1, 0.01, 2015, 2017, 4);
        assertUnfinishedOtherExperimentRefused("other-scenarios", other);
    }
}
