package kz.kosh.policy;

import kz.kosh.scenario.Fields;
import kz.kosh.world.World;

import java.util.List;

/**
 * "With diploma to the village": eligible young specialists (a share of each cohort, drawn at
 * entry) who move to a region that is not one of the three cities get a lump sum and a
 * subsidised housing loan. In the tables: I_e,cj = [e]·[j ≠ c]·[j a region, not a city]·
 * (lump sum + housing subsidy) is added to the NPV of the move.
 *
 * @param enabled           whether the programme runs
 * @param eligibleShare     share of graduates in eligible fields (health, education, culture, agro, ...)
 * @param lumpSumKzt        one-time payment, KZT
 * @param housingSubsidyKzt money value of the subsidised housing loan, KZT
 */
public record RuralIncentive(boolean enabled, double eligibleShare, double lumpSumKzt, double housingSubsidyKzt)
        implements PolicyModule {

    public static final String SECTION = "ruralIncentive";
    public static final Param ENABLED = Param.other(SECTION, "enabled", "switch", "diploma to the village on",
            "policies.md: 'With diploma to the village' running (2025 terms)");
    public static final Param ELIGIBLE_SHARE = Param.of(SECTION, "eligibleShare", 0, 1, "share of graduates",
            "village programme eligible share", "assumption: share of graduates in the eligible fields (health, education, "
                    + "social security, culture, sport, agro-industry; policies.md); not compiled");
    public static final Param LUMP_SUM = Param.of(SECTION, "lumpSumKzt", 0, 1e9, "KZT", "village lump sum (KZT)",
            "policies.md: lump sum of 100 MCI = 393,200 KZT in 2025 ('With diploma to the village' rules)");
    public static final Param HOUSING = Param.of(SECTION, "housingSubsidyKzt", 0, 1e9, "KZT",
            "village housing subsidy (KZT)", "assumption: approximate money value of the housing loan of up to 9,830,000 "
                    + "KZT at 1% for 15 years (policies.md) relative to a market mortgage");
    public static final List<Param> PARAMS = List.of(ENABLED, ELIGIBLE_SHARE, LUMP_SUM, HOUSING);

    public static RuralIncentive read(Fields f) {
        return new RuralIncentive(ENABLED.bool(f), ELIGIBLE_SHARE.number(f), LUMP_SUM.number(f), HOUSING.number(f));
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public List<Param> params() {
        return PARAMS;
    }

    /** Money value of the programme to an eligible mover, KZT. */
    public double valueKzt() {
        return enabled ? lumpSumKzt + housingSubsidyKzt : 0.0;
    }

    /** I_e,cj of the class comment. */
    @Override
    public double moneyKzt(World w, int c, int j, int obligation, boolean eligible) {
        return eligible && c != j && !w.isAbroad(j) && !w.isCity(j) ? valueKzt() : 0.0;
    }
}
