package kz.kosh.policy;

import kz.kosh.scenario.PolicySection;
import kz.kosh.scenario.Scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * The public cost of one participant of each funding route with the parameters in force (KZT,
 * nominal), for the fiscal-loss indicators: asked of the module whose
 * {@link PolicyModule#fundingRoute} it is ({@link PolicyModule#participantCostKzt}), so that the
 * indicators name routes, not programmes. A route no module in force funds costs 0.
 */
public final class Costs {
    private final Map<String, PolicyModule> byRoute = new HashMap<>();
    private final Scenario p;

    private Costs(Scenario p) {
        this.p = p;
        for (PolicySection s : p.policy().sections()) {
            if (s instanceof PolicyModule m && m.fundingRoute() != null) {
                byRoute.putIfAbsent(m.fundingRoute(), m);
            }
        }
    }

    /** The costs of the parameters in force. */
    public static Costs of(Scenario p) {
        return new Costs(p);
    }

    /** The cost of one participant of a funding route, a PhD holder's or another's, KZT (0 for a route no module funds). */
    public double participantKzt(String route, boolean phd) {
        PolicyModule m = byRoute.get(route);
        return m == null ? 0.0 : m.participantCostKzt(phd, p);
    }
}
