package kz.kosh.scenario;

/**
 * Rules that join fields of different groups of a scenario (the programmes' own rules are theirs,
 * {@link SectionReader#check}); each problem names the field to change and what is allowed.
 */
final class CrossFieldRules {
    private CrossFieldRules() {
    }

    /** Rules that join fields of different groups; each names the field to change and what is allowed. */
    static void check(PopulationParams pop, StudyParams study, PolicyParams policy, RunSettings run,
                                        Fields.Problems problems) {
        if (pop == null || study == null || policy == null) {
            return;
        }
        int graduationAge = pop.entryAgeYears() + study.bachelorYears();
        if (graduationAge > pop.maxDecisionAgeYears()) {
            problems.add("population.entryAgeYears", "entry age " + pop.entryAgeYears() + " + study.bachelorYears "
                    + study.bachelorYears() + " = " + graduationAge + " is above population.maxDecisionAgeYears "
                    + pop.maxDecisionAgeYears() + ": no graduate would ever decide; allowed: entryAgeYears + bachelorYears <= maxDecisionAgeYears");
        }
        // the programmes' own rules (e.g. the Bolashak awards against the cohort, relocation's regions)
        policy.check(new SectionReader.Parts(run, pop, study), problems);
    }
}
