package kz.kosh.policy;

import kz.kosh.scenario.SectionReader;

import java.util.List;

/**
 * The one registry of the built-in programmes and levers, in YAML order (the order of their
 * table terms and world changes). Found by the scenario loader through
 * {@code META-INF/services/kz.kosh.scenario.SectionReader$Catalogue} (and by the indicator registry
 * through {@code kz.kosh.indicator.IndicatorRegistry$Source}); a programme outside this list is added
 * with {@link Programme#register}.
 */
public final class Programmes implements SectionReader.Catalogue, kz.kosh.indicator.IndicatorRegistry.Source {

    /** The built-in programmes. */
    public static final List<SectionReader> ALL = List.of(Bolashak.PROGRAMME, StateGrant.PROGRAMME,
            AcademicMobility.PROGRAMME, RuralIncentive.PROGRAMME, Relocation.PROGRAMME, VisaRoutes.PROGRAMME,
            RegionalShocks.PROGRAMME, RegionalDevelopment.PROGRAMME, ReturnSupport.PROGRAMME);

    @Override
    public List<SectionReader> sections() {
        return ALL;
    }

    /** The built-in programmes' indicators, in registry order. */
    @Override
    public List<kz.kosh.indicator.Indicator> indicators() {
        List<kz.kosh.indicator.Indicator> all = new java.util.ArrayList<>();
        for (SectionReader r : ALL) {
            all.addAll(((Programme) r).indicators());
        }
        return all;
    }
}
