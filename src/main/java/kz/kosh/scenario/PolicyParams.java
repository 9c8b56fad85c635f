package kz.kosh.scenario;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The policies a scenario switches: scholarships, obligations, mobility, regional programmes. */
public record PolicyParams(Bolashak bolashak, StateGrant stateGrant, AcademicMobility academicMobility,
                           RuralIncentive ruralIncentive, Relocation relocation) {

    /**
     * Bolashak presidential scholarship: fully funded master's or PhD abroad with an obligation
     * to work in Kazakhstan afterwards; breach means repaying the cost plus a markup.
     *
     * @param enabled                 whether awards are made
     * @param awardsPerYear           awards per year, persons (scaled with the run)
     * @param phdShare                share of awards for PhD study (the rest master's)
     * @param costKztMaster           programme cost of a master's award, KZT
     * @param costKztPhd              programme cost of a PhD award, KZT
     * @param penaltyMarkup           markup on the cost repaid on breach (0.10 = +10%)
     * @param enforcementProbability  probability that a breach is actually recovered (pledge, guarantors)
     * @param obligationYearsCities   years to work off when working in Astana, Almaty or Shymkent
     * @param obligationYearsRegions  years to work off when working in another region
     * @param destinationShares       share of awards by destination (sums to 1)
     * @param breachUtilityCost       non-money cost (utility) of breaking the obligation: the pledged
     *                                property or guarantors that secure it, on top of the expected repayment
     */
    public record Bolashak(boolean enabled, double awardsPerYear, double phdShare, double costKztMaster,
                           double costKztPhd, double penaltyMarkup, double enforcementProbability,
                           int obligationYearsCities, int obligationYearsRegions,
                           Map<String, Double> destinationShares, double breachUtilityCost) {
        static Bolashak read(Fields f, List<String> destinationIds) {
            Bolashak b = new Bolashak(
                    f.bool("enabled"),
                    f.num("awardsPerYear", 0, 100_000),
                    f.num("phdShare", 0, 1),
                    f.num("costKztMaster", 0, 1e10),
                    f.num("costKztPhd", 0, 1e10),
                    f.num("penaltyMarkup", 0, 10),
                    f.num("enforcementProbability", 0, 1),
                    f.integer("obligationYearsCities", 0, 20),
                    f.integer("obligationYearsRegions", 0, 20),
                    Collections.unmodifiableMap(f.numbersById("destinationShares", destinationIds, 0, 1)),
                    f.num("breachUtilityCost", 0, 100));
            double sum = b.destinationShares.values().stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(sum - 1.0) > 1e-6) {
                f.problems().add(f.path() + ".destinationShares", "shares must sum to 1, they sum to " + sum);
            }
            return b;
        }
    }

    /**
     * Domestic state educational grants; some grant lines oblige graduates to work off years in
     * Kazakhstan, repaying the grant otherwise.
     *
     * @param shareOfDomesticEntrants share of domestic entrants studying on a state grant
     * @param workOffShare            share of grant holders with a work-off obligation
     * @param workOffYears            years to work off
     * @param costKztPerYear          grant cost per study year (repaid on breach), KZT
     * @param enforcementProbability  probability that a breach is recovered
     * @param breachUtilityCost       non-money cost (utility) of breaking the work-off obligation
     */
    public record StateGrant(double shareOfDomesticEntrants, double workOffShare, int workOffYears,
                             double costKztPerYear, double enforcementProbability, double breachUtilityCost) {
        static StateGrant read(Fields f) {
            return new StateGrant(
                    f.num("shareOfDomesticEntrants", 0, 1),
                    f.num("workOffShare", 0, 1),
                    f.integer("workOffYears", 0, 20),
                    f.num("costKztPerYear", 0, 1e9),
                    f.num("enforcementProbability", 0, 1),
                    f.num("breachUtilityCost", 0, 100));
        }
    }

    /**
     * Academic mobility: a semester abroad during domestic study, which makes the host country
     * familiar (the exposure bonus) and raises the wish to leave. Self-funded participants go
     * where the 2024 participants went (destinations' {@code mobility2024}); state-funded
     * participants go where the state grants go: a destination group is drawn from
     * {@code stateFundedGroupShares}, then a destination within it by the 2024 participants.
     *
     * @param participationRatePerStudentYear yearly probability that a domestic student goes on a mobility semester
     * @param stateFundedShare                share of participants funded by the state
     * @param costKztPerParticipant           state cost per funded participant, KZT
     * @param considerationBoost              added to the consideration logit of former participants
     * @param stateFundedGroupShares          share of state-funded participants by destination group (sums to 1)
     */
    public record AcademicMobility(double participationRatePerStudentYear, double stateFundedShare,
                                   double costKztPerParticipant, double considerationBoost,
                                   Map<String, Double> stateFundedGroupShares) {
        static AcademicMobility read(Fields f, List<String> destinationGroups) {
            AcademicMobility m = new AcademicMobility(
                    f.num("participationRatePerStudentYear", 0, 1),
                    f.num("stateFundedShare", 0, 1),
                    f.num("costKztPerParticipant", 0, 1e9),
                    f.num("considerationBoost", -20, 20),
                    Collections.unmodifiableMap(f.numbersById("stateFundedGroupShares", destinationGroups, 0, 1)));
            double sum = m.stateFundedGroupShares.values().stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(sum - 1.0) > 1e-6) {
                f.problems().add(f.path() + ".stateFundedGroupShares", "shares must sum to 1, they sum to " + sum);
            }
            return m;
        }
    }

    /**
     * "With diploma to the village": eligible young specialists who move to a region (not one of
     * the three cities) get a lump sum and a subsidised housing loan.
     *
     * @param enabled           whether the programme runs
     * @param eligibleShare     share of graduates in eligible fields (health, education, culture, agro, ...)
     * @param lumpSumKzt        one-time payment, KZT
     * @param housingSubsidyKzt money value of the subsidised housing loan, KZT
     */
    public record RuralIncentive(boolean enabled, double eligibleShare, double lumpSumKzt, double housingSubsidyKzt) {
        static RuralIncentive read(Fields f) {
            return new RuralIncentive(
                    f.bool("enabled"),
                    f.num("eligibleShare", 0, 1),
                    f.num("lumpSumKzt", 0, 1e9),
                    f.num("housingSubsidyKzt", 0, 1e9));
        }

        /** Money value of the programme to an eligible mover, KZT. */
        public double valueKzt() {
            return enabled ? lumpSumKzt + housingSubsidyKzt : 0.0;
        }
    }

    /**
     * Relocation programme from labour-surplus to labour-deficit regions: a subsidy of the move.
     *
     * @param enabled     whether the programme runs
     * @param subsidyKzt  subsidy per relocating graduate, KZT
     * @param fromRegions labour-surplus regions whose movers qualify
     * @param toRegions   labour-deficit regions that qualify as destinations
     */
    public record Relocation(boolean enabled, double subsidyKzt, List<String> fromRegions, List<String> toRegions) {
        static Relocation read(Fields f, Set<String> regionIds) {
            return new Relocation(
                    f.bool("enabled"),
                    f.num("subsidyKzt", 0, 1e9),
                    List.copyOf(f.ids("fromRegions", regionIds)),
                    List.copyOf(f.ids("toRegions", regionIds)));
        }

        /** Subsidy of a move from one region to another, KZT (0 when it does not qualify). */
        public double subsidyKzt(String from, String to) {
            return enabled && fromRegions.contains(from) && toRegions.contains(to) ? subsidyKzt : 0.0;
        }
    }

    static PolicyParams read(Fields f, List<String> regionIds, List<String> destinationIds,
                             List<String> destinationGroups) {
        Fields b = f.group("bolashak");
        Bolashak bolashak = Bolashak.read(b, destinationIds);
        b.done();
        Fields g = f.group("stateGrant");
        StateGrant grant = StateGrant.read(g);
        g.done();
        Fields m = f.group("academicMobility");
        AcademicMobility mobility = AcademicMobility.read(m, destinationGroups);
        m.done();
        Fields r = f.group("ruralIncentive");
        RuralIncentive rural = RuralIncentive.read(r);
        r.done();
        Fields l = f.group("relocation");
        Relocation relocation = Relocation.read(l, new java.util.LinkedHashSet<>(regionIds));
        l.done();
        return new PolicyParams(bolashak, grant, mobility, rural, relocation);
    }
}
