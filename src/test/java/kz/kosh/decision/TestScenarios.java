package kz.kosh.decision;

import kz.kosh.scenario.DestinationData;
import kz.kosh.scenario.PolicyParams;
import kz.kosh.scenario.RegionData;
import kz.kosh.scenario.Scenario;
import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.scenario.StudyParams;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the reference scenario and modified copies of it for the decision tests. The reference
 * scenario (src/test/resources/kz/kosh/reference.yaml) pins every input that the hand-computed
 * expectations use, so that recalibrating defaults.yaml or scenarios/baseline.yaml cannot
 * change them.
 */
final class TestScenarios {
    private TestScenarios() {
    }

    /** The absolute path of the reference scenario file (on the test class path). */
    static Path referencePath() {
        URL url = TestScenarios.class.getResource("/kz/kosh/reference.yaml");
        if (url == null) {
            throw new IllegalStateException("kz/kosh/reference.yaml is not on the test class path");
        }
        try {
            return Path.of(url.toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reference scenario with a YAML overlay (flow style, e.g. {@code {decision: {movingCostScale: 2}}}). */
    static Scenario referenceWith(String yamlOverlay) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode)
                    new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yamlOverlay);
            return ScenarioLoader.load(referencePath(), o, null).scenario();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The reference scenario of the decision tests. */
    static Scenario reference() {
        return ScenarioLoader.load(referencePath()).scenario();
    }

    static Scenario with(Scenario s, Map<String, RegionData> regions, Map<String, DestinationData> destinations,
                         PolicyParams policy, StudyParams study) {
        return new Scenario(s.name(), s.description(), s.run(), s.population(), study, s.decision(),
                s.humanCapital(), s.family(), policy, s.kazakhstan(), s.economy(), regions, destinations, s.timeline());
    }

    /** The scenario with one region's wage replaced. */
    static Scenario withRegionWage(Scenario s, String id, double wage) {
        Map<String, RegionData> m = new LinkedHashMap<>(s.regions());
        RegionData r = m.get(id);
        m.put(id, new RegionData(r.id(), r.name(), r.city(), r.centreLat(), r.centreLon(), r.population(), wage,
                r.unemploymentRatePct(), r.costOfLivingIndex(), r.universities(), r.kazakhSharePct(), r.russianSharePct(), r.germanSharePct(),
                r.careerIndex(), r.ecologyIndex()));
        return with(s, m, s.destinations(), s.policy(), s.study());
    }

    /** The scenario with one destination's study and work access replaced. */
    static Scenario withDestinationAccess(Scenario s, String id, double studyAccess, double workAccess) {
        Map<String, DestinationData> m = new LinkedHashMap<>(s.destinations());
        DestinationData x = m.get(id);
        m.put(id, new DestinationData(x.id(), x.name(), x.group(), x.repCity(), x.repLat(), x.repLon(),
                x.wageKztPerMonth(), x.wageBasis(), x.employmentProbability(), x.languageProximity(),
                x.diasporaThousands(), x.studentsEnrolled2022(), x.mobility2024(), studyAccess, workAccess,
                x.postStudyWorkYears(), x.livingStandardIndex(), x.safetyIndex(), x.corruptionIndex(),
                x.studyQualityIndex(), x.studyScholarshipIndex(), x.careerIndex()));
        return with(s, s.regions(), m, s.policy(), s.study());
    }

    /** The scenario with Bolashak's master's cost replaced. */
    static Scenario withBolashakMasterCost(Scenario s, double cost) {
        PolicyParams p = s.policy();
        kz.kosh.policy.Bolashak b = p.get(kz.kosh.policy.Bolashak.class);
        kz.kosh.policy.Bolashak nb = new kz.kosh.policy.Bolashak(b.enabled(), b.awardsPerYear(), b.phdShare(), cost,
                b.costKztPhd(), b.penaltyMarkup(), b.enforcementProbability(), b.obligationYearsCities(),
                b.obligationYearsRegions(), b.destinationShares(), b.breachUtilityCost(),
                b.tuitionOnlyShare(), b.obligationYearsTuitionOnlyCities(), b.obligationYearsTuitionOnlyRegions(),
                b.tuitionOnlyCostShare());
        PolicyParams np = p.with(kz.kosh.policy.Bolashak.SECTION, nb);
        return with(s, s.regions(), s.destinations(), np, s.study());
    }

    /** The scenario with Bolashak's enforcement probability replaced. */
    static Scenario withBolashakEnforcement(Scenario s, double enforcement) {
        PolicyParams p = s.policy();
        kz.kosh.policy.Bolashak b = p.get(kz.kosh.policy.Bolashak.class);
        kz.kosh.policy.Bolashak nb = new kz.kosh.policy.Bolashak(b.enabled(), b.awardsPerYear(), b.phdShare(),
                b.costKztMaster(), b.costKztPhd(), b.penaltyMarkup(), enforcement, b.obligationYearsCities(),
                b.obligationYearsRegions(), b.destinationShares(), b.breachUtilityCost(),
                b.tuitionOnlyShare(), b.obligationYearsTuitionOnlyCities(), b.obligationYearsTuitionOnlyRegions(),
                b.tuitionOnlyCostShare());
        PolicyParams np = p.with(kz.kosh.policy.Bolashak.SECTION, nb);
        return with(s, s.regions(), s.destinations(), np, s.study());
    }

    /** The scenario with the study choice's kin-state network bonuses (Russians at Russia, Germans at Germany) replaced. */
    static Scenario withStudyNetworkBonuses(Scenario s, double russian, double german) {
        StudyParams p = s.study();
        StudyParams np = new StudyParams(p.bachelorYears(), p.masterYears(), p.phdYears(),
                p.masterContinuationRate(), p.phdContinuationRate(), p.homeBonus(), p.universitiesWeight(),
                p.distanceWeight(), p.languageWeight(), p.qualityWeight(), p.scholarshipWeight(), russian, german,
                p.careerWeight(), p.destinationConstants(), p.costWeight(), p.safetyWeight(), p.foreignNestScale(),
                p.stateFundedPlacesPerYear(), p.abroadTrendPerYear(), p.abroadTrendEndYear());
        return with(s, s.regions(), s.destinations(), s.policy(), np);
    }

    /** The scenario with one destination's safety index replaced. */
    static Scenario withDestinationSafety(Scenario s, String id, double safety) {
        Map<String, DestinationData> m = new LinkedHashMap<>(s.destinations());
        DestinationData x = m.get(id);
        m.put(id, new DestinationData(x.id(), x.name(), x.group(), x.repCity(), x.repLat(), x.repLon(),
                x.wageKztPerMonth(), x.wageBasis(), x.employmentProbability(), x.languageProximity(),
                x.diasporaThousands(), x.studentsEnrolled2022(), x.mobility2024(), x.studyAccess(), x.workAccess(),
                x.postStudyWorkYears(), x.livingStandardIndex(), safety, x.corruptionIndex(),
                x.studyQualityIndex(), x.studyScholarshipIndex(), x.careerIndex()));
        return with(s, s.regions(), m, s.policy(), s.study());
    }

    /** The scenario with the study choice's safety weight replaced. */
    static Scenario withStudySafety(Scenario s, double weight) {
        StudyParams p = s.study();
        StudyParams np = new StudyParams(p.bachelorYears(), p.masterYears(), p.phdYears(),
                p.masterContinuationRate(), p.phdContinuationRate(), p.homeBonus(), p.universitiesWeight(),
                p.distanceWeight(), p.languageWeight(), p.qualityWeight(), p.scholarshipWeight(), p.russianNetworkBonus(), p.germanNetworkBonus(),
                p.careerWeight(), p.destinationConstants(), p.costWeight(), weight, p.foreignNestScale(),
                p.stateFundedPlacesPerYear(), p.abroadTrendPerYear(), p.abroadTrendEndYear());
        return with(s, s.regions(), s.destinations(), s.policy(), np);
    }
}
