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
 * @param kazakhSharePct       ethnic Kazakhs, percent of residents
 * @param russianSharePct      ethnic Russians, percent of residents
 * @param germanSharePct       ethnic Germans, percent of residents (the rest are "other")
 * @param careerIndex          graduate career opportunities, 0..1
 * @param ecologyIndex         environmental quality, 0..1 (1 = clean)
 */
public record RegionData(String id, String name, boolean city, double centreLat, double centreLon,
                         double population, double avgWageKztPerMonth, double unemploymentRatePct,
                         double costOfLivingIndex, double universities, double kazakhSharePct,
                         double russianSharePct, double germanSharePct,
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
    private static final String ETHNIC_SOURCE = "of kz/kosh/data/regions.csv: the region's ethnic composition, from the "
            + "2021 census or the nearest estimate found, a parent region before the 2022 split or the national 2021 "
            + "shares where none was found; source per region in docs/data-sources.md section 1.3 and "
            + "kz/kosh/data/series/ethnicity_language.csv";
    public static final Param KAZAKH_SHARE_PCT = Param.num(G, "kazakhSharePct", 0, 100, "percent of residents",
            "column kazakhSharePct " + ETHNIC_SOURCE);
    public static final Param RUSSIAN_SHARE_PCT = Param.num(G, "russianSharePct", 0, 100, "percent of residents",
            "column russianSharePct " + ETHNIC_SOURCE);
    public static final Param GERMAN_SHARE_PCT = Param.num(G, "germanSharePct", 0, 100, "percent of residents",
            "column germanSharePct " + ETHNIC_SOURCE);
    public static final Param CAREER_INDEX = Param.num(G, "careerIndex", 0, 1, "index 0..1",
            "column careerIndex of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    public static final Param ECOLOGY_INDEX = Param.num(G, "ecologyIndex", 0, 1, "index 0..1 (1 = clean)",
            "column ecologyIndex of kz/kosh/data/regions.csv; sources per column in docs/data-sources.md");
    /** Every parameter of the group, in reading order (docs/parameters.md, the GUI, calibrations). */
    public static final List<Param> PARAMS = List.of(NAME, TYPE, CENTRE_LAT, CENTRE_LON, POPULATION, AVG_WAGE_KZT_PER_MONTH, UNEMPLOYMENT_RATE_PCT, COST_OF_LIVING_INDEX, UNIVERSITIES, KAZAKH_SHARE_PCT, RUSSIAN_SHARE_PCT, GERMAN_SHARE_PCT, CAREER_INDEX, ECOLOGY_INDEX);

    static RegionData read(Fields f, String id) {
        String name = NAME.text(f);
        String type = TYPE.text(f);
        if (!type.equals("region") && !type.equals("city")) {
            f.problems().add(f.path() + ".type", "expected 'region' or 'city', found '" + type + "'");
        }
        double kazakh = KAZAKH_SHARE_PCT.number(f);
        double russian = RUSSIAN_SHARE_PCT.number(f);
        double german = GERMAN_SHARE_PCT.number(f);
        if (kazakh + russian + german > 100.0 + 1e-9) {
            f.problems().add(f.path() + ".kazakhSharePct", "kazakhSharePct + russianSharePct + germanSharePct must be at most 100, found "
                    + (kazakh + russian + german));
        }
        return new RegionData(id, name, type.equals("city"),
                CENTRE_LAT.number(f),
                CENTRE_LON.number(f),
                POPULATION.number(f),
                AVG_WAGE_KZT_PER_MONTH.number(f),
                UNEMPLOYMENT_RATE_PCT.number(f),
                COST_OF_LIVING_INDEX.number(f),
                UNIVERSITIES.number(f),
                kazakh, russian, german,
                CAREER_INDEX.number(f),
                ECOLOGY_INDEX.number(f));
    }
}
