package kz.kosh.scenario;

import java.util.List;

/**
 * One of Kazakhstan's 20 first-level units (2022 borders). Defaults come from
 * {@code kz/kosh/data/regions.csv}; sources per column are in docs/data-sources.md.
 *
 * @param id                   ISO 3166-2 code, e.g. KZ-75
 * @param name                 English name
 * @param city                 true for the cities of republican significance (Astana, Almaty, Shymkent)
 * @param centreLat            latitude of the administrative centre, degrees
 * @param centreLon            longitude of the administrative centre, degrees
 * @param population           residents on 1 January 2023, persons
 * @param avgWageKztPerMonth   average monthly nominal wage, KZT
 * @param unemploymentRatePct  unemployment rate, percent
 * @param costOfLivingIndex    cost of living relative to the national average (1.0)
 * @param universities         higher-education institutions
 * @param bordersRussia        whether the region borders Russia
 * @param careerIndex          graduate career opportunities, 0..1
 * @param ecologyIndex         environmental quality, 0..1 (1 = clean)
 */
public record RegionData(String id, String name, boolean city, double centreLat, double centreLon,
                         double population, double avgWageKztPerMonth, double unemploymentRatePct,
                         double costOfLivingIndex, double universities, boolean bordersRussia,
                         double careerIndex, double ecologyIndex) {

    /** The group's YAML path. */
    static final String G = "regions.<id>";
    public static final Param NAME = Param.text(G, "name", "text (English name)",
            "column name of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    public static final Param TYPE = Param.text(G, "type", "'region' or 'city' (a city of republican significance)",
            "column type of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    public static final Param CENTRE_LAT = Param.num(G, "centreLat", 35, 60, "degrees of latitude",
            "column centreLat of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    public static final Param CENTRE_LON = Param.num(G, "centreLon", 45, 90, "degrees of longitude",
            "column centreLon of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    public static final Param POPULATION = Param.num(G, "population", 1, 1e8, "persons (1 January 2023)",
            "column population of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    public static final Param AVG_WAGE_KZT_PER_MONTH = Param.num(G, "avgWageKztPerMonth", 1, 1e8, "KZT per month (average nominal wage)",
            "column avgWageKztPerMonth of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    public static final Param UNEMPLOYMENT_RATE_PCT = Param.num(G, "unemploymentRatePct", 0, 100, "percent",
            "column unemploymentRatePct of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    public static final Param COST_OF_LIVING_INDEX = Param.num(G, "costOfLivingIndex", 0.1, 10, "index (national average = 1.0)",
            "column costOfLivingIndex of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    public static final Param UNIVERSITIES = Param.num(G, "universities", 0, 1000, "higher-education institutions",
            "column universities of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    public static final Param BORDERS_RUSSIA = Param.flag(G, "bordersRussia", "switch",
            "column bordersRussia of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    public static final Param CAREER_INDEX = Param.num(G, "careerIndex", 0, 1, "index 0..1",
            "column careerIndex of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    public static final Param ECOLOGY_INDEX = Param.num(G, "ecologyIndex", 0, 1, "index 0..1 (1 = clean)",
            "column ecologyIndex of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    /** Every parameter of the group, in reading order (docs/parameters.md, the GUI, calibrations). */
    public static final List<Param> PARAMS = List.of(NAME, TYPE, CENTRE_LAT, CENTRE_LON, POPULATION, AVG_WAGE_KZT_PER_MONTH, UNEMPLOYMENT_RATE_PCT, COST_OF_LIVING_INDEX, UNIVERSITIES, BORDERS_RUSSIA, CAREER_INDEX, ECOLOGY_INDEX);

    static RegionData read(Fields f, String id) {
        String name = NAME.text(f);
        String type = TYPE.text(f);
        if (!type.equals("region") && !type.equals("city")) {
            f.problems().add(f.path() + ".type", "expected 'region' or 'city', found '" + type + "'");
        }
        return new RegionData(id, name, type.equals("city"),
                CENTRE_LAT.number(f),
                CENTRE_LON.number(f),
                POPULATION.number(f),
                AVG_WAGE_KZT_PER_MONTH.number(f),
                UNEMPLOYMENT_RATE_PCT.number(f),
                COST_OF_LIVING_INDEX.number(f),
                UNIVERSITIES.number(f),
                BORDERS_RUSSIA.bool(f),
                CAREER_INDEX.number(f),
                ECOLOGY_INDEX.number(f));
    }
}
