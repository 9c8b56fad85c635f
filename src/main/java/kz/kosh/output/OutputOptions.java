package kz.kosh.output;

/**
 * How a headless run writes its tables.
 *
 * @param aggregatedFlows flows.csv without the home-region dimension (year, origin, destination,
 *                        kind, funding, count: the sum over home regions), far fewer rows
 * @param gzip            write flows.csv.gz, stocks.csv.gz and indicators.csv.gz instead of
 *                        plain CSV (places.csv and manifest.json stay plain)
 */
public record OutputOptions(boolean aggregatedFlows, boolean gzip) {
    /** Full flows, plain CSV: the default. */
    public static final OutputOptions DEFAULT = new OutputOptions(false, false);

    /** File name of a table ("flows" → flows.csv or flows.csv.gz). */
    public String file(String table) {
        return table + (gzip ? ".csv.gz" : ".csv");
    }
}
