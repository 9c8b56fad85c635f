package kz.kosh.experiment;

import kz.kosh.output.Fmt;
import kz.kosh.output.Indicators;
import kz.kosh.sim.KoshSim;
import kz.kosh.sim.Stocks;
import kz.kosh.sim.YearCounters;
import kz.kosh.sim.YearObserver;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The indicators of one replication: values by recorded year and key ("indicator|place"),
 * keys in the order the indicators are computed. Also a {@link YearObserver} that fills itself
 * during a run, and a gzip CSV form for resuming experiments.
 */
public final class IndicatorTable implements YearObserver {
    private final List<Integer> years = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new LinkedHashMap<>();
    private final List<double[]> rows = new ArrayList<>();

    @Override
    public void observe(KoshSim sim, int year, YearCounters c, Stocks s, Stocks prev) {
        Map<String, Double> values = new LinkedHashMap<>();
        Indicators.compute(sim, c, s, prev, (indicator, place, value) -> values.put(indicator + "|" + place, value));
        put(year, values);
    }

    /** Adds one year's values. */
    void put(int year, Map<String, Double> values) {
        for (String k : values.keySet()) {
            keyIndex.computeIfAbsent(k, x -> keyIndex.size());
        }
        double[] row = new double[keyIndex.size()];
        java.util.Arrays.fill(row, Double.NaN);
        values.forEach((k, v) -> row[keyIndex.get(k)] = v);
        years.add(year);
        rows.add(row);
    }

    public List<Integer> years() {
        return years;
    }

    /** Keys "indicator|place" in computation order. */
    public List<String> keys() {
        return new ArrayList<>(keyIndex.keySet());
    }

    /** Value of a key in the y-th recorded year (NaN when absent). */
    public double value(int yearIndex, String key) {
        Integer k = keyIndex.get(key);
        double[] row = rows.get(yearIndex);
        return k == null || k >= row.length ? Double.NaN : row[k];
    }

    /** Writes the table as gzip CSV (year,indicator,place,value), atomically. */
    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(tmp)), StandardCharsets.UTF_8))) {
                w.write("year,indicator,place,value\n");
                List<String> keys = keys();
                for (int y = 0; y < years.size(); y++) {
                    for (String k : keys) {
                        int bar = k.indexOf('|');
                        w.write(years.get(y) + "," + k.substring(0, bar) + "," + k.substring(bar + 1) + ","
                                + Fmt.exact(value(y, k)) + "\n");
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads a table written by {@link #write}. */
    public static IndicatorTable read(Path file) {
        IndicatorTable t = new IndicatorTable();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            int year = Integer.MIN_VALUE;
            Map<String, Double> values = new LinkedHashMap<>();
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                int y = Integer.parseInt(f[0]);
                if (y != year && !values.isEmpty()) {
                    t.put(year, values);
                    values = new LinkedHashMap<>();
                }
                year = y;
                values.put(f[1] + "|" + f[2], f[3].equals("NA") ? Double.NaN : Double.parseDouble(f[3]));
            }
            if (!values.isEmpty()) {
                t.put(year, values);
            }
            return t;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read replication file " + file + ": " + e.getMessage(), e);
        }
    }
}
