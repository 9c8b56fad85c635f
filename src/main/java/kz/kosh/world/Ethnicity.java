package kz.kosh.world;

import java.util.List;

/**
 * The ethnic groups an agent can belong to, as small codes (an agent holds one in two bits of its
 * traits, {@code Population#ethnicity}): the groups whose emigration the statistics report apart
 * (emigration_composition.csv: Russians 72.6%, Germans 6.9%, Kazakhs 4.9% of the 45,200 emigrants
 * of 2019) and whose regional shares were found (regions.csv). Ukrainians, Uzbeks, Uyghurs and
 * the rest are {@link #OTHER}.
 */
public final class Ethnicity {
    private Ethnicity() {
    }

    public static final int KAZAKH = 0;
    public static final int RUSSIAN = 1;
    public static final int GERMAN = 2;
    public static final int OTHER = 3;
    /** Number of groups. */
    public static final int COUNT = 4;
    /** Names, by code, as indicator keys use them. */
    public static final List<String> NAMES = kz.kosh.indicator.CoreIndicators.ETHNICITIES;
}
