package kz.kosh.scenario;

/**
 * Who enters the model each year and until when agents decide.
 *
 * @param schoolLeaverCompletionRatio school leavers (grade 11) of year t per live birth of year t − 17:
 *                                  L(t) = births(t − 17) × ratio ({@code kz.kosh.world.YearlyInputs})
 * @param higherEducationEntryRate  share of school leavers entering higher education (here or abroad)
 * @param collegeEntrantsPerSchoolLeaver entrants to Kazakhstani universities who come from a technical and
 *                                  vocational (TVET) college or enter later, per school leaver of the year
 * @param collegeEntryAgeYears      age of those entrants
 * @param collegeBachelorYears      length of their (shortened) bachelor programme, years
 * @param entryAgeYears             age at entry to higher education
 * @param femaleShare               share of women among entrants
 * @param parentsElsewhereShare     share of entrants whose parents live outside their home region
 * @param maxDecisionAgeYears       graduates reconsider their location each year up to this age;
 *                                  older agents leave the decision model (counted as aged out)
 * @param retirementAgeYears        end of working life for the discounted-income horizon
 */
public record PopulationParams(double schoolLeaverCompletionRatio, double higherEducationEntryRate,
                               double collegeEntrantsPerSchoolLeaver, int collegeEntryAgeYears,
                               int collegeBachelorYears, int entryAgeYears,
                               double femaleShare, double parentsElsewhereShare, int maxDecisionAgeYears,
                               int retirementAgeYears) {
    static PopulationParams read(Fields f) {
        PopulationParams p = new PopulationParams(
                f.num("schoolLeaverCompletionRatio", 0, 1.5),
                f.num("higherEducationEntryRate", 0, 1),
                f.num("collegeEntrantsPerSchoolLeaver", 0, 2),
                f.integer("collegeEntryAgeYears", 15, 40),
                f.integer("collegeBachelorYears", 1, 8),
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
