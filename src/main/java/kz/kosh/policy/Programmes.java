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

    /**
     * The built-in programmes' statuses in one fixed order, found through
     * {@code META-INF/services/kz.kosh.scenario.Statuses$Catalogue}: the status dimension of the choice
     * tables keeps this layout (index = position + 1; 0 is none). Each programme finds its own
     * indices by name ({@link kz.kosh.scenario.Statuses#index}). A nested class, so that listing the
     * statuses loads no programme.
     */
    public static final class StatusOrder implements kz.kosh.scenario.Statuses.Catalogue {
        @Override
        public List<String> statuses() {
            return List.of(Bolashak.STATUS_MASTER, Bolashak.STATUS_PHD, StateGrant.STATUS_WORK_OFF,
                    AcademicMobility.STATUS_RETURN, RuralIncentive.STATUS_COMMITMENT, ReturnSupport.STATUS_RESEARCHER,
                    Bolashak.STATUS_MASTER_TUITION_ONLY, Bolashak.STATUS_PHD_TUITION_ONLY);
        }
    }

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
