package kz.kosh.calibration;

import java.util.LinkedHashMap;
import java.util.Map;

/** Targets files for tests (calibration, history matching), written from their entries. */
public final class TargetFiles {
    private TargetFiles() {
    }

    /**
     * One entry of a targets file: title {@code id}, weight 1, tolerance 0.1, source s unless
     * {@code fields} ("key: value", in order) set them; other fields are added after them; then
     * the model and one observation in 2015.
     */
    public static String entry(String id, String use, String model, String value, String... fields) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", id);
        f.put("use", use);
        f.put("weight", "1");
        f.put("tolerance", "0.1");
        f.put("source", "s");
        for (String kv : fields) {
            int c = kv.indexOf(':');
            f.put(kv.substring(0, c).trim(), kv.substring(c + 1).trim());
        }
        StringBuilder sb = new StringBuilder("  - id: ").append(id).append('\n');
        f.forEach((k, v) -> sb.append("    ").append(k).append(": ").append(v).append('\n'));
        return sb.append("    model: ").append(model).append("\n    observed:\n      - {year: 2015, value: ").append(value)
                .append("}\n").toString();
    }

    /**
     * The two targets of the tiny command tests: willingness to emigrate in 2015 (0.46, a
     * calibration target) and Russia's share of students abroad (0.793, {@code russiaUse}); with
     * {@code uncertainty} each states its observation error and discrepancy.
     */
    public static String tiny(String russiaUse, boolean uncertainty) {
        return "targets:\n"
                + entry("willingness", "calibration", "{indicator: \"willingness_to_emigrate_share|KZ\"}", "0.46",
                uncertainty ? new String[]{"tolerance: 0.15", "source: test", "observationError: {relative: 0.05, reason: survey}",
                        "discrepancy: {relative: 0.6, reason: population}"} : new String[]{"tolerance: 0.15", "source: test"})
                + entry("russia-share", russiaUse, "{ratio: [\"students_abroad|RU\", \"students_abroad|KZ\"]}", "0.793",
                uncertainty ? new String[]{"title: russia share", "source: test", "observationError: {relative: 0.05, reason: round}",
                        "discrepancy: {relative: 0.6, reason: constants}"} : new String[]{"title: russia share", "source: test"});
    }
}
