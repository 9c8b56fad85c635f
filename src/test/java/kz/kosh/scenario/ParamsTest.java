package kz.kosh.scenario;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single definitions of the parameters: unique paths, lookup by path, the checks of a free parameter. */
class ParamsTest {

    @Test
    void everyPathIsDefinedOnceWithAUnitAndASource() {
        Set<String> seen = new HashSet<>();
        for (Param p : Params.all()) {
            assertTrue(seen.add(p.path()), "defined twice: " + p.path());
            assertTrue(!p.unit().isBlank() && !p.source().isBlank() && !p.label().isBlank(), p.path());
            assertTrue(!p.numeric() || p.min() <= p.max(), p.path());
        }
    }

    @Test
    void findsAPathOfEveryKindOfGroup() {
        assertEquals(DecisionParams.STAY_BONUS, Params.find("decision.stayBonus").orElseThrow());
        assertEquals(DestinationData.WORK_ACCESS, Params.find("destinations.RU.workAccess").orElseThrow());
        assertEquals("policy.bolashak.phdShare", Params.find("policy.bolashak.phdShare").orElseThrow().path());
        assertTrue(Params.find("decision.noSuchWeight").isEmpty());
        assertTrue(Params.find("destinations..workAccess").isEmpty());
    }

    @Test
    void aFreeParameterMustBeANumberWithinItsDefinition() {
        assertNull(Params.freeParameterProblem("decision.followThroughAbroad", 0.05, 1));
        assertNull(Params.freeParameterProblem("destinations.RU.workAccess", 0, 1));
        String beyond = Params.freeParameterProblem("decision.followThroughAbroad", 0.5, 3);
        assertNotNull(beyond);
        assertTrue(beyond.contains("allowed: within [0, 1]"), beyond);
        assertNotNull(Params.freeParameterProblem("decision.incomeWeight", 0, 1)); // a list, not one number
        assertNotNull(Params.freeParameterProblem("policy.bolashak.enabled", 0, 1)); // a switch
        assertNotNull(Params.freeParameterProblem("nothing", 0, 1));
        // a whole number (years) cannot take a design's fractional points (session 6)
        String whole = Params.freeParameterProblem("economy.familyEmigrationMeanOfLastObservedYears", 1, 3);
        assertNotNull(whole);
        assertTrue(whole.startsWith("economy.familyEmigrationMeanOfLastObservedYears holds a whole number"), whole);
        assertNotNull(Params.freeParameterProblem("population.entryAgeYears", 17, 19));
    }

    @Test
    void oneEntryOfAMapOfIdsIsANumberWithTheMapsBounds() {
        Param ru = Params.find("study.destinationConstants.RU").orElseThrow();
        assertEquals("study.destinationConstants.RU", ru.path());
        assertTrue(ru.numeric());
        assertEquals(StudyParams.DESTINATION_CONSTANTS.min(), ru.min());
        assertEquals(StudyParams.DESTINATION_CONSTANTS.max(), ru.max());
        assertEquals(StudyParams.DESTINATION_CONSTANTS.source(), ru.source());
        assertNull(Params.freeParameterProblem("study.destinationConstants.RU", 0.5, 3));
        assertNull(Params.freeParameterProblem("study.stateFundedPlacesPerYear.RU", 0, 20000));
        assertNotNull(Params.freeParameterProblem("study.destinationConstants.RU", -40, 3)); // beyond [-30, 30]
        assertTrue(Params.find("study.destinationConstants.").isEmpty());
        assertTrue(Params.find("study.destinationConstants.R U").isEmpty());
        assertTrue(Params.find("decision.stayBonus.RU").isEmpty()); // a number has no entries
        assertTrue(Params.find("study.noSuchMap.RU").isEmpty());
    }

    @Test
    void anOverlayOfOneEntryKeepsTheMapsOtherEntries() {
        java.nio.file.Path baseline = java.nio.file.Path.of("scenarios/baseline.yaml");
        Scenario before = ScenarioLoader.load(baseline).scenario();
        com.fasterxml.jackson.databind.node.ObjectNode overlay = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        overlay.putObject("study").putObject("destinationConstants").put("RU", 0.75);
        Scenario after = ScenarioLoader.load(baseline, overlay, null).scenario();
        assertEquals(0.75, after.study().destinationConstant("RU"));
        for (String id : before.study().destinationConstants().keySet()) {
            if (!id.equals("RU")) {
                assertEquals(before.study().destinationConstant(id), after.study().destinationConstant(id), id);
            }
        }
        overlay.with("study").with("destinationConstants").put("XX", 1.0);
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(baseline, overlay, null)); // not a destination id
    }

    @Test
    void labelsAreMadeFromTheName() {
        assertEquals("Home tie half life years abroad", Param.label("homeTieHalfLifeYearsAbroad"));
        assertEquals("Moving cost per km (KZT)", Param.label("movingCostPerKmKzt"));
        assertEquals("Students enrolled 2022", Param.label("studentsEnrolled2022"));
    }
}
