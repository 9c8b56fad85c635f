package kz.kosh.gui;

import kz.kosh.scenario.Scenario;
import kz.kosh.sim.KoshSim;
import org.junit.jupiter.api.Test;
import sim.util.Properties;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Model tab's parameters (headless: no window is opened). */
class ParameterProxyTest {
    static final Path BASELINE = Path.of("scenarios/baseline.yaml");

    @Test
    void exposesTheDocumentedParametersToMasonsInspector() {
        ParameterProxy p = new ParameterProxy(BASELINE, 0.02, 5L);
        Properties props = Properties.getProperties(p);
        Set<String> names = new HashSet<>();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < props.numProperties(); i++) {
            names.add(props.getName(i));
            index.put(props.getName(i), i);
        }
        for (String n : new String[]{"Its average wage (real KZT of 2023 per month)", "Wage region", "US work access",
                "UK work access", "Germany work access", "Russia work access", "Bolashak awards per year",
                "Bolashak enforcement probability", "Academic mobility rate (per student-year)",
                "Follow-through abroad", "Scale (share of the population simulated)", "Spin-up years", "End year"}) {
            assertTrue(names.contains(n), n + " missing from " + names);
            assertTrue(props.isReadWrite(index.get(n)), n + " should be writable");
        }
        assertNotNull(props.getDomain(index.get("US work access")));
    }

    @Test
    void everyNumericPolicyParameterIsOfferedWithItsValueAndActsOnTheScenario() {
        ParameterProxy p = new ParameterProxy(BASELINE, 0.02, 5L);
        String[] labels = (String[]) p.domPolicyParameter();
        java.util.List<kz.kosh.scenario.Param> numeric = p.policyParams();
        assertTrue(numeric.contains(kz.kosh.policy.RegionalShocks.WAGE_FACTOR), "new modules are offered: " + numeric);
        assertEquals(numeric.size(), labels.length);
        for (int i = 0; i < labels.length; i++) {
            p.setPolicyParameter(i);
            double v = p.getPolicyParameterValue();
            assertTrue(numeric.get(i).allows(v), labels[i] + " = " + v);
        }
        // choosing Bolashak's PhD share and changing it reaches the scenario
        int phd = numeric.indexOf(kz.kosh.policy.Bolashak.PHD_SHARE);
        p.setPolicyParameter(phd);
        p.setPolicyParameterValue(0.5);
        p.setPolicyParameterValue(7.0); // out of bounds: ignored
        assertEquals(0.5, p.getPolicyParameterValue(), 0.0);
        assertEquals(0.5, p.scenario().policy().get(kz.kosh.policy.Bolashak.class).phdShare(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> p.setPolicyParameter(kz.kosh.policy.Bolashak.PHD_SHARE, 2.0));
    }

    /** A programme registered after start-up (issue 17: the GUI reads the registry) is offered and acts on the scenario. */
    @Test
    void aProgrammeRegisteredLaterIsOfferedToo() throws Exception {
        try (AutoCloseable ignored = kz.kosh.example.ArrivalGrant.PROGRAMME.register()) {
            ParameterProxy p = new ParameterProxy(BASELINE, 0.02, 5L);
            int grant = p.policyParams().indexOf(kz.kosh.example.ArrivalGrant.GRANT);
            assertTrue(grant >= 0, "offered: " + p.policyParams());
            assertTrue(java.util.List.of((String[]) p.domPolicyParameter()).contains("arrival grant (KZT) (KZT per arriving graduate)"));
            p.setPolicyParameter(grant);
            assertEquals(0.0, p.getPolicyParameterValue(), 0.0);
            p.setPolicyParameterValue(250_000);
            assertEquals(250_000.0, ((kz.kosh.example.ArrivalGrant) p.scenario().policy().section("arrivalGrant")).grantKzt(), 0.0);
        }
        assertTrue(new ParameterProxy(BASELINE, 0.02, 5L).policyParams().stream()
                .noneMatch(d -> d.section().equals("arrivalGrant")), "gone once unregistered");
    }

    @Test
    void everyNumericModelParameterIsOfferedWithinItsDefinitionAndActsOnTheScenario() {
        ParameterProxy p = new ParameterProxy(BASELINE, 0.02, 5L);
        String[] labels = (String[]) p.domModelParameter();
        java.util.List<kz.kosh.scenario.Param> numeric = ParameterProxy.MODEL_PARAMS;
        assertEquals(numeric.size(), labels.length);
        assertTrue(numeric.contains(kz.kosh.scenario.DecisionParams.STAY_BONUS), numeric.toString());
        for (int i = 0; i < labels.length; i++) {
            p.setModelParameter(i);
            assertTrue(numeric.get(i).allows(p.getModelParameterValue()), labels[i] + " = " + p.getModelParameterValue());
        }
        // a whole number reaches the scenario as one; a fraction or a value out of bounds is refused
        p.setModelParameter(kz.kosh.scenario.StudyParams.BACHELOR_YEARS, 3);
        p.setModelParameter(numeric.indexOf(kz.kosh.scenario.DecisionParams.STAY_BONUS));
        p.setModelParameterValue(1.25);
        p.setModelParameterValue(99); // out of bounds: ignored
        Scenario s = p.scenario();
        assertEquals(3, s.study().bachelorYears());
        assertEquals(1.25, s.decision().stayBonus(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> p.setModelParameter(kz.kosh.scenario.StudyParams.BACHELOR_YEARS, 3.5));
        assertThrows(IllegalArgumentException.class, () -> p.setModelParameter(kz.kosh.scenario.DecisionParams.STAY_BONUS, 51));
    }

    @Test
    void modelTabShowsReadableLabelsAndTheDecisionParameters() {
        ParameterProxy p = new ParameterProxy(BASELINE, 0.02, 5L);
        Properties props = Properties.getProperties(p);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < props.numProperties(); i++) {
            names.add(props.getName(i));
            assertTrue(props.getName(i).contains(" ") || props.getName(i).equals("Scenario"),
                    "label not readable: " + props.getName(i));
        }
        for (String n : new String[]{"US work access", "Abroad nest scale", "Return obstacle share",
                "Home tie half-life abroad (years)", "Bolashak enforcement probability"}) {
            assertTrue(names.contains(n), n + " missing from " + names);
        }
        assertTrue(props.numProperties() > 20, "parameters: " + props.numProperties());
    }

    @Test
    void saveAsScenarioYamlExtendsTheLoadedFileAndValidates(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        ParameterProxy p = new ParameterProxy(BASELINE, null, null);
        p.setAbroadNestScale(0.5);
        p.setReturnObstacleShare(0.3);
        p.setHomeTieHalfLifeYearsAbroad(12);
        p.setBolashakEnforcement(0.4);
        p.setBolashakPenaltyMarkup(2);
        p.setUsWorkAccess(0.1);
        Path out = dir.resolve("my-scenario.yaml");
        p.saveScenarioYaml(out);
        String yaml = java.nio.file.Files.readString(out);
        assertTrue(yaml.contains("extends: "), yaml);
        assertTrue(yaml.contains("name: \"my-scenario\"") || yaml.contains("name: my-scenario"), yaml);
        Scenario s = kz.kosh.scenario.ScenarioLoader.load(out).scenario();
        assertEquals("my-scenario", s.name());
        assertEquals(0.5, s.decision().abroadNestScale());
        assertEquals(0.3, s.decision().returnObstacleShare());
        assertEquals(12, s.decision().homeTieHalfLifeYearsAbroad());
        assertEquals(0.4, s.policy().get(kz.kosh.policy.Bolashak.class).enforcementProbability());
        assertEquals(2, s.policy().get(kz.kosh.policy.Bolashak.class).penaltyMarkup());
        assertEquals(0.1, s.destinations().get("US").workAccess());
        assertEquals(p.baseScenario().run().scale(), s.run().scale());
    }

    @Test
    void changesReachTheScenario() {
        ParameterProxy p = new ParameterProxy(BASELINE, 0.02, 5L);
        Scenario before = p.scenario();
        assertNotEquals(0.0, before.destinations().get("US").workAccess());
        p.setUsWorkAccess(0.0);
        p.setBolashakAwardsPerYear(1234);
        p.setBolashakEnforcement(0.25);
        p.setAcademicMobilityRate(0.05);
        p.setFollowThroughAbroad(0.4);
        p.setRegionWage("KZ-59", 555_000);
        p.setWageRegion(p.baseScenario().regions().keySet().stream().toList().indexOf("KZ-11"));
        p.setRegionWageKztPerMonth(444_000);
        Scenario s = p.scenario(9);
        assertEquals(0.0, s.destinations().get("US").workAccess());
        assertEquals(1234, s.policy().get(kz.kosh.policy.Bolashak.class).awardsPerYear());
        assertEquals(0.25, s.policy().get(kz.kosh.policy.Bolashak.class).enforcementProbability());
        assertEquals(0.05, s.policy().get(kz.kosh.policy.AcademicMobility.class).participationRatePerStudentYear());
        assertEquals(0.4, s.decision().followThroughAbroad());
        assertEquals(555_000, s.regions().get("KZ-59").avgWageKztPerMonth());
        assertEquals(444_000, s.regions().get("KZ-11").avgWageKztPerMonth());
        assertEquals(9, s.run().seed());
        assertEquals(0.02, s.run().scale());
        assertEquals(before.destinations().get("GB").workAccess(), s.destinations().get("GB").workAccess());
        p.reset();
        assertEquals(before.destinations().get("US").workAccess(), p.scenario().destinations().get("US").workAccess());
    }

    @Test
    void aChangeInTheProxyReachesTheModelAtStart() {
        ParameterProxy p = new ParameterProxy(BASELINE, 0.02, 5L);
        p.setSpinUpYears(2);
        p.setUsWorkAccess(0.0);
        KoshWithUI gui = new KoshWithUI(p, 1);
        gui.state.setSeed(11);
        gui.start();
        try {
            KoshSim sim = gui.sim();
            assertEquals(0.0, sim.scenario().destinations().get("US").workAccess());
            assertEquals(0.0, sim.params().destinations().get("US").workAccess());
            assertEquals(0.0, sim.world().workAccess(sim.world().indexOf("US")));
            assertEquals(11, sim.scenario().run().seed(), "the Console's seed drives the run");
            for (int i = 0; i < 5; i++) {
                assertTrue(gui.step());
            }
            MapData d = gui.latest();
            assertNotNull(d, "three recorded years after two spin-up years");
            assertEquals(2017, d.year());
            assertTrue(gui.getSimulationInspectedObject() == p);
        } finally {
            gui.finish();
        }
    }
}
