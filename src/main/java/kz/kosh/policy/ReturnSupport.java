package kz.kosh.policy;

import kz.kosh.indicator.Indicator;
import kz.kosh.scenario.Fields;
import kz.kosh.scenario.Param;
import kz.kosh.world.World;

import java.util.List;

/**
 * Return support of the Concept of Migration Policy 2023-2027 [N24]: "targeted research support
 * for scientists who return" and a streamlined return for citizens. Two payments to a graduate
 * who moves from abroad to Kazakhstan (a first job at home after study abroad included):
 * <ul>
 *   <li>a researcher return grant G_R to a PhD holder without an obligation: in the tables such
 *       a graduate living abroad has the status {@link #RESEARCHER} (a kind
 *       dimension, only while the module is enabled);</li>
 *   <li>a citizen return subsidy G_C to any graduate.</li>
 * </ul>
 * In the tables: money_cj,o = [c abroad]·[j in Kazakhstan]·(G_C + [o = researcher]·G_R) is added
 * to the NPV of the return. Payments are counted when a return happens.
 *
 * <p>Not modelled here, because they concern foreigners, not Kazakhstani graduates: the ten-year
 * scientific and pedagogical visa, long-term visas for professors, the investor visa
 * (USD 300,000) and the Neo Nomad visa for remote workers ([PR], [N24]). Streamlined visas
 * for ethnic Kazakhs (kandas) concern people who are not in the model's population either
 * (graduates of Kazakhstani origin educated abroad from childhood); a citizen coming home needs no
 * visa, so the citizen subsidy stands for the administrative help a return programme gives.
 *
 * @param enabled                   whether the support runs
 * @param researcherReturnGrantKzt  grant to a PhD holder without obligation returning from abroad, KZT
 * @param citizenReturnSubsidyKzt   subsidy to any graduate returning from abroad, KZT
 */
public record ReturnSupport(boolean enabled, double researcherReturnGrantKzt, double citizenReturnSubsidyKzt)
        implements PolicyModule {
    /** Status name of a PhD holder abroad without obligation while return support runs (not an obligation) ({@link kz.kosh.scenario.Statuses}). */
    public static final String STATUS_RESEARCHER = "researcher_abroad";
    /** Status index of a PhD holder abroad without obligation while return support runs (not an obligation), handed out by name at start-up. */
    public static final int RESEARCHER = kz.kosh.scenario.Statuses.index(STATUS_RESEARCHER);


    public static final String SECTION = "returnSupport";
    public static final Param ENABLED = Param.other(SECTION, "enabled", "switch", "return support on",
            "lever (off = the status quo): Concept of Migration Policy 2023-2027 [N24]: targeted research support for "
                    + "scientists who return; streamlined return");
    public static final Param RESEARCHER_GRANT = Param.of(SECTION, "researcherReturnGrantKzt", 0, 1e10, "KZT per returning PhD",
            "researcher return grant (KZT)", "assumption: the Concept names targeted research support for returning "
                    + "scientists [N24] without an amount; 10,000,000 KZT = a small research grant (about two years of a "
                    + "graduate wage, [PR] 2023 wage 364,295 KZT/month)");
    public static final Param CITIZEN_SUBSIDY = Param.of(SECTION, "citizenReturnSubsidyKzt", 0, 1e10, "KZT per returning graduate",
            "citizen return subsidy (KZT)", "assumption: the Concept's streamlined return [N24] names no payment; "
                    + "0 in the defaults, a scenario sets the money value of the help it assumes");
    public static final List<Param> PARAMS = List.of(ENABLED, RESEARCHER_GRANT, CITIZEN_SUBSIDY);

    public static final Indicator RETURN_SUPPORT_PAYMENTS = Indicator.national("return_support_payments", Indicator.PERSONS_PER_YEAR,
            "when the scenario runs return support: citizen return subsidies paid");
    public static final Indicator RETURN_SUPPORT_PAYMENTS_KZT = Indicator.national("return_support_payments_kzt", Indicator.KZT,
            "the KZT of `return_support_payments`");
    public static final Indicator RETURN_SUPPORT_RESEARCHER_GRANTS = Indicator.national("return_support_researcher_grants", Indicator.PERSONS_PER_YEAR,
            "when the scenario runs return support: researcher return grants paid");
    public static final Indicator RETURN_SUPPORT_RESEARCHER_GRANTS_KZT = Indicator.national("return_support_researcher_grants_kzt", Indicator.KZT,
            "the KZT of `return_support_researcher_grants`");
    public static final Indicator PHD_RETURNS = Indicator.national("phd_returns", Indicator.PERSONS_PER_YEAR,
            "when the scenario runs return support: moves of PhD holders from abroad to Kazakhstan");

    /** Citizen return subsidies paid, and their KZT. */
    public static final Counter PAYMENTS = Counter.of("returnSupport.payments");
    public static final Counter PAYMENTS_KZT = Counter.of("returnSupport.paymentsKzt");
    /** Researcher return grants paid, and their KZT. */
    public static final Counter RESEARCHER_GRANTS = Counter.of("returnSupport.researcherGrants");
    public static final Counter RESEARCHER_GRANTS_KZT = Counter.of("returnSupport.researcherGrantsKzt");
    /** Moves of PhD holders from abroad to Kazakhstan (counted whether or not the support runs). */
    public static final Counter PHD_RETURN_MOVES = Counter.of("returnSupport.phdReturns");

    /** The plug-in: section, parameters, reader, indicators ({@link Programmes}). */
    public static final Programme PROGRAMME = Programme.of(SECTION, PARAMS, (f, c) -> read(f))
            .withIndicators(RETURN_SUPPORT_PAYMENTS, RETURN_SUPPORT_PAYMENTS_KZT, RETURN_SUPPORT_RESEARCHER_GRANTS,
                    RETURN_SUPPORT_RESEARCHER_GRANTS_KZT, PHD_RETURNS);

    public static ReturnSupport read(Fields f) {
        return new ReturnSupport(ENABLED.bool(f), RESEARCHER_GRANT.number(f), CITIZEN_SUBSIDY.number(f));
    }

    /**
     * The status of a graduate in the tables: a PhD holder abroad without an obligation is a
     * {@link #RESEARCHER researcher} while the module is enabled; anyone else
     * keeps {@code obligation}.
     */
    @Override
    public int derivedStatus(int obligation, boolean phd, boolean abroad) {
        return enabled && phd && abroad && obligation == kz.kosh.scenario.Statuses.NONE ? RESEARCHER
                : obligation;
    }

    /** Whether a move from c to j is a return (from abroad to Kazakhstan) while the module is enabled. */
    public boolean isReturn(World w, int c, int j) {
        return enabled && w.isAbroad(c) && !w.isAbroad(j);
    }

    /** money_cj,o of the class comment, KZT. */
    @Override
    public double moneyKzt(World w, int c, int j, int obligation, boolean eligible) {
        if (!isReturn(w, c, j)) {
            return 0.0;
        }
        return citizenReturnSubsidyKzt + (obligation == RESEARCHER ? researcherReturnGrantKzt : 0.0);
    }

    @Override
    public int[] statuses() {
        return new int[] {RESEARCHER};
    }

    /** The researcher status is read off the degree and place each year, never kept. */
    @Override
    public boolean derivesStatus() {
        return true;
    }

    /** The researcher status is not held: it is read off the degree and place while return support runs. */
    @Override
    public boolean statusInForce(int status) {
        return enabled();
    }

    /** Counts every move of a PhD holder from abroad to Kazakhstan (the indicator is written in every year of a scenario using the module). */
    @Override
    public boolean hasMoveHook() {
        return true;
    }

    /**
     * A move from abroad to Kazakhstan: counted when the mover holds a PhD; while the support runs,
     * pays the citizen return subsidy G_C (when positive) and, to a graduate who had the researcher
     * status before the move, the researcher return grant G_R (when positive).
     */
    @Override
    public void onMove(World w, Mover m, Counts counts) {
        if (!w.isAbroad(m.from()) || w.isAbroad(m.to())) {
            return;
        }
        if (m.phd()) {
            counts.add(PHD_RETURN_MOVES, 1);
        }
        if (isReturn(w, m.from(), m.to())) {
            if (citizenReturnSubsidyKzt > 0) {
                counts.add(PAYMENTS, 1);
                counts.add(PAYMENTS_KZT, Math.round(citizenReturnSubsidyKzt));
                m.paid(Math.round(citizenReturnSubsidyKzt));
            }
            if (m.statusBefore() == RESEARCHER && researcherReturnGrantKzt > 0) {
                counts.add(RESEARCHER_GRANTS, 1);
                counts.add(RESEARCHER_GRANTS_KZT, Math.round(researcherReturnGrantKzt));
                m.paid(Math.round(researcherReturnGrantKzt));
            }
        }
    }

    @Override
    public String spendingMember() {
        return "return-support";
    }

    /** Citizen return subsidies + researcher return grants paid in the year. */
    @Override
    public double spendingKzt(Counts year, kz.kosh.scenario.Scenario p) {
        return year.get(PAYMENTS_KZT) + year.get(RESEARCHER_GRANTS_KZT);
    }

    @Override
    public void indicators(Counts c, double perAgent, IndicatorSink out) {
        String national = Indicator.Place.NATIONAL.label();
        out.put(RETURN_SUPPORT_PAYMENTS, national, c.get(PAYMENTS) * perAgent);
        out.put(RETURN_SUPPORT_PAYMENTS_KZT, national, c.get(PAYMENTS_KZT) * perAgent);
        out.put(RETURN_SUPPORT_RESEARCHER_GRANTS, national, c.get(RESEARCHER_GRANTS) * perAgent);
        out.put(RETURN_SUPPORT_RESEARCHER_GRANTS_KZT, national, c.get(RESEARCHER_GRANTS_KZT) * perAgent);
        out.put(PHD_RETURNS, national, c.get(PHD_RETURN_MOVES) * perAgent);
    }
}
