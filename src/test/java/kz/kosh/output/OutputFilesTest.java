package kz.kosh.output;

import kz.kosh.scenario.ScenarioLoader;
import kz.kosh.sim.TestRuns;
import kz.kosh.world.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** indicators.csv units, places.csv, aggregated and gzip flows: what other tools read. */
class OutputFilesTest {
    @TempDir
    static Path shared;
    static ScenarioLoader.Loaded scenario;
    static Path full;
    static Path aggregated;

    @BeforeAll
    static void runTwice() {
        scenario = TestRuns.variant(shared, "outputs", TestRuns.SHORT_RUN, 5, 0.01);
        full = HeadlessRun.run(scenario, shared.resolve("full"), false, 1).directory();
        aggregated = HeadlessRun.run(scenario, shared.resolve("aggregated"), false, 1,
                new OutputOptions(true, true)).directory();
    }

    private static List<String> lines(Path f) throws IOException {
        if (f.toString().endsWith(".gz")) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
                    StandardCharsets.UTF_8))) {
                return r.lines().toList();
            }
        }
        return Files.readAllLines(f);
    }

    @Test
    void everyIndicatorHasItsUnit() throws IOException {
        List<String> rows = lines(full.resolve("indicators.csv"));
        assertEquals("year,indicator,place,value,unit", rows.get(0));
        Map<String, String> unit = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals(5, f.length, row);
            assertFalse(f[4].isEmpty() || f[4].equals("null"), "no unit: " + row);
            assertEquals(Indicators.unit(f[1]), f[4], row);
            String before = unit.put(f[1], f[4]);
            assertTrue(before == null || before.equals(f[4]), "one unit per indicator: " + row);
        }
        assertEquals("persons/year", unit.get("emigration"));
        assertEquals("persons", unit.get("students_abroad"));
        assertEquals("share", unit.get("docquier_rapoport_share"));
        assertEquals("share", unit.get("abroad_n_years_after_graduation_share_bolashak"));
        assertEquals("share", unit.get("retention_own_graduates"));
        assertEquals("KZT", unit.get("mobility_fiscal_loss_kzt"));
        assertEquals("thousand persons", unit.get("diaspora_thousands"));
        assertEquals("ratio", unit.get("emigration_per_intention"));
        // every share lies in [0, 1], or is NA (no graduates of this kind)
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            if (f[4].equals("share") && !f[3].equals("NA")) {
                double v = Double.parseDouble(f[3]);
                assertTrue(v >= 0 && v <= 1, row);
            }
        }
    }

    @Test
    void placesNameEveryCode() throws IOException {
        List<String> rows = lines(full.resolve("places.csv"));
        assertEquals("id,name,type,country_group,lat,lon", rows.get(0));
        World w = new World(scenario.scenario());
        assertEquals(w.placeCount() + 2, rows.size(), "header, KZ and every place");
        Map<String, String[]> byId = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals(6, f.length, row);
            byId.put(f[0], f);
        }
        assertEquals("national", byId.get("KZ")[2]);
        String[] astana = byId.get("KZ-71");
        assertEquals("Astana", astana[1]);
        assertEquals("city", astana[2]);
        assertEquals("Kazakhstan", astana[3]);
        assertEquals(51.17, Double.parseDouble(astana[4]), 1e-9);
        assertEquals(71.45, Double.parseDouble(astana[5]), 1e-9);
        assertEquals("region", byId.get("KZ-23")[2]);
        assertEquals("Atyrau Region", byId.get("KZ-23")[1]);
        String[] russia = byId.get("RU");
        assertEquals("Russia", russia[1]);
        assertEquals("destination", russia[2]);
        assertEquals("CIS", russia[3]);
        assertEquals(55.76, Double.parseDouble(russia[4]), 1e-9);
        // every code of flows.csv and indicators.csv is a place
        for (TestRuns.Flow f : TestRuns.flows(full)) {
            assertNotNull(byId.get(f.origin()), f.toString());
            assertNotNull(byId.get(f.destination()), f.toString());
        }
        for (String row : lines(full.resolve("indicators.csv")).subList(1, 10)) {
            assertNotNull(byId.get(row.split(",")[2]), row);
        }
    }

    @Test
    void aggregatedFlowsSumTheFullFlowsOverHomeRegions() throws IOException {
        List<String> names = new ArrayList<>();
        try (var s = Files.list(aggregated)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        assertTrue(names.containsAll(List.of("flows.csv.gz", "stocks.csv.gz", "indicators.csv.gz", "places.csv",
                "manifest.json")), names.toString());
        List<String> agg = lines(aggregated.resolve("flows.csv.gz"));
        assertEquals("year,origin,destination,kind,funding,count", agg.get(0));
        Map<String, Double> fromFull = new TreeMap<>();
        for (String row : lines(full.resolve("flows.csv")).subList(1, lines(full.resolve("flows.csv")).size())) {
            String[] f = row.split(",");
            fromFull.merge(String.join(",", f[0], f[1], f[2], f[3], f[4]), Double.parseDouble(f[6]), Double::sum);
        }
        Map<String, Double> fromAgg = new TreeMap<>();
        for (String row : agg.subList(1, agg.size())) {
            String[] f = row.split(",");
            assertEquals(6, f.length, row);
            assertEquals(null, fromAgg.put(String.join(",", f[0], f[1], f[2], f[3], f[4]), Double.parseDouble(f[5])),
                    "one row per year, origin, destination, kind, funding: " + row);
        }
        assertEquals(fromFull.keySet(), fromAgg.keySet());
        for (var e : fromFull.entrySet()) {
            assertEquals(e.getValue(), fromAgg.get(e.getKey()), 1e-6, e.getKey());
        }
        assertTrue(agg.size() < lines(full.resolve("flows.csv")).size());
        // the other tables are the same, only compressed
        assertEquals(lines(full.resolve("stocks.csv")), lines(aggregated.resolve("stocks.csv.gz")));
        assertEquals(lines(full.resolve("indicators.csv")), lines(aggregated.resolve("indicators.csv.gz")));
        assertEquals(lines(full.resolve("places.csv")), lines(aggregated.resolve("places.csv")));
    }
}
