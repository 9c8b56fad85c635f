package kz.kosh.experiment;

import java.util.Map;

/** Builds an {@link IndicatorTable} from values by year and key ("indicator|place") for tests of other packages. */
public final class IndicatorTableTestAccess {
    private IndicatorTableTestAccess() {
    }

    public static IndicatorTable of(Map<Integer, Map<String, Double>> byYear) {
        IndicatorTable t = new IndicatorTable();
        byYear.forEach(t::put);
        return t;
    }
}
