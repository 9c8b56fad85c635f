package kz.kosh.scenario;

import kz.kosh.decision.AgentKind;
import kz.kosh.policy.AcademicMobility;
import kz.kosh.policy.Bolashak;
import kz.kosh.policy.ObligationProgramme;
import kz.kosh.policy.Param;
import kz.kosh.policy.PolicyModule;
import kz.kosh.policy.Relocation;
import kz.kosh.policy.RegionalDevelopment;
import kz.kosh.policy.RegionalShocks;
import kz.kosh.policy.ReturnSupport;
import kz.kosh.policy.RuralIncentive;
import kz.kosh.policy.StateGrant;
import kz.kosh.policy.VisaRoutes;

import java.util.ArrayList;
import java.util.List;

/**
 * The policies a scenario switches, one {@linkplain PolicyModule module} per programme or
 * lever (package {@code kz.kosh.policy}): each holds its parameters, its table terms and its
 * life-course rules.
 */
public record PolicyParams(Bolashak bolashak, StateGrant stateGrant, AcademicMobility academicMobility,
                           RuralIncentive ruralIncentive, Relocation relocation,
                           VisaRoutes visaRoutes, RegionalShocks regionalShocks,
                           RegionalDevelopment regionalDevelopment, ReturnSupport returnSupport) {

    /** The modules in YAML order. */
    public List<PolicyModule> modules() {
        return List.of(bolashak, stateGrant, academicMobility, ruralIncentive, relocation,
                visaRoutes, regionalShocks, regionalDevelopment, returnSupport);
    }

    /** The module of a YAML section ({@code bolashak}, {@code visaRoutes}, ...). */
    public PolicyModule module(String section) {
        return switch (section) {
            case Bolashak.SECTION -> bolashak;
            case StateGrant.SECTION -> stateGrant;
            case AcademicMobility.SECTION -> academicMobility;
            case RuralIncentive.SECTION -> ruralIncentive;
            case Relocation.SECTION -> relocation;
            case VisaRoutes.SECTION -> visaRoutes;
            case RegionalShocks.SECTION -> regionalShocks;
            case RegionalDevelopment.SECTION -> regionalDevelopment;
            case ReturnSupport.SECTION -> returnSupport;
            default -> throw new IllegalArgumentException("no policy module " + section);
        };
    }

    /** The programme that owns an obligation type (null for none and for statuses that are not obligations). */
    public ObligationProgramme obligation(int type) {
        return switch (type) {
            case AgentKind.OBLIGATION_BOLASHAK_MASTER, AgentKind.OBLIGATION_BOLASHAK_PHD,
                    AgentKind.OBLIGATION_BOLASHAK_MASTER_TUITION_ONLY, AgentKind.OBLIGATION_BOLASHAK_PHD_TUITION_ONLY -> bolashak;
            case AgentKind.OBLIGATION_GRANT -> stateGrant;
            case AgentKind.OBLIGATION_MOBILITY -> academicMobility;
            case AgentKind.OBLIGATION_RURAL -> ruralIncentive;
            default -> null;
        };
    }

    /**
     * Whether these parameters give agents a status (obligation type), i.e. whether its rows of
     * the choice tables are needed: none, Bolashak's full awards and the grants always; the
     * levers' statuses only while the lever is on. A run keeps the rows of an obligation type
     * once its lever has been on (obligations taken are kept; a lever switched off by setting
     * its years to 0 discharges them at the year's end), the researcher status only while return
     * support runs (it is not held, it is read off the degree and place).
     */
    public boolean statusInForce(int type) {
        return switch (type) {
            case AgentKind.OBLIGATION_MOBILITY -> academicMobility.returnObligationOn();
            case AgentKind.OBLIGATION_RURAL -> ruralIncentive.commitmentOn();
            case AgentKind.STATUS_RESEARCHER -> returnSupport.enabled();
            case AgentKind.OBLIGATION_BOLASHAK_MASTER_TUITION_ONLY, AgentKind.OBLIGATION_BOLASHAK_PHD_TUITION_ONLY ->
                    bolashak.tuitionOnlyAwards();
            default -> true;
        };
    }

    /** Every policy parameter's definition, in YAML order (docs/parameters.md, the GUI). */
    public static List<Param> definitions() {
        List<Param> all = new ArrayList<>();
        all.addAll(Bolashak.PARAMS);
        all.addAll(StateGrant.PARAMS);
        all.addAll(AcademicMobility.PARAMS);
        all.addAll(RuralIncentive.PARAMS);
        all.addAll(Relocation.PARAMS);
        all.addAll(VisaRoutes.PARAMS);
        all.addAll(RegionalShocks.PARAMS);
        all.addAll(RegionalDevelopment.PARAMS);
        all.addAll(ReturnSupport.PARAMS);
        return all;
    }

    static PolicyParams read(Fields f, List<String> regionIds, List<String> destinationIds,
                             List<String> destinationGroups) {
        Fields b = f.group(Bolashak.SECTION);
        Bolashak bolashak = Bolashak.read(b, destinationIds);
        b.done();
        Fields g = f.group(StateGrant.SECTION);
        StateGrant grant = StateGrant.read(g);
        g.done();
        Fields m = f.group(AcademicMobility.SECTION);
        AcademicMobility mobility = AcademicMobility.read(m, destinationGroups);
        m.done();
        Fields r = f.group(RuralIncentive.SECTION);
        RuralIncentive rural = RuralIncentive.read(r);
        r.done();
        Fields l = f.group(Relocation.SECTION);
        Relocation relocation = Relocation.read(l, regionIds);
        l.done();
        VisaRoutes visaRoutes = VisaRoutes.read(f, destinationIds);
        Fields sh = f.group(RegionalShocks.SECTION);
        RegionalShocks shocks = RegionalShocks.read(sh, regionIds);
        sh.done();
        Fields dv = f.group(RegionalDevelopment.SECTION);
        RegionalDevelopment development = RegionalDevelopment.read(dv, regionIds);
        dv.done();
        Fields rs = f.group(ReturnSupport.SECTION);
        ReturnSupport returnSupport = ReturnSupport.read(rs);
        rs.done();
        return new PolicyParams(bolashak, grant, mobility, rural, relocation,
                visaRoutes, shocks, development, returnSupport);
    }
}
