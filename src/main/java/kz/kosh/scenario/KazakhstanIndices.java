package kz.kosh.scenario;

import java.util.List;

/**
 * Country-level indices of Kazakhstan on the destinations' scales, used for every region (no
 * regional breakdown was compiled).
 */
public record KazakhstanIndices(double livingStandardIndex, double safetyIndex, double corruptionIndex,
                                double studyQualityIndex) {

    /** The group's YAML path. */
    static final String G = "kazakhstan";
    public static final Param LIVING_STANDARD_INDEX = Param.num(G, "livingStandardIndex", 0, 1, "index 0..1 (destination scale)",
            "approx. UNDP Human Development Index 2022 of Kazakhstan, 0.802, not verified here "
                    + "(docs/data-sources.md section 2.9)");
    public static final Param SAFETY_INDEX = Param.num(G, "safetyIndex", 0, 1, "index 0..1 (destination scale)",
            "assumption: judgement loosely following the Global Peace Index and [B22]'s interethnic-safety "
                    + "worries (docs/data-sources.md section 2.9)");
    public static final Param CORRUPTION_INDEX = Param.num(G, "corruptionIndex", 0, 1, "index 0..1, 1 = most corrupt",
            "0.61 = 1 - CPI 39/100, Transparency International CPI 2023 (approx., not verified here; "
                    + "docs/data-sources.md section 2.9)");
    public static final Param STUDY_QUALITY_INDEX = Param.num(G, "studyQualityIndex", 0, 1, "index 0..1 (destination scale)",
            "assumption: judgement of the international standing of Kazakhstan's universities "
                    + "(docs/data-sources.md section 2.9)");
    /** Every parameter of the group, in reading order (docs/parameters.md, the GUI, calibrations). */
    public static final List<Param> PARAMS = List.of(LIVING_STANDARD_INDEX, SAFETY_INDEX, CORRUPTION_INDEX, STUDY_QUALITY_INDEX);

    static KazakhstanIndices read(Fields f) {
        return new KazakhstanIndices(
                LIVING_STANDARD_INDEX.number(f),
                SAFETY_INDEX.number(f),
                CORRUPTION_INDEX.number(f),
                STUDY_QUALITY_INDEX.number(f));
    }

    /** Kazakhstan's safety index of the built-in defaults (defaults.yaml), the study constants' reference. */
    public static double builtInSafetyIndex() {
        return BuiltIn.SAFETY;
    }

    private static final class BuiltIn {
        static final double SAFETY = TreeMerge.defaults(new java.util.HashMap<>()).get(G).get("safetyIndex").doubleValue();
    }
}
