package kz.kosh.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in region and destination tables ({@code kz/kosh/data/regions.csv} and
 * {@code destinations.csv}), turned into scenario trees keyed by id so that scenario files can
 * override single fields.
 */
final class DefaultTables {
    private static final Set<String> TEXT_COLUMNS = Set.of("name", "type", "group", "repCity", "wageBasis");
    private static final Set<String> BOOLEAN_COLUMNS = Set.of();
    private static final ObjectNode REGIONS = read("/kz/kosh/data/regions.csv");
    private static final ObjectNode DESTINATIONS = read("/kz/kosh/data/destinations.csv");

    private DefaultTables() {
    }

    static ObjectNode regionsTree() {
        return REGIONS.deepCopy();
    }

    static ObjectNode destinationsTree() {
        return DESTINATIONS.deepCopy();
    }

    /**
     * A number of the built-in destination table (destinations.csv), e.g. its safetyIndex; NaN when the
     * table has no such destination or column.
     */
    static double destinationNumber(String id, String column) {
        JsonNode row = DESTINATIONS.get(id);
        JsonNode v = row == null ? null : row.get(column);
        return v == null || !v.isNumber() ? Double.NaN : v.doubleValue();
    }

    static List<String> regionIds() {
        return ids(REGIONS);
    }

    static List<String> destinationIds() {
        return ids(DESTINATIONS);
    }

    /** The destination groups of the built-in table (CIS, Europe, ...), in order of first appearance. */
    static List<String> destinationGroups() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        DESTINATIONS.elements().forEachRemaining(r -> out.add(r.get("group").textValue()));
        return List.copyOf(out);
    }

    private static List<String> ids(ObjectNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return List.copyOf(out);
    }

    private static ObjectNode read(String resource) {
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        try (InputStream in = DefaultTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in table " + resource);
            }
            MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema).readValues(in);
            int line = 1;
            while (rows.hasNext()) {
                line++;
                Map<String, String> row = rows.next();
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                for (Map.Entry<String, String> e : row.entrySet()) {
                    if (e.getKey().equals("id")) {
                        continue;
                    }
                    o.set(e.getKey(), cell(resource, line, e.getKey(), e.getValue()));
                }
                out.set(row.get("id"), o);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in table " + resource, e);
        }
        return out;
    }

    private static JsonNode cell(String resource, int line, String column, String value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (TEXT_COLUMNS.contains(column)) {
            return f.textNode(value);
        }
        if (BOOLEAN_COLUMNS.contains(column)) {
            return f.booleanNode(Boolean.parseBoolean(value));
        }
        try {
            return f.numberNode(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(resource + " line " + line + " column " + column + ": not a number: " + value);
        }
    }
}
