package kz.kosh.policy;

import kz.kosh.scenario.SectionReader;

import java.util.List;

/**
 * The one registry of the built-in programmes and levers, in YAML order (the order of their
 * table terms and world changes). Found by the scenario loader through
 * {@code META-INF/services/kz.kosh.scenario.SectionReader$Catalogue}; a programme outside this
 * list is added with {@link kz.kosh.scenario.SectionReaders#register}.
 */
public final class Programmes implements SectionReader.Catalogue {

    /** The built-in programmes. */
    public static final List<SectionReader> ALL = List.of(Bolashak.PROGRAMME, StateGrant.PROGRAMME,
            AcademicMobility.PROGRAMME, RuralIncentive.PROGRAMME, Relocation.PROGRAMME, VisaRoutes.PROGRAMME,
            RegionalShocks.PROGRAMME, RegionalDevelopment.PROGRAMME, ReturnSupport.PROGRAMME);

    @Override
    public List<SectionReader> sections() {
        return ALL;
    }
}
