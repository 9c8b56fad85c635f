package kz.kosh.experiment.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {
    private static final String REF = "baseline";
    private static final String ALT = "no-obligation";
    private static final int[] YEARS = {2024, 2025, 2026};
    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]+)\"");

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Builds summary.csv, differences.csv and manifest.json of a small synthetic experiment. */
    private static final class Experiment {
        final List<String> summary = new ArrayList<>();
        final List<String> differences = new ArrayList<>();

        /** One indicator × place over all years for both scenarios; the alternative is mean·factor. */
        Experiment add(String indicator, String place, double mean, double halfWidth, double factor,
                       boolean excludesZero) {
            for (int i = 0; i < YEARS.length; i++) {
                double m = mean * (1 + 0.05 * i);
                double a = m * factor;
                summary.add(row(REF, YEARS[i], indicator, place, m, halfWidth));
                summary.add(row(ALT, YEARS[i], indicator, place, a, halfWidth));
                double diff = a - m;
                double dh = excludesZero ? Math.abs(diff) / 3 : Math.abs(diff) * 2 + halfWidth;
                differences.add(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%s,%s,%s,%s,%s,20", ALT, REF, YEARS[i],
                        indicator, place, num(diff), num(dh), num(diff - dh), num(diff + dh),
                        excludesZero && diff != 0));
            }
            return this;
        }

        private static String row(String scenario, int year, String indicator, String place, double m, double h) {
            return String.format(Locale.ROOT, "%s,%d,%s,%s,%s,%s,%s,%s,%s,%s,%s,20", scenario, year, indicator, place,
                    num(m), num(h * 2), num(m - h), num(m + h), num(m - 2 * h), num(m), num(m + 2 * h));
        }

        private static String num(double x) {
            return java.math.BigDecimal.valueOf(x).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                    .toPlainString();
        }

        void write(Path dir, boolean withDifferences, boolean withManifest) throws IOException {
            Files.createDirectories(dir);
            Files.write(dir.resolve("summary.csv"),
                    Stream.concat(Stream.of("scenario,year,indicator,place,mean,sd,ci95_low,ci95_high,p05,p50,p95,n"),
                            summary.stream()).toList(), StandardCharsets.UTF_8);
            if (withDifferences) {
                Files.write(dir.resolve("differences.csv"), Stream.concat(Stream.of(
                                "scenario,reference,year,indicator,place,mean_difference,sd,ci95_low,ci95_high,excludes_zero,n"),
                        differences.stream()).toList(), StandardCharsets.UTF_8);
            }
            if (withManifest) {
                Files.writeString(dir.resolve("manifest.json"), """
                        {
                          "tool" : "kosh",
                          "experiment" : "bolashak-test",
                          "reference" : "baseline",
                          "scenarios" : [ "baseline", "no-obligation" ],
                          "replications" : 20,
                          "baseSeed" : 7,
                          "scale" : 0.1,
                          "years" : [ 2024, 2026 ]
                        }
                        """, StandardCharsets.UTF_8);
            }
        }
    }

    private static Experiment full() {
        Experiment e = new Experiment()
                .add("emigration", "KZ", 2310, 60, 1.2, true)
                .add("graduate_departures_total", "KZ", 3100, 80, 1.1, true)
                .add("returns", "KZ", 900, 40, 1.01, false)
                .add("students_abroad", "KZ", 52_000, 500, 0.98, false)
                .add("docquier_rapoport_share", "KZ", 0.081, 0.002, 1.05, true)
                .add("willingness_to_emigrate_share", "KZ", 0.31, 0.01, 1.0, false)
                .add("bolashak_first_job_abroad_share", "KZ", 0.12, 0.01, 2.0, true)
                .add("abroad_n_years_after_graduation_share_self-paid", "KZ", 0.45, 0.02, 1.02, false)
                .add("abroad_n_years_after_graduation_share_state-grant", "KZ", 0.2, 0.02, 1.1, false)
                .add("abroad_n_years_after_graduation_share_bolashak", "KZ", 0.12, 0.01, 2.0, true)
                .add("first_job_abroad_share_self-paid", "KZ", 0.55, 0.02, 1.02, false)
                .add("first_job_abroad_share_state-grant", "KZ", 0.25, 0.02, 1.1, false)
                .add("first_job_abroad_share_bolashak", "KZ", 0.1, 0.01, 2.0, true)
                .add("fiscal_loss_kzt_bolashak", "KZ", 3.0e9, 1e8, 1.5, true)
                .add("mobility_fiscal_loss_kzt", "KZ", 2.4e9, 1e8, 1.3, true)
                .add("graduates_abroad", "KZ", 60_000, 800, 1.05, true);
        String[] regions = {"KZ-75", "KZ-71", "KZ-19", "KZ-47"};
        for (int i = 0; i < regions.length; i++) {
            e.add("retention_own_graduates", regions[i], 0.5 + 0.1 * i, 0.02, 0.97, false);
            e.add("graduate_net_gain", regions[i], 1000 * (i - 1.5), 100, 1.0, false);
        }
        String[] dests = {"RU", "TR", "US", "KR", "ROW"};
        double[] abroad = {30_000, 8_000, 6_000, 1_000, 15_000};
        for (int i = 0; i < dests.length; i++) {
            e.add("graduates_abroad", dests[i], abroad[i], 300, i == 0 ? 1.1 : 1.0, false);
        }
        return e;
    }

    private static List<String> imageSources(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = IMG.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The table row of a scenario within the group of an indicator. */
    private static String tableRow(String html, String indicator, String scenario) {
        // the visible text: without the layout's break hints (ReportLayout)
        String plain = html.replace("<wbr>", "").replaceAll("<span class=\"nw\">([^<]*)</span>", "$1");
        for (String group : plain.split("<tr class=\"group\">")) {
            if (group.contains("<code>" + indicator + "</code>")) {
                for (String row : group.split("<tr>")) {
                    if (row.startsWith("<td>" + scenario)) {
                        return row.substring(0, row.indexOf("</tr>"));
                    }
                }
            }
        }
        throw new AssertionError("no row for " + scenario + " / " + indicator);
    }

    private static void assertChartsValid(Path dir, String html) throws IOException {
        List<String> srcs = imageSources(html);
        Set<String> referenced = new TreeSet<>();
        for (String src : srcs) {
            assertTrue(src.startsWith("charts/"), src);
            Path png = dir.resolve(src);
            assertTrue(Files.isRegularFile(png), "referenced chart missing: " + src);
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, "not a readable PNG: " + src);
            assertEquals(900, img.getWidth(), src);
            assertEquals(500, img.getHeight(), src);
            referenced.add(png.getFileName().toString());
        }
        try (Stream<Path> files = Files.list(dir.resolve("charts"))) {
            Set<String> existing = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(existing, referenced, "every chart file is referenced by report.html and vice versa");
        }
    }

    @Test
    void fullExperimentWritesReportAndAllCharts(@TempDir Path dir) throws IOException {
        full().write(dir, true, true);
        ReportWriter.write(dir);

        Path report = dir.resolve("report.html");
        assertTrue(Files.isRegularFile(report));
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("bolashak-test"));
        assertTrue(html.contains(REF) && html.contains(ALT));
        assertTrue(html.contains("20 replications"), html);
        assertTrue(html.contains("base seed 7"));
        assertTrue(html.contains("scale 0.1"));
        assertTrue(html.contains("years 2024\u20132026"));
        assertTrue(html.contains("How to read"));
        assertTrue(html.contains("common random numbers"));

        // paired differences of the national key indicators first (first_job_abroad is not in this experiment)
        List<String> expected = new ArrayList<>();
        for (KeyIndicator k : KeyIndicator.values()) {
            if (k.national() && k != KeyIndicator.FIRST_JOB_ABROAD) {
                expected.add("charts/difference_" + k.indicator() + ".png");
            }
        }
        expected.addAll(List.of("charts/emigration.png", "charts/nonreturn_by_programme.png",
                "charts/regional_retention.png", "charts/destination_shares.png", "charts/fiscal_loss.png"));
        assertEquals(expected, imageSources(html));
        assertChartsValid(dir, html);

        // last year (2026): emigration 2310·1.1 = 2,541 ± 60; the alternative +20% → +508 with excludes_zero=true
        String refRow = tableRow(html, "emigration", REF);
        assertTrue(refRow.contains("2,541 [2,481; 2,601]"), refRow);
        String altRow = tableRow(html, "emigration", ALT);
        assertTrue(altRow.contains("<span class=\"sig\">\u2713</span>"), altRow);
        assertTrue(altRow.contains("<strong>+508"), altRow);
        // returns: excludes_zero=false → not marked
        String returnsRow = tableRow(html, "returns", ALT);
        assertFalse(returnsRow.contains("CI excludes 0"), returnsRow);
        // shares in %, differences in percentage points; KZT in billions
        assertTrue(tableRow(html, "abroad_n_years_after_graduation_share_bolashak", REF).contains("13.2% [12.2%; 14.2%]"),
                tableRow(html, "abroad_n_years_after_graduation_share_bolashak", REF));
        assertTrue(tableRow(html, "abroad_n_years_after_graduation_share_bolashak", ALT).contains(" pp"));
        assertTrue(tableRow(html, "mobility_fiscal_loss_kzt", REF).contains("bn KZT"),
                tableRow(html, "mobility_fiscal_loss_kzt", REF));
        // the graduates-abroad share with its Docquier-Rapoport band (8.1% x 1.05 = 8.5%: below 15%)
        assertTrue(tableRow(html, "docquier_rapoport_share", REF).contains("Docquier\u2013Rapoport band &lt; 15%"),
                tableRow(html, "docquier_rapoport_share", REF));
        // first_job_abroad was not produced: left out with a note, no crash
        assertFalse(html.contains("<code>first_job_abroad</code>"));
        assertTrue(html.contains("first_job_abroad"), "a note names the missing indicator");
    }

    @Test
    void sweepPointsAreLabelledWithTheirParameterValues(@TempDir Path dir) throws IOException {
        full().write(dir, true, true);
        Files.writeString(dir.resolve("design.csv"), "scenario,parameter,value\n"
                + "no-obligation,policy.bolashak.enforcement,0.25\n"
                + "no-obligation,policy.bolashak.breachCost,2\n", StandardCharsets.UTF_8);
        ReportWriter.write(dir);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("no-obligation (enforcement=0.25, breachCost=2)"), html);
        assertTrue(html.contains("Glossary"));
    }

    @Test
    void sameInputsGiveByteIdenticalHtml(@TempDir Path dir) throws IOException {
        full().write(dir, true, true);
        ReportWriter.write(dir);
        byte[] first = Files.readAllBytes(dir.resolve("report.html"));
        ReportWriter.write(dir);
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("report.html")));
    }

    @Test
    void missingIndicatorsAndFilesDoNotCrash(@TempDir Path dir) throws IOException {
        new Experiment().add("emigration", "KZ", 100, 5, 1.5, true).write(dir, false, false);
        // a stale chart from an earlier report must not survive or be referenced
        Files.createDirectories(dir.resolve("charts"));
        Files.writeString(dir.resolve("charts/fiscal_loss.png"), "stale");
        ReportWriter.write(dir);

        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertEquals(List.of("charts/emigration.png"), imageSources(html));
        assertChartsValid(dir, html);
        assertTrue(html.contains("Notes"));
        assertTrue(html.contains("manifest.json is missing"));
        assertTrue(html.contains("differences.csv is missing"));
        assertTrue(html.contains("regional_retention.png is left out"));
        assertTrue(html.contains(REF) && html.contains(ALT));
    }

    @Test
    void nonreturnFallsBackToBolashakShare(@TempDir Path dir) throws IOException {
        new Experiment().add("bolashak_first_job_abroad_share", "KZ", 0.2, 0.01, 1.5, true).write(dir, true, true);
        ReportWriter.write(dir);
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertEquals(List.of("charts/nonreturn_by_programme.png"), imageSources(html));
        assertChartsValid(dir, html);
        assertTrue(html.contains("false discovery rate"));
    }

    @Test
    void onlyHeadersGiveAReportWithoutCharts(@TempDir Path dir) throws IOException {
        new Experiment().write(dir, true, true);
        ReportWriter.write(dir);
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(imageSources(html).isEmpty());
        assertTrue(html.contains("bolashak-test"));
    }

    @Test
    void scenarioNamesAreEscaped(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("x");
        new Experiment().add("emigration", "KZ", 100, 5, 1.5, true).write(d, true, false);
        String summary = Files.readString(d.resolve("summary.csv")).replace(ALT, "a<b&c");
        Files.writeString(d.resolve("summary.csv"), summary);
        ReportWriter.write(d);
        String html = Files.readString(d.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("a&lt;b&amp;c"));
        assertFalse(html.contains("a<b&c"));
    }

    @Test
    void formats() {
        assertEquals("2,310 [2,250; 2,370]", Formats.interval("emigration", 2310, 2250, 2370, false));
        assertEquals("+60 [+20; +100]", Formats.interval("emigration", 60, 20, 100, true));
        // a difference whose interval excludes zero does not print a bound as 0.00
        assertEquals("\u22120.050 pp [\u22120.090; \u22120.004]",
                Formats.interval("retention_own_graduates", -0.0005, -0.0009, -0.00004, true));
        assertEquals("\u221212.0 [\u221230.0; +6.0]", Formats.interval("returns", -12, -30, 6, true));
        assertEquals("12.3% [11.8%; 12.9%]", Formats.interval("bolashak_first_job_abroad_share", 0.123, 0.118, 0.129, false));
        assertEquals("+1.5 pp [+0.5; +2.5]", Formats.interval("docquier_rapoport_share", 0.015, 0.005, 0.025, true));
        assertEquals("2.40 [2.30; 2.50] bn KZT", Formats.interval("mobility_fiscal_loss_kzt", 2.4e9, 2.3e9, 2.5e9, false));
        assertEquals("350 [340; 360] m KZT", Formats.interval("mobility_fiscal_loss_kzt", 3.5e8, 3.4e8, 3.6e8, false));
        assertEquals("n/a", Formats.interval("emigration", Double.NaN, Double.NaN, Double.NaN, false));
        assertEquals("1,234", Formats.interval("emigration", 1234, Double.NaN, Double.NaN, false));
        assertEquals("0", Formats.number(-0.2, 0, true));
        // a narrow interval gets more decimals rather than printing a bound equal to the mean
        assertEquals("9.87% [9.82%; 9.92%]", Formats.interval("docquier_rapoport_share", 0.0987, 0.0982, 0.0992, false));
    }

    /**
     * Where they go: redistribution.csv names every place of places.csv, by measure, with the
     * paired difference of the last year (2026): Russia's students 70,000·1.1 = 77,000 x (0.5 - 1)
     * = -38,500; Almaty's 100,000·1.1 x 0.2 = +22,000; a place with no recorded difference is
     * "n/a", never 0. The report's "Where they go" section lists the largest changes with names.
     */
    @Test
    void redistributionNamesEveryPlaceAndMarksMissingAsNa(@TempDir Path dir) throws IOException {
        new Experiment().add("emigration", "KZ", 2310, 60, 1.2, true)
                .add("students_abroad", "RU", 70000, 500, 0.5, true)
                .add("students_studying", "KZ-75", 100000, 500, 1.2, true)
                .write(dir, true, true);
        Files.writeString(dir.resolve("places.csv"), "id,name,type,country_group,lat,lon\nKZ,Kazakhstan,national,Kazakhstan,,\n"
                + "KZ-75,Almaty,city,Kazakhstan,43.2,76.9\nKZ-61,Turkistan Region,region,Kazakhstan,43.3,68.3\n"
                + "RU,Russia,destination,CIS,55.8,37.6\n");
        ReportWriter.write(dir);
        List<String> rows = Files.readAllLines(dir.resolve(Redistribution.FILE));
        assertEquals(Redistribution.HEADER, rows.get(0));
        assertEquals(1 + 3 * 3, rows.size(), "one row per place and measure: " + rows);
        assertTrue(rows.contains("no-obligation,baseline,2026,RU,Russia,destination,students,students_abroad,persons,-38500,"
                + "-51333.333333,-25666.666667,true,20"), String.join("\n", rows));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("no-obligation,baseline,2026,KZ-75,Almaty,city,students,students_studying,persons,22000,")),
                String.join("\n", rows));
        assertTrue(rows.contains("no-obligation,baseline,2026,KZ-61,Turkistan Region,region,graduates,graduates_living,persons,n/a,n/a,n/a,,0"),
                String.join("\n", rows));
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        String where = html.substring(html.indexOf("<h2>Where they go</h2>"));
        assertTrue(where.indexOf("Russia") > 0 && where.indexOf("Russia") < where.indexOf("Almaty"), "largest change first: " + where);
        assertTrue(where.contains("\u221238,500"), where);
        // the first screen: the scenario's answer box says where they go, largest change first
        String top = AnswerSection.whereTheyGo(ExperimentData.read(dir), Redistribution.rows(dir, ExperimentData.read(dir)),
                "no-obligation");
        assertTrue(top.startsWith("<p class=\"where\">Where they go, 2026"), top);
        assertTrue(top.contains("students Russia \u221238,500 [") && top.indexOf("Russia") < top.indexOf("Almaty +22,000"), top);
        assertTrue(imageSources(html).contains("charts/redistribution_no-obligation.png"), html);
        assertChartsValid(dir, html);
    }

    /**
     * Which regions lose most: the reference's regions sorted by the headline definition
     * (retention of own graduates, lowest first) with the other two definitions beside it;
     * Turkistan keeps 30% (x1.1 in 2026 = 33%), Almaty 80% (88%): Turkistan comes first.
     */
    @Test
    void regionsSectionSortsByRetentionLowestFirst(@TempDir Path dir) throws IOException {
        new Experiment().add("emigration", "KZ", 2310, 60, 1.2, true)
                .add("retention_own_graduates", "KZ-75", 0.8, 0.01, 1.0, false)
                .add("retention_own_graduates", "KZ-61", 0.3, 0.01, 1.0, false)
                .add("graduate_net_gain", "KZ-75", 30000, 500, 1.0, false)
                .write(dir, true, true);
        Files.writeString(dir.resolve("places.csv"), "id,name,type,country_group,lat,lon\nKZ,Kazakhstan,national,Kazakhstan,,\n"
                + "KZ-75,Almaty,city,Kazakhstan,43.2,76.9\nKZ-61,Turkistan Region,region,Kazakhstan,43.3,68.3\n");
        ReportWriter.write(dir);
        String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        String regions = html.substring(html.indexOf("<h2>Which regions lose most graduates</h2>"));
        regions = regions.substring(0, regions.indexOf("</table>"));
        assertTrue(regions.contains("Headline definition: <strong>retention of own graduates</strong>"), regions);
        assertTrue(regions.indexOf("Turkistan Region") < regions.indexOf("Almaty"), "lowest retention first: " + regions);
        assertTrue(regions.contains("33.0%") && regions.contains("88.0%"), regions);
        // Turkistan's net gain and both abroad shares are not recorded: n/a, never 0
        assertTrue(regions.contains("n/a") && !regions.contains(">0 ["), regions);
        // the first screen: one line on the region that loses most, above the answers
        int line = html.indexOf("Which regions lose most (");
        assertTrue(line > 0 && line < html.indexOf("<h2>Which regions lose most graduates</h2>"), html);
        String top = html.substring(line, html.indexOf("</p>", line));
        assertTrue(top.contains("Turkistan Region 33.0% [32.0%; 34.0%], Almaty 88.0%"), top);
        assertFalse(top.contains("net loss"), "Almaty gains and Turkistan's net gain is not recorded: no net loss named: " + top);
    }
}
