package kz.kosh.scenario;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every default has a unit and a source, and docs/parameters.md is the current generated table. */
class ParameterTableTest {

    @Test
    void everyParameterHasAUnitAndASource() {
        assertDoesNotThrow(ParameterTable::markdown);
    }

    @Test
    void docsParametersIsUpToDate() throws IOException {
        String committed = Files.readString(Path.of("docs/parameters.md"));
        assertEquals(ParameterTable.markdown(), committed,
                "docs/parameters.md is stale: run ./kosh params > docs/parameters.md");
    }
}
