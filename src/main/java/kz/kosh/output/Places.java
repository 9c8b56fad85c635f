package kz.kosh.output;

import kz.kosh.scenario.DestinationData;
import kz.kosh.scenario.Scenario;
import kz.kosh.world.World;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * places.csv of a run folder: every place code used by flows.csv, stocks.csv and indicators.csv
 * with its name, type (region, city, destination, or national for the total "KZ"), country group
 * (Kazakhstan for regions and cities, the destination group otherwise) and the coordinates the
 * map uses (region centre, or the destination's representative city).
 */
public final class Places {
    public static final String FILE = "places.csv";
    public static final String HEADER = "id,name,type,country_group,lat,lon";

    private Places() {
    }

    /** The CSV text of the places of a world. */
    public static String csv(World w, Scenario s) {
        StringBuilder sb = new StringBuilder(2048).append(HEADER).append('\n');
        sb.append(Indicators.NATIONAL).append(",Kazakhstan,national,Kazakhstan,,\n");
        for (int p = 0; p < w.placeCount(); p++) {
            String type;
            String group;
            if (w.isAbroad(p)) {
                type = "destination";
                DestinationData d = s.destinations().get(w.id(p));
                group = d == null ? "" : d.group();
            } else {
                type = w.isCity(p) ? "city" : "region";
                group = "Kazakhstan";
            }
            sb.append(w.id(p)).append(',').append(quote(w.name(p))).append(',').append(type).append(',')
                    .append(quote(group)).append(',').append(Fmt.number(w.lat(p))).append(',')
                    .append(Fmt.number(w.lon(p))).append('\n');
        }
        return sb.toString();
    }

    /** Writes places.csv into {@code dir}. */
    public static void write(Path dir, World w, Scenario s) {
        Path f = dir.resolve(FILE);
        try {
            Files.writeString(f, csv(w, s), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }

    private static String quote(String v) {
        if (v.contains(",") || v.contains("\"")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
