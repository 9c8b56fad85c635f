package kz.kosh.example;

import kz.kosh.indicator.Indicator;
import kz.kosh.policy.Counter;
import kz.kosh.policy.Counts;
import kz.kosh.policy.Mover;
import kz.kosh.policy.PolicyModule;
import kz.kosh.policy.Programme;
import kz.kosh.scenario.Param;
import kz.kosh.world.World;

import java.util.List;
import java.util.Map;

/**
 * A programme the main code has never heard of, written as a contributor would add one: an
 * arrival grant G paid once to a graduate who moves into one of the target regions from another
 * place. In the tables money_cj = [j targeted]·[c ≠ j]·G is added to the NPV of the move; a move
 * into a targeted region is paid and counted. Everything is here: parameters, reader, defaults,
 * cross-field check, table term, move hook, counters and indicators; {@link #PROGRAMME} is
 * registered by the test ({@link Programme#register}).
 *
 * @param enabled  whether grants are paid
 * @param grantKzt G, KZT per arriving graduate
 * @param regions  the target regions (ids)
 */
public record ArrivalGrant(boolean enabled, double grantKzt, List<String> regions) implements PolicyModule {

    public static final String SECTION = "arrivalGrant";
    public static final Param ENABLED = Param.other(SECTION, "enabled", "switch", "arrival grant on",
            "assumption: an example programme of the plug-in test");
    public static final Param GRANT = Param.of(SECTION, "grantKzt", 0, 1e9, "KZT per arriving graduate",
            "arrival grant (KZT)", "assumption: an example programme of the plug-in test");
    public static final Param REGIONS = Param.other(SECTION, "regions", "region ids (ISO 3166-2:KZ)",
            "arrival grant regions", "assumption: an example programme of the plug-in test");

    public static final Indicator PAYMENTS = Indicator.national("arrival_grant_payments", Indicator.PERSONS_PER_YEAR,
            "when the scenario runs the example arrival grant: grants paid to graduates moving into a target region");
    public static final Indicator PAYMENTS_KZT = Indicator.national("arrival_grant_payments_kzt", Indicator.KZT,
            "the KZT of `arrival_grant_payments`");

    static final Counter PAID = Counter.of("arrivalGrant.paid");
    static final Counter PAID_KZT = Counter.of("arrivalGrant.paidKzt");

    public static final Programme PROGRAMME = Programme.of(SECTION, List.of(ENABLED, GRANT, REGIONS),
                    (f, c) -> new ArrivalGrant(ENABLED.bool(f), GRANT.number(f),
                            List.copyOf(f.ids(REGIONS.name(), new java.util.HashSet<>(c.regionIds())))))
            .withDefaults(Map.of("enabled", false, "grantKzt", 0, "regions", List.of("KZ-61")))
            .withCheck(ArrivalGrant.class, (g, parts, problems) -> {
                if (g.enabled() && g.regions().isEmpty()) {
                    problems.add(REGIONS.path(), "empty while the grant is enabled; allowed: at least one region id");
                }
            })
            .withIndicators(PAYMENTS, PAYMENTS_KZT);

    private boolean paidFor(World w, int c, int j) {
        return enabled && grantKzt > 0 && c != j && !w.isAbroad(j) && regions.contains(w.id(j));
    }

    @Override
    public double moneyKzt(World w, int c, int j, int obligation, boolean eligible) {
        return paidFor(w, c, j) ? grantKzt : 0.0;
    }

    @Override
    public boolean hasMoveHook() {
        return enabled;
    }

    @Override
    public void onMove(World w, Mover m, Counts counts) {
        if (paidFor(w, m.from(), m.to())) {
            counts.add(PAID, 1);
            counts.add(PAID_KZT, Math.round(grantKzt));
            m.paid(grantKzt);
        }
    }

    @Override
    public void indicators(Counts c, double perAgent, IndicatorSink out) {
        out.put(PAYMENTS, Indicator.Place.NATIONAL.label(), c.get(PAID) * perAgent);
        out.put(PAYMENTS_KZT, Indicator.Place.NATIONAL.label(), c.get(PAID_KZT) * perAgent);
    }
}
