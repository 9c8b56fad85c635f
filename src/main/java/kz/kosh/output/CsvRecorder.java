package kz.kosh.output;

import kz.kosh.population.Population;
import kz.kosh.sim.FlowKind;
import kz.kosh.sim.KoshSim;
import kz.kosh.sim.Stocks;
import kz.kosh.sim.YearCounters;
import kz.kosh.sim.YearObserver;
import kz.kosh.world.World;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the tidy yearly outputs of a run, one row per year × place × measure:
 * flows.csv (year, origin, destination, kind, funding, home_region, count), stocks.csv (year,
 * home_region, location, status, count) and indicators.csv (year, indicator, place, value, unit; the unit
 * from {@link Indicators#unit}).
 * Counts are persons (agents / scale). Also keeps the national indicators for the summary.
 */
public final class CsvRecorder implements YearObserver, AutoCloseable {
    private final BufferedWriter flows;
    private final BufferedWriter stocks;
    private final BufferedWriter indicators;
    private final Map<Integer, Map<String, Double>> national = new TreeMap<>();
    private final Map<Integer, Map<String, Double>> byPlace = new TreeMap<>();

    private final boolean aggregatedFlows;

    public CsvRecorder(Path dir) {
        this(dir, OutputOptions.DEFAULT);
    }

    /** Writes the tables as {@code options} say (aggregated flows, gzip). */
    public CsvRecorder(Path dir, OutputOptions options) {
        aggregatedFlows = options.aggregatedFlows();
        try {
            flows = open(dir.resolve(options.file("flows")), aggregatedFlows
                    ? "year,origin,destination,kind,funding,count"
                    : "year,origin,destination,kind,funding,home_region,count", options.gzip());
            stocks = open(dir.resolve(options.file("stocks")), "year,home_region,location,status,count", options.gzip());
            indicators = open(dir.resolve(options.file("indicators")), "year,indicator,place,value,unit", options.gzip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create outputs in " + dir, e);
        }
    }

    private static BufferedWriter open(Path p, String header, boolean gzip) throws IOException {
        BufferedWriter w = gzip
                ? new BufferedWriter(new java.io.OutputStreamWriter(
                        new java.util.zip.GZIPOutputStream(Files.newOutputStream(p), 1 << 16), StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(p, StandardCharsets.UTF_8);
        w.write(header);
        w.write('\n');
        return w;
    }

    @Override
    public void observe(KoshSim sim, int year, YearCounters c, Stocks s, Stocks prev) {
        World w = sim.world();
        double k = 1.0 / sim.scenario().run().scale();
        String y = Integer.toString(year);
        try {
            StringBuilder line = new StringBuilder(96);
            for (FlowKind kind : FlowKind.values()) {
                for (int f = 0; f < YearCounters.FUNDINGS; f++) {
                    for (int o = 0; o < w.placeCount(); o++) {
                        for (int d = 0; d < w.placeCount(); d++) {
                            if (aggregatedFlows) {
                                long sum = 0;
                                for (int h = 0; h < w.regionCount(); h++) {
                                    sum += c.flow(kind.ordinal(), f, h, o, d);
                                }
                                if (sum != 0) {
                                    line.setLength(0);
                                    line.append(y).append(',').append(w.id(o)).append(',').append(w.id(d)).append(',')
                                            .append(kind.label()).append(',').append(Population.FUNDING_NAMES[f]).append(',')
                                            .append(Fmt.number(sum * k)).append('\n');
                                    flows.append(line);
                                }
                                continue;
                            }
                            for (int h = 0; h < w.regionCount(); h++) {
                                int n = c.flow(kind.ordinal(), f, h, o, d);
                                if (n == 0) {
                                    continue;
                                }
                                line.setLength(0);
                                line.append(y).append(',').append(w.id(o)).append(',').append(w.id(d)).append(',')
                                        .append(kind.label()).append(',').append(Population.FUNDING_NAMES[f]).append(',')
                                        .append(w.id(h)).append(',').append(Fmt.number(n * k)).append('\n');
                                flows.append(line);
                            }
                        }
                    }
                }
            }
            for (int h = 0; h < w.regionCount(); h++) {
                for (int p = 0; p < w.placeCount(); p++) {
                    for (int status = 0; status < 2; status++) {
                        long n = s.count(status, h, p);
                        if (n == 0) {
                            continue;
                        }
                        stocks.append(y).append(',').append(w.id(h)).append(',').append(w.id(p)).append(',')
                                .append(Stocks.STATUS_NAMES[status]).append(',').append(Fmt.number(n * k)).append('\n');
                    }
                }
            }
            Map<String, Double> nat = new LinkedHashMap<>();
            Map<String, Double> places = new LinkedHashMap<>();
            Indicators.compute(sim, c, s, prev, (ind, place, value) -> {
                        try {
                            indicators.append(y).append(',').append(ind).append(',').append(place).append(',')
                                    .append(Fmt.number(value)).append(',')
                                    .append(Indicators.unit(ind)).append('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        if (place.equals(Indicators.NATIONAL)) {
                            nat.put(ind, value);
                        } else {
                            places.put(ind + "@" + place, value);
                        }
                    });
            national.put(year, nat);
            byPlace.put(year, places);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write outputs", e);
        }
    }

    /** National indicators by year. */
    public Map<Integer, Map<String, Double>> national() {
        return national;
    }

    /** Place indicators by year, keyed "indicator@place". */
    public Map<Integer, Map<String, Double>> byPlace() {
        return byPlace;
    }

    @Override
    public void close() {
        try {
            flows.close();
            stocks.close();
            indicators.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
