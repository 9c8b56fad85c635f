package kz.kosh.policy;

import kz.kosh.scenario.Fields;
import kz.kosh.scenario.Param;
import kz.kosh.world.World;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Regional development programmes (State Programme for Regional Development 2020-2025,
 * "Auyl - El Besigi" rural development [AI25]): in the listed regions the indices the location
 * utility weighs (living standard, career opportunities, ecology; 0..1) change by the given
 * amounts, clamped to [0, 1]. Acts on the world of each year when it is built; timed by a
 * {@code timeline} entry. A change without regions would act on nothing and is refused.
 *
 * @param regions                    region ids the programme reaches
 * @param livingStandardIndexChange  added to the regions' living-standard index
 * @param careerIndexChange          added to the regions' career-opportunity index
 * @param ecologyIndexChange         added to the regions' ecology index
 */
public record RegionalDevelopment(List<String> regions, double livingStandardIndexChange, double careerIndexChange,
                                  double ecologyIndexChange) implements PolicyModule {

    public static final String SECTION = "regionalDevelopment";
    public static final Param REGIONS = Param.other(SECTION, "regions", "region ids (ISO 3166-2:KZ)",
            "development regions", "[AI25]: State Programme for Regional Development 2020-2025 and \"Auyl - El Besigi\" "
                    + "rural development; which regions, and how much the indices move, are scenario choices");
    public static final Param LIVING_STANDARD = Param.of(SECTION, "livingStandardIndexChange", -1, 1,
            "index points (0..1 scale; result clamped to [0, 1])", "living-standard index change",
            "scenario choice (the programmes' effect on living standards was not quantified in the sources [AI25]); 0 = none");
    public static final Param CAREER = Param.of(SECTION, "careerIndexChange", -1, 1,
            "index points (0..1 scale; result clamped to [0, 1])", "career index change",
            "scenario choice (e.g. new jobs from regional investment, [AI25]); 0 = none");
    public static final Param ECOLOGY = Param.of(SECTION, "ecologyIndexChange", -1, 1,
            "index points (0..1 scale; result clamped to [0, 1])", "ecology index change",
            "scenario choice (environmental improvement under the programmes, [AI25]); 0 = none");
    public static final List<Param> PARAMS = List.of(REGIONS, LIVING_STANDARD, CAREER, ECOLOGY);
    /** The plug-in: section, parameters, reader ({@link Programmes}). */
    public static final Programme PROGRAMME = Programme.of(SECTION, PARAMS, (f, c) -> read(f, c.regionIds()));

    public static RegionalDevelopment read(Fields f, List<String> regionIds) {
        RegionalDevelopment d = new RegionalDevelopment(List.copyOf(f.ids(REGIONS.name(), new LinkedHashSet<>(regionIds))),
                LIVING_STANDARD.number(f), CAREER.number(f), ECOLOGY.number(f));
        if (d.regions.isEmpty()) {
            for (Param p : List.of(LIVING_STANDARD, CAREER, ECOLOGY)) {
                double v = p == LIVING_STANDARD ? d.livingStandardIndexChange : p == CAREER ? d.careerIndexChange
                        : d.ecologyIndexChange;
                if (v != 0.0) {
                    f.problems().add(f.path() + "." + p.name(), "acts only on listed regions, and regions is empty");
                }
            }
        }
        return d;
    }

    @Override
    public boolean enabled() {
        return !regions.isEmpty() && (livingStandardIndexChange != 0 || careerIndexChange != 0 || ecologyIndexChange != 0);
    }

    @Override
    public void adjustWorld(World.Editor e) {
        if (!enabled()) {
            return;
        }
        e.forRegions(regions, r -> {
            if (livingStandardIndexChange != 0) {
                e.addLivingStandardIndex(r, livingStandardIndexChange);
            }
            if (careerIndexChange != 0) {
                e.addCareerIndex(r, careerIndexChange);
            }
            if (ecologyIndexChange != 0) {
                e.addEcologyIndex(r, ecologyIndexChange);
            }
        });
    }
}
