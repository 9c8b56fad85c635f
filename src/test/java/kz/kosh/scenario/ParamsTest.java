package kz.kosh.scenario;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    }

    @Test
    void labelsAreMadeFromTheName() {
        assertEquals("Home tie half life years abroad", Param.label("homeTieHalfLifeYearsAbroad"));
        assertEquals("Moving cost per km (KZT)", Param.label("movingCostPerKmKzt"));
        assertEquals("Students enrolled 2022", Param.label("studentsEnrolled2022"));
    }
}
