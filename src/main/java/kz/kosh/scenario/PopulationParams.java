package kz.kosh.scenario;

/**
 * Who enters the model each year and until when agents decide.
 *
 * @param schoolLeaversPerYear      11th-grade school leavers nationally per year, persons
 * @param higherEducationEntryRate  share of school leavers entering higher education (here or abroad)
 * @param entryAgeYears             age at entry to higher education
 * @param femaleShare               share of women among entrants
 * @param parentsElsewhereShare     share of entrants whose parents live outside their home region
 * @param maxDecisionAgeYears       graduates reconsider their location each year up to this age;
 *                                  older agents leave the decision model (counted as aged out)
 * @param retirementAgeYears        end of working life for the discounted-income horizon
 */
public record PopulationParams(double schoolLeaversPerYear, double higherEducationEntryRate, int entryAgeYears,
                               double femaleShare, double parentsElsewhereShare, int maxDecisionAgeYears,
                               int retirementAgeYears) {
    static PopulationParams read(Fields f) {
        PopulationParams p = new PopulationParams(
                f.num("schoolLeaversPerYear", 0, 2e6),
                f.num("higherEducationEntryRate", 0, 1),
                f.integer("entryAgeYears", 15, 30),
                f.num("femaleShare", 0, 1),
                f.num("parentsElsewhereShare", 0, 1),
                f.integer("maxDecisionAgeYears", 20, 80),
                f.integer("retirementAgeYears", 30, 90));
        if (p.retirementAgeYears <= p.maxDecisionAgeYears) {
            f.problems().add(f.path() + ".retirementAgeYears", "must be above maxDecisionAgeYears " + p.maxDecisionAgeYears);
        }
        return p;
    }
}
