package kz.kosh.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers of the experiment tests: short experiments on the shipped scenarios, CSV rows. */
final class ExperimentTests {
    /** The shipped scenario files, absolute (tests run in the project directory). */
    static final Path BASELINE = scenario("baseline");
    static final Path NO_OBLIGATION = scenario("no-bolashak-obligation");

    private ExperimentTests() {
    }

    static Path scenario(String name) {
        return Path.of("scenarios", name + ".yaml").toAbsolutePath().normalize();
    }

    static ExperimentSpec.Entry entry(String name, Path file) {
        return new ExperimentSpec.Entry(name, file, null);
    }

    /** A short experiment: 2015–2017 recorded after 4 spin-up years. */
    static ExperimentSpec shortSpec(String name, List<ExperimentSpec.Entry> entries, int replications, double scale) {
        return new ExperimentSpec(name, entries, 0, replications, 1, scale, 2015, 2017, 4);
    }

    static ExperimentRunner.Result run(ExperimentSpec spec, Path dir, int threads, boolean keepRuns, boolean overwrite) {
        return new ExperimentRunner(spec, dir, threads, keepRuns, overwrite, false).run();
    }

    /** Data rows of a CSV file (header dropped), split on commas. */
    static List<String[]> rows(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv);
            List<String[]> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                out.add(line.split(",", -1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String header(Path csv) {
        try {
            return Files.readAllLines(csv).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A numeric CSV field; "NA" is NaN. */
    static double num(String s) {
        return s.equals("NA") ? Double.NaN : Double.parseDouble(s);
    }
}
