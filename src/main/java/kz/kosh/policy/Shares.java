package kz.kosh.policy;

import kz.kosh.scenario.Fields;

import java.util.Map;

/** Checks of share maps read by the policy modules. */
final class Shares {
    private Shares() {
    }

    /** Reports a problem at {@code key} when the shares do not sum to 1 (within 1e-6). */
    static void checkSum(Fields f, String key, Map<String, Double> shares) {
        double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(sum - 1.0) > 1e-6) {
            f.problems().add(f.path() + "." + key, "shares must sum to 1, they sum to " + sum);
        }
    }
}
