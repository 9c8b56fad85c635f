package kz.kosh.indicator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The indicator registry is the one definition of every indicator: docs/outputs.md holds its
 * current tables, families resolve by their longest prefix, a name cannot be defined twice, and
 * no main source file names an indicator by a string literal (it uses the registry's constants).
 */
class IndicatorRegistryTest {

    @Test
    void docsOutputsHoldsTheGeneratedTables() throws IOException {
        String committed = Files.readString(Path.of("docs/outputs.md"));
        assertEquals(IndicatorDoc.markdown(), IndicatorDoc.generatedPart(committed),
                "docs/outputs.md is stale: replace its generated part with the output of ./kosh indicators");
    }

    @Test
    void exactNamesWinOverFamiliesAndTheLongestPrefixWins() {
        assertEquals(Indicator.SHARE, IndicatorRegistry.unit("first_job_abroad_share_bolashak"));
        assertEquals(CoreIndicators.FIRST_JOB_ABROAD_SHARE_BY_FUNDING, IndicatorRegistry.find("first_job_abroad_share_self-paid"));
        assertEquals(kz.kosh.policy.AcademicMobility.FIRST_JOB_ABROAD_SHARE_STATE_FUNDED,
                IndicatorRegistry.find("first_job_abroad_share_mobility_state_funded"));
        assertEquals(CoreIndicators.ABROAD_N_YEARS_AFTER_GRADUATION_SHARE_DEGREE_ABROAD,
                IndicatorRegistry.find("abroad_n_years_after_graduation_share_degree_abroad"));
        assertEquals(Indicator.KZT, IndicatorRegistry.unit("repayments_kzt_rural-incentive"));
        assertEquals(Indicator.PERSONS_PER_YEAR, IndicatorRegistry.unit("obligation_breaches_rural-incentive"));
        // a family's bare prefix is not an indicator, nor an unknown or an old name
        assertNull(IndicatorRegistry.find("obligation_breaches_"));
        assertNull(IndicatorRegistry.find("no_such_indicator"));
        assertNull(IndicatorRegistry.find("bolashak_nonreturn_share"));
        assertNull(IndicatorRegistry.find("nonreturn_share_bolashak"));
    }

    @Test
    void aNameIsDefinedOnce() {
        Indicator other = Indicator.national(CoreIndicators.EMIGRATION.name(), Indicator.SHARE, "something else");
        assertThrows(IllegalStateException.class, () -> IndicatorRegistry.register(other));
        assertEquals(CoreIndicators.EMIGRATION, IndicatorRegistry.register(CoreIndicators.EMIGRATION));
        Set<String> names = new HashSet<>();
        for (Indicator i : IndicatorRegistry.all()) {
            assertTrue(names.add(i.name()), i.name());
        }
    }

    @Test
    void definitionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Indicator.national("Bad Name", Indicator.SHARE, "x"));
        assertThrows(IllegalArgumentException.class, () -> Indicator.national("x", "percent", "x"));
        assertThrows(IllegalArgumentException.class, () -> Indicator.national("x", Indicator.SHARE, " "));
        assertThrows(IllegalArgumentException.class, () -> Indicator.family("x", "funding", Indicator.SHARE, "d"));
        assertTrue(CoreIndicators.EMIGRATION.flow());
        assertTrue(!CoreIndicators.DOCQUIER_RAPOPORT_SHARE.flow() && CoreIndicators.DOCQUIER_RAPOPORT_SHARE.shareInterval());
    }

    /**
     * Literals that equal an indicator name but mean something else: a flow kind, CSV columns of
     * the observed series, legend labels and glossary terms, a map measure's id.
     */
    private static final Set<String> NOT_INDICATORS = Set.of(
            "sim/FlowKind.java:emigration", "experiment/hindcast/Observed.java:students",
            "experiment/hindcast/Observed.java:entrants", "experiment/hindcast/Observed.java:graduates",
            "gui/KoshWithUI.java:emigration", "gui/KoshWithUI.java:returns", "gui/Measure.java:graduates",
            "output/Glossary.java:graduates", "output/Glossary.java:emigration",
            // the measures of redistribution.csv (students, graduates), not indicators
            "experiment/report/Redistribution.java:students", "experiment/report/Redistribution.java:graduates",
            "experiment/report/ReportWriter.java:students", "experiment/report/ReportWriter.java:graduates",
            "experiment/report/ReportCharts.java:students", "experiment/report/ReportCharts.java:graduates");

    /** A line defining an indicator (in a programme's class: {@code Indicator.national("name", ...)}). */
    private static final Pattern DEFINITION = Pattern.compile("Indicator\\.(national|at|family)\\(\"");

    @Test
    void mainCodeNamesIndicatorsByTheirConstants() throws IOException {
        Set<String> names = new HashSet<>();
        for (Indicator i : IndicatorRegistry.all()) {
            names.add(i.name());
        }
        Pattern literal = Pattern.compile("\"([a-z][a-z0-9_-]*)(@[A-Z0-9-]+)?\"");
        Path root = Path.of("src/main/java/kz/kosh");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith("indicator/")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(p);
                for (int n = 0; n < lines.size(); n++) {
                    if (DEFINITION.matcher(lines.get(n)).find()) {
                        continue; // a programme's own definition of its indicator (the one place of the name)
                    }
                    Matcher m = literal.matcher(lines.get(n));
                    while (m.find()) {
                        if (names.contains(m.group(1)) && !NOT_INDICATORS.contains(rel + ":" + m.group(1))) {
                            found.add(rel + ":" + (n + 1) + " \"" + m.group(1) + "\"");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found, "indicator names as string literals: use the constants of kz.kosh.indicator");
    }
}
