package kz.kosh.decision;

import com.fasterxml.jackson.databind.JsonNode;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The reference scenario of the decision tests pins every field of the sections those tests
 * depend on, so that a parameter added to (or recalibrated in) defaults.yaml cannot silently
 * change their hand-computed expectations.
 */
class ReferenceScenarioTest {

    @Test
    void referencePinsEveryFieldOfTheDecisionSections() throws IOException {
        JsonNode reference = ScenarioLoader.yamlMapper().readTree(TestScenarios.referencePath().toFile());
        JsonNode defaults;
        try (InputStream in = ScenarioLoader.class.getResourceAsStream("defaults.yaml")) {
            assertNotNull(in, "kz/kosh/scenario/defaults.yaml not found");
            defaults = ScenarioLoader.yamlMapper().readTree(in);
        }
        assertEquals("reference", reference.get("name").asText());
        List<String> missing = new ArrayList<>();
        for (String section : new String[] {"decision", "study", "kazakhstan", "policy.ruralIncentive",
                "policy.relocation"}) {
            JsonNode d = at(defaults, section);
            JsonNode r = at(reference, section);
            d.fieldNames().forEachRemaining(k -> {
                if (r == null || !r.has(k)) {
                    missing.add(section + "." + k);
                }
            });
        }
        assertEquals(List.of(), missing, "add these to src/test/resources/kz/kosh/reference.yaml");
    }

    private static JsonNode at(JsonNode n, String dotted) {
        for (String k : dotted.split("\\.")) {
            n = n == null ? null : n.get(k);
        }
        return n;
    }
}
