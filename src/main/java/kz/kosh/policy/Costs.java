package kz.kosh.policy;

import kz.kosh.scenario.Scenario;

/**
 * The public costs per participant of the programmes that pay for study (KZT, nominal), in one
 * place for the fiscal-loss and spending indicators and the per-agent payment ledger.
 *
 * @param bolashakMasterKzt      programme cost of a Bolashak master's award (policy.bolashak.costKztMaster)
 * @param bolashakPhdKzt         programme cost of a Bolashak PhD award (policy.bolashak.costKztPhd)
 * @param stateGrantKzt          a state grant: {@link StateGrant#grantCostKzt} (costKztPerYear × study.bachelorYears)
 * @param mobilityParticipantKzt a state-funded academic-mobility participant
 *                               (policy.academicMobility.costKztPerParticipant)
 */
public record Costs(double bolashakMasterKzt, double bolashakPhdKzt, double stateGrantKzt,
                    double mobilityParticipantKzt) {

    /** The costs of the parameters in force. */
    public static Costs of(Scenario p) {
        var pol = p.policy();
        Bolashak b = pol.get(Bolashak.class);
        return new Costs(b.costKztMaster(), b.costKztPhd(), pol.get(StateGrant.class).grantCostKzt(p),
                pol.get(AcademicMobility.class).costKztPerParticipant());
    }
}
