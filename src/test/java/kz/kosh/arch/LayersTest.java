package kz.kosh.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages are layers (README, "Layout"; each package-info says what it may import), checked
 * on the bytecode of the main classes:
 * indicator &lt; scenario &lt; world &lt; policy &lt; decision &lt; population &lt; sim &lt; output &lt;
 * experiment &lt; experiment.report &lt; experiment.hindcast, experiment.regions, experiment.dose &lt; calibration (and .history), search &lt; gui, cli.
 * A class may import its own layer and the layers below; no two packages depend on each other
 * (no cycles). {@link #KNOWN} lists, class by class, the dependencies against the order that are
 * left until the programme plug-ins (issue 17) and the ExperimentRunner split (issue 19) remove
 * them: a new one fails, and an entry that no longer occurs should be deleted.
 */
class LayersTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(java.nio.file.Path.of("target/classes"));
    }

    /**
     * origin class -&gt; target package of the dependencies against the order that remain:
     * an experiment's outputs include the report (ExperimentOutputs) and its aggregation collects the
     * headline (Aggregator), both split out of ExperimentRunner (issue 17). The policy sections are plug-ins the scenario
     * holds without naming them (kz.kosh.scenario.SectionReader, found through META-INF/services),
     * and the world applies their changes through kz.kosh.world.WorldAdjustment.
     */
    static final Set<String> KNOWN = Set.of(
            "kz.kosh.experiment.ExperimentOutputs->kz.kosh.experiment.report",
            "kz.kosh.experiment.Aggregator->kz.kosh.experiment.report");

    private static DescribedPredicate<JavaClass> origin(String known) {
        String name = known.substring(0, known.indexOf("->"));
        return DescribedPredicate.describe(name, c -> c.getName().equals(name) || c.getName().startsWith(name + "$"));
    }

    private static DescribedPredicate<JavaClass> target(String known) {
        String pkg = known.substring(known.indexOf("->") + 2);
        return DescribedPredicate.describe(pkg, c -> c.getPackageName().equals(pkg));
    }

    @Test
    void packagesImportOnlyTheirOwnAndLowerLayers() {
        Architectures.LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("indicator").definedBy("kz.kosh.indicator")
                .layer("scenario").definedBy("kz.kosh.scenario")
                .layer("world").definedBy("kz.kosh.world")
                .layer("policy").definedBy("kz.kosh.policy")
                .layer("decision").definedBy("kz.kosh.decision")
                .layer("population").definedBy("kz.kosh.population")
                .layer("sim").definedBy("kz.kosh.sim")
                .layer("output").definedBy("kz.kosh.output")
                .layer("experiment").definedBy("kz.kosh.experiment")
                .layer("report").definedBy("kz.kosh.experiment.report")
                .layer("hindcast").definedBy("kz.kosh.experiment.hindcast")
                .layer("regions").definedBy("kz.kosh.experiment.regions")
                .layer("dose").definedBy("kz.kosh.experiment.dose")
                .layer("calibration").definedBy("kz.kosh.calibration..")
                .layer("search").definedBy("kz.kosh.search")
                .layer("gui").definedBy("kz.kosh.gui")
                .layer("cli").definedBy("kz.kosh.cli")
                .whereLayer("indicator").mayNotAccessAnyLayer()
                .whereLayer("scenario").mayOnlyAccessLayers("indicator")
                .whereLayer("world").mayOnlyAccessLayers("indicator", "scenario")
                .whereLayer("policy").mayOnlyAccessLayers("indicator", "scenario", "world")
                .whereLayer("decision").mayOnlyAccessLayers("indicator", "scenario", "world", "policy")
                .whereLayer("population").mayOnlyAccessLayers("indicator", "scenario", "world", "policy", "decision")
                .whereLayer("sim").mayOnlyAccessLayers("indicator", "scenario", "world", "policy", "decision", "population")
                .whereLayer("output").mayOnlyAccessLayers("indicator", "scenario", "world", "policy", "decision",
                        "population", "sim")
                .whereLayer("experiment").mayOnlyAccessLayers("indicator", "scenario", "world", "policy", "decision",
                        "population", "sim", "output")
                .whereLayer("report").mayOnlyAccessLayers("indicator", "scenario", "world", "policy", "decision",
                        "population", "sim", "output", "experiment")
                .whereLayer("hindcast").mayOnlyAccessLayers("indicator", "scenario", "world", "policy", "decision",
                        "population", "sim", "output", "experiment", "report")
                .whereLayer("regions").mayOnlyAccessLayers("indicator", "scenario", "world", "policy", "decision",
                        "population", "sim", "output", "experiment", "report")
                .whereLayer("dose").mayOnlyAccessLayers("indicator", "scenario", "world", "policy", "decision",
                        "population", "sim", "output", "experiment", "report")
                .whereLayer("calibration").mayOnlyAccessLayers("indicator", "scenario", "world", "policy", "decision",
                        "population", "sim", "output", "experiment", "report", "hindcast")
                .whereLayer("search").mayOnlyAccessLayers("indicator", "scenario", "world", "policy", "decision",
                        "population", "sim", "output", "experiment", "report", "hindcast")
                .whereLayer("gui").mayOnlyAccessLayers("indicator", "scenario", "world", "policy", "decision",
                        "population", "sim", "output")
                .whereLayer("cli").mayOnlyAccessLayers("indicator", "scenario", "world", "policy", "decision",
                        "population", "sim", "output", "experiment", "report", "hindcast", "regions", "dose", "calibration", "search", "gui")
                ;
        for (String k : KNOWN) {
            layers = layers.ignoreDependency(origin(k), target(k));
        }
        layers.check(classes);
    }

    /**
     * The programme plug-in API (kz.kosh.policy): what the core may name of the policy package. Everything
     * else there is a programme (Bolashak, StateGrant, AcademicMobility, RuralIncentive, Relocation,
     * ReturnSupport, VisaRoutes, RegionalShocks, RegionalDevelopment, their helpers) or their list (Programmes).
     */
    static final Set<String> PLUG_IN_API = Set.of("PolicyModule", "ObligationProgramme", "Mover", "Counter", "Counts",
            "Costs", "Programme");

    /**
     * The core (sim, decision, output, scenario, population) never names a programme (issue 17): it
     * depends on the plug-in API only ({@link #PLUG_IN_API}), so that a new programme is one package
     * plus its defaults and its tests. Checked on the bytecode, so comments and strings do not count.
     */
    @Test
    void theCoreDependsOnTheProgrammeApiOnly() {
        DescribedPredicate<JavaClass> programme = DescribedPredicate.describe("a concrete programme of kz.kosh.policy",
                t -> {
                    JavaClass c = t.getBaseComponentType(); // an array of a class is that class
                    return c.getPackageName().equals("kz.kosh.policy")
                            && !PLUG_IN_API.contains(c.getName().substring("kz.kosh.policy.".length()).replaceFirst("\\$.*", ""));
                });
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that()
                .resideInAnyPackage("kz.kosh.sim", "kz.kosh.decision", "kz.kosh.output", "kz.kosh.scenario",
                        "kz.kosh.population")
                .should().dependOnClassesThat(programme)
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        SliceRule cycles = slices().matching("kz.kosh.(**)").should().beFreeOfCycles();
        for (String k : KNOWN) {
            cycles = cycles.ignoreDependency(origin(k), target(k));
        }
        cycles.check(classes);
    }

    @Test
    void everyKnownExceptionStillOccurs() {
        java.util.List<String> gone = new java.util.ArrayList<>();
        for (String k : KNOWN) {
            String origin = k.substring(0, k.indexOf("->"));
            String target = k.substring(k.indexOf("->") + 2);
            boolean occurs = classes.stream()
                    .filter(c -> c.getName().equals(origin) || c.getName().startsWith(origin + "$"))
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .anyMatch(d -> d.getTargetClass().getPackageName().equals(target));
            if (!occurs) {
                gone.add(k);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), gone, "no longer occur: delete them from LayersTest.KNOWN");
    }
}
