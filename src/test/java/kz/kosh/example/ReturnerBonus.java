package kz.kosh.example;

import kz.kosh.indicator.Indicator;
import kz.kosh.policy.Counter;
import kz.kosh.policy.Counts;
import kz.kosh.policy.Mover;
import kz.kosh.policy.PolicyModule;
import kz.kosh.policy.Programme;
import kz.kosh.scenario.AgentFields;
import kz.kosh.scenario.Param;
import kz.kosh.world.World;

import java.util.List;
import java.util.Map;

/**
 * A second programme the main code has never heard of, one that remembers something about each
 * agent: a returner bonus B paid once to a graduate who took a degree abroad, when that graduate
 * first moves from abroad to Kazakhstan. Its graduation hook marks graduates with a foreign degree
 * in a per-agent field of its own ({@link #STATE}: 1 = owed, 2 = paid), its move hook pays and
 * marks the field; a second return is not paid. Not announced in the choice tables (a surprise
 * payment), so the agents' choices are those of a run without it.
 *
 * @param enabled  whether bonuses are paid
 * @param bonusKzt B, KZT per returning graduate
 */
public record ReturnerBonus(boolean enabled, double bonusKzt) implements PolicyModule {

    public static final String SECTION = "returnerBonus";
    public static final Param ENABLED = Param.other(SECTION, "enabled", "switch", "returner bonus on",
            "assumption: an example programme of the plug-in test");
    public static final Param BONUS = Param.of(SECTION, "bonusKzt", 0, 1e9, "KZT per returning graduate",
            "returner bonus (KZT)", "assumption: an example programme of the plug-in test");

    public static final Indicator PAYMENTS = Indicator.national("returner_bonus_payments", Indicator.PERSONS_PER_YEAR,
            "when the scenario runs the example returner bonus: bonuses paid to graduates with a foreign degree "
                    + "on their first return to Kazakhstan");
    public static final Indicator PAYMENTS_KZT = Indicator.national("returner_bonus_payments_kzt", Indicator.KZT,
            "the KZT of `returner_bonus_payments`");

    /** 0: no foreign degree; 1: a foreign degree, bonus owed on the first return; 2: paid. */
    static final AgentFields.Field STATE = AgentFields.declare("returner_bonus_state", AgentFields.Width.BYTE);
    static final int OWED = 1;
    static final int PAID_STATE = 2;

    static final Counter PAID = Counter.of("returnerBonus.paid");
    static final Counter PAID_KZT = Counter.of("returnerBonus.paidKzt");

    public static final Programme PROGRAMME = Programme.of(SECTION, List.of(ENABLED, BONUS),
                    (f, c) -> new ReturnerBonus(ENABLED.bool(f), BONUS.number(f)))
            .withDefaults(Map.of("enabled", false, "bonusKzt", 0))
            .withIndicators(PAYMENTS, PAYMENTS_KZT);

    @Override
    public List<AgentFields.Field> fields() {
        return enabled ? List.of(STATE) : List.of();
    }

    @Override
    public boolean hasGraduationHook() {
        return enabled;
    }

    @Override
    public void onGraduation(World w, Mover m, Counts counts) {
        if (w.isAbroad(m.from()) && m.get(STATE) == 0) {
            m.set(STATE, OWED);
        }
    }

    @Override
    public boolean hasMoveHook() {
        return enabled;
    }

    @Override
    public void onMove(World w, Mover m, Counts counts) {
        if (m.get(STATE) == OWED && w.isAbroad(m.from()) && !w.isAbroad(m.to())) {
            m.set(STATE, PAID_STATE);
            counts.add(PAID, 1);
            counts.add(PAID_KZT, Math.round(bonusKzt));
            m.paid(bonusKzt);
        }
    }

    @Override
    public void indicators(Counts c, double perAgent, IndicatorSink out) {
        out.national(PAYMENTS, c.get(PAID) * perAgent);
        out.national(PAYMENTS_KZT, c.get(PAID_KZT) * perAgent);
    }
}
