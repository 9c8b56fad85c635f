package kz.kosh.sim;

import kz.kosh.scenario.ScenarioLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Shared helpers of the simulation, output and CLI tests: scenario variants and flows.csv rows. */
public final class TestRuns {
    /** The baseline scenario file, absolute (tests run in the project directory). */
    public static final Path BASELINE = Path.of("scenarios/baseline.yaml").toAbsolutePath().normalize();

    /** A short run: 2015–2020 recorded after 5 spin-up years. */
    public static final String SHORT_RUN = "run: {startYear: 2015, endYear: 2020, spinUpYears: 5}\n";

    private TestRuns() {
    }

    /** The run block of a scenario file. */
    public static String run(int startYear, int endYear, int spinUpYears) {
        return "run: {startYear: " + startYear + ", endYear: " + endYear + ", spinUpYears: " + spinUpYears + "}\n";
    }

    /**
     * Writes {@code <dir>/<name>.yaml} extending the baseline with the given YAML body and loads
     * it with the given seed and scale.
     */
    public static ScenarioLoader.Loaded variant(Path dir, String name, String body, long seed, double scale) {
        return ScenarioLoader.load(writeVariant(dir, name, BASELINE, body)).withRun(seed, scale);
    }

    /** Writes {@code <dir>/<name>.yaml} extending {@code parent} with the given YAML body. */
    public static Path writeVariant(Path dir, String name, Path parent, String body) {
        Path f = dir.resolve(name + ".yaml");
        try {
            Files.writeString(f, "extends: '" + parent.toAbsolutePath().normalize() + "'\nname: " + name + "\n" + body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** One row of flows.csv. */
    public record Flow(int year, String origin, String destination, String kind, String funding, String home,
                       double count) {
    }

    /** All rows of a run directory's flows.csv. */
    public static List<Flow> flows(Path runDir) {
        try {
            List<String> lines = Files.readAllLines(runDir.resolve("flows.csv"));
            List<Flow> out = new ArrayList<>(lines.size());
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", -1);
                if (f.length != 7) {
                    throw new IllegalStateException("flows.csv row with " + f.length + " fields: " + line);
                }
                out.add(new Flow(Integer.parseInt(f[0]), f[1], f[2], f[3], f[4], f[5], Double.parseDouble(f[6])));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Σ count over the flows matching {@code p}. */
    public static double sum(List<Flow> flows, Predicate<Flow> p) {
        double s = 0;
        for (Flow f : flows) {
            if (p.test(f)) {
                s += f.count();
            }
        }
        return s;
    }
}
