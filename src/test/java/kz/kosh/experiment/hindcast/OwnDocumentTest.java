package kz.kosh.experiment.hindcast;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The generated document's own files do not make the commit stamp "-dirty". */
class OwnDocumentTest {
    @Test
    void documentAndChartFolderRelativeToTheWorkingDirectory() {
        assertEquals(List.of("docs/hindcast.md", "docs/hindcast"), Hindcast.ownDocument(Path.of("docs/hindcast.md")));
        assertEquals(List.of("docs/hindcast.md", "docs/hindcast"),
                Hindcast.ownDocument(Path.of("docs/hindcast.md").toAbsolutePath()));
        assertEquals(List.of(), Hindcast.ownDocument(null));
        assertEquals(List.of(), Hindcast.ownDocument(Path.of("/tmp/elsewhere/hindcast.md")));
    }

    /** A history match writes its document and copies its posterior: neither counts as a change of the model. */
    @Test
    void historyMatchDocumentAndPosteriorCopy() {
        assertEquals(List.of("docs/calibration.md", "docs/calibration", "calibration/baseline-posterior.csv"),
                kz.kosh.output.BuildInfo.ownFiles(Path.of("docs/calibration.md"),
                        Path.of("calibration/baseline-posterior.csv").toAbsolutePath(), null));
    }
}
