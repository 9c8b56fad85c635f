package kz.kosh.policy;

import kz.kosh.scenario.Fields;
import kz.kosh.scenario.Param;
import kz.kosh.world.World;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * A regional economic shock, e.g. an oil-price fall in the western oil regions: in the listed
 * regions the real wage is multiplied by {@code wageFactor} and {@code unemploymentChangePercentagePoints}
 * are added to the unemployment rate u, clamped to [0, 0.95] (employment probability 1 − u).
 * Acts on the world of each year when it is built, after the yearly series; timed by a
 * {@code timeline} entry. A factor or change without regions would act on nothing and is refused.
 *
 * @param regions                            region ids hit by the shock
 * @param wageFactor                         multiplier of the regions' real wages (1 = none)
 * @param unemploymentChangePercentagePoints percentage points added to the regions' unemployment rate
 */
public record RegionalShocks(List<String> regions, double wageFactor, double unemploymentChangePercentagePoints)
        implements PolicyModule {

    public static final String SECTION = "regionalShocks";
    /** Highest unemployment rate a shock can reach. */
    public static final double MAX_UNEMPLOYMENT_RATE = 0.95;
    public static final Param REGIONS = Param.other(SECTION, "regions", "region ids (ISO 3166-2:KZ)", "shocked regions",
            "scenario choice; for an oil shock: docs/evidence.md, oil regions Atyrau (KZ-23) and Mangystau (KZ-47) pay the "
                    + "highest wages [AI25]; an oil-price fall would hit Atyrau, Mangystau, West Kazakhstan (KZ-27) and "
                    + "Aktobe (KZ-15) (issue \"Policies as modules\")");
    public static final Param WAGE_FACTOR = Param.of(SECTION, "wageFactor", 0.1, 5, "factor of real wages",
            "shock wage factor", "scenario choice (magnitude of the shock); 1 = no shock");
    public static final Param UNEMPLOYMENT_POINTS = Param.of(SECTION, "unemploymentChangePercentagePoints", -100, 100,
            "percentage points (rate clamped to [0, 95%])", "shock unemployment change (points)",
            "scenario choice (magnitude of the shock); 0 = no shock");
    public static final List<Param> PARAMS = List.of(REGIONS, WAGE_FACTOR, UNEMPLOYMENT_POINTS);
    /** The plug-in: section, parameters, reader ({@link Programmes}). */
    public static final Programme PROGRAMME = Programme.of(SECTION, PARAMS, (f, c) -> read(f, c.regionIds()));

    public static RegionalShocks read(Fields f, List<String> regionIds) {
        RegionalShocks r = new RegionalShocks(List.copyOf(f.ids(REGIONS.name(), new LinkedHashSet<>(regionIds))),
                WAGE_FACTOR.number(f), UNEMPLOYMENT_POINTS.number(f));
        if (r.regions.isEmpty()) {
            if (r.wageFactor != 1.0) {
                f.problems().add(f.path() + "." + WAGE_FACTOR.name(), "acts only on listed regions, and regions is empty");
            }
            if (r.unemploymentChangePercentagePoints != 0.0) {
                f.problems().add(f.path() + "." + UNEMPLOYMENT_POINTS.name(), "acts only on listed regions, and regions is empty");
            }
        }
        return r;
    }

    @Override
    public boolean enabled() {
        return !regions.isEmpty() && (wageFactor != 1.0 || unemploymentChangePercentagePoints != 0.0);
    }

    @Override
    public void adjustWorld(World.Editor e) {
        if (!enabled()) {
            return;
        }
        e.forRegions(regions, r -> {
            if (wageFactor != 1.0) {
                e.multiplyWage(r, wageFactor);
            }
            if (unemploymentChangePercentagePoints != 0.0) {
                e.addUnemploymentPoints(r, unemploymentChangePercentagePoints, MAX_UNEMPLOYMENT_RATE);
            }
        });
    }
}
