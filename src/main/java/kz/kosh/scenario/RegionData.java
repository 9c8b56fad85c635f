package kz.kosh.scenario;

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
    static RegionData read(Fields f, String id) {
        String name = f.text("name");
        String type = f.text("type");
        if (!type.equals("region") && !type.equals("city")) {
            f.problems().add(f.path() + ".type", "expected 'region' or 'city', found '" + type + "'");
        }
        return new RegionData(id, name, type.equals("city"),
                f.num("centreLat", 35, 60),
                f.num("centreLon", 45, 90),
                f.num("population", 1, 1e8),
                f.num("avgWageKztPerMonth", 1, 1e8),
                f.num("unemploymentRatePct", 0, 100),
                f.num("costOfLivingIndex", 0.1, 10),
                f.num("universities", 0, 1000),
                f.bool("bordersRussia"),
                f.num("careerIndex", 0, 1),
                f.num("ecologyIndex", 0, 1));
    }
}
