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
}
