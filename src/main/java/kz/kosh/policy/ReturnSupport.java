package kz.kosh.policy;

import kz.kosh.decision.AgentKind;
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
 *       a graduate living abroad has the status {@link AgentKind#STATUS_RESEARCHER} (a kind
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
    /** The plug-in: section, parameters, reader ({@link Programmes}). */
    public static final Programme PROGRAMME = Programme.of(SECTION, PARAMS, (f, c) -> read(f));

    public static ReturnSupport read(Fields f) {
        return new ReturnSupport(ENABLED.bool(f), RESEARCHER_GRANT.number(f), CITIZEN_SUBSIDY.number(f));
    }

    /**
     * The status of a graduate in the tables: a PhD holder abroad without an obligation is a
     * {@link AgentKind#STATUS_RESEARCHER researcher} while the module is enabled; anyone else
     * keeps {@code obligation}.
     */
    public int status(int obligation, boolean phd, boolean abroad) {
        return enabled && phd && abroad && obligation == AgentKind.OBLIGATION_NONE ? AgentKind.STATUS_RESEARCHER
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
        return citizenReturnSubsidyKzt + (obligation == AgentKind.STATUS_RESEARCHER ? researcherReturnGrantKzt : 0.0);
    }

    @Override
    public int[] statuses() {
        return new int[] {AgentKind.STATUS_RESEARCHER};
    }

    /** The researcher status is not held: it is read off the degree and place while return support runs. */
    @Override
    public boolean statusInForce(int status) {
        return enabled();
    }
}
