package kz.kosh.world;

import kz.kosh.scenario.DestinationData;
import kz.kosh.scenario.KazakhstanIndices;
import kz.kosh.scenario.RegionData;
import kz.kosh.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The places of a run: Kazakhstan's 20 first-level units (indices {@code 0 .. regionCount-1})
 * followed by the foreign destinations. Attributes are held in arrays indexed by place for the
 * decision model's inner loops. Immutable; a run builds a new World when a year's inputs
 * ({@link YearlyInputs}: wages, unemployment) or a timed policy change alter it. Last year's
 * demand is a {@link Demand}; how it moves the world (state-funded places, graduate crowding) is
 * {@link DemandResponse}.
 *
 * <p>Why over 500 lines: one value object of some 30 per-place arrays, each with its accessor
 * (about 40% of the file), built in one constructor, plus its {@link Editor}, the only write access
 * the policy modules get, which must reach the private arrays; splitting the accessors from the
 * arrays would scatter what a place is.
 */
public final class World {
    /** Mean Earth radius for great-circle distances, km. */
    public static final double EARTH_RADIUS_KM = 6371.0;

    private final int regionCount;
    private final int placeCount;
    private final String[] ids;
    private final String[] names;
    private final boolean[] city;
    private final double[] population;
    private final double[] wageKztPerMonth;
    private final double[] employmentProbability;
    private final double[] costOfLivingIndex;
    private final double[] livingStandardIndex;
    private final double[] safetyIndex;
    /** S_j − S_j,ref: the safety index's departure from the built-in table's (the study constants' reference). */
    private final double[] safetyChangeFromTable;
    /** τ(t) = min(t, T) − T years of the study choice's internationalisation trend (0 in the tables' world). */
    private final double studyTrendYears;
    private final double[] corruptionIndex;
    private final double[] ecologyIndex;
    private final double[] careerIndex;
    private final double[] languageProximity;
    private final double[] studyAccess;
    private final double[] workAccess;
    private final double[] postStudyWorkYears;
    private final boolean[] graduateCitizenship;
    private final double[] universities;
    private final double[] studyQualityIndex;
    private final double[] studyScholarshipIndex;
    /** C_j(t): cost of study at j relative to Kazakhstani incomes, 1 in 2022, for regions and in the tables' world ({@link YearlyInputs#studyCostIndex}). */
    private final double[] studyCostIndex;
    /** F_g(t) of the emigrants to Russia [0] and to every other country [1] ({@link FamilyEmigration}), 1 for the tables' own values. */
    private final double[] familyEmigrationIndex;
    /** Destination group (CIS, Europe, ...; "" for a region). */
    private final String[] group;
    /**
     * Ethnic composition of each region, as cumulative shares (Kazakh, + Russian, + German; the
     * rest "other"), for {@link #drawEthnicity}.
     */
    private final double[][] ethnicCumulative;
    private final double[] initialDiasporaThousands;
    private final double[] studentsEnrolled2022;
    /** A_t: the year's expected school-leaver entrants to higher education, persons ({@link #schoolLeaverEntrants}). */
    private final double schoolLeaverEntrants;
    /** Whether a destination offers state-funded study places (then A_t is an input of the study choice). */
    private final boolean fundedStudyPlaces;
    private final double[] mobility2024;
    private final double[] lat;
    private final double[] lon;
    private final double[] distanceKm;
    private final int russia;
    private final int germany;
    /** The year whose inputs this world holds, or 0 for the tables' own values. */
    private final int year;

    /**
     * The world of the tables' own values (regions: nominal 2022 wages and 2022 unemployment;
     * destinations: 2023 wages at PPP), without the yearly series.
     */
    public World(Scenario s) {
        this(s, 0, null, null);
    }

    /**
     * The world of a calendar year: wages real in tenge of 2023 and unemployment of that year,
     * by the rules of {@link YearlyInputs} (the scenario's table values times the year's factors).
     */
    public World(Scenario s, int year) {
        this(s, year, YearlyInputs.builtIn(), null);
    }

    /**
     * The world of a calendar year in a run: as {@link #World(Scenario, int)}, and the policy
     * modules that depend on demand (visa quotas and caps) see last year's counts.
     *
     * @param lastYear last year's demand, or null when unknown (the first simulated year)
     */
    public World(Scenario s, int year, Demand lastYear) {
        this(s, year, YearlyInputs.builtIn(), lastYear);
    }

    private World(Scenario s, int year, YearlyInputs inputs, Demand lastYear) {
        this.year = inputs == null ? 0 : year;
        familyEmigrationIndex = new double[2];
        for (int g = 0; g < 2; g++) {
            familyEmigrationIndex[g] = inputs == null ? 1.0 : FamilyEmigration.builtIn().index(g == 0, year,
                    s.economy().familyEmigrationMeanOfLastObservedYears(), s.economy().familyEmigrationReturnToMeanPerYear());
        }
        double kzWage = 1.0;
        if (inputs != null) {
            kzWage = inputs.kazakhstanRealWageFactor(year, s.economy().kazakhstanRealWageGrowthPerYearAfterLastObserved());
        }
        List<RegionData> regions = new ArrayList<>(s.regions().values());
        List<DestinationData> dests = new ArrayList<>(s.destinations().values());
        regionCount = regions.size();
        placeCount = regionCount + dests.size();
        int n = placeCount;
        ids = new String[n];
        names = new String[n];
        city = new boolean[n];
        population = new double[n];
        wageKztPerMonth = new double[n];
        employmentProbability = new double[n];
        costOfLivingIndex = new double[n];
        livingStandardIndex = new double[n];
        safetyIndex = new double[n];
        safetyChangeFromTable = new double[n];
        corruptionIndex = new double[n];
        ecologyIndex = new double[n];
        careerIndex = new double[n];
        languageProximity = new double[n];
        studyAccess = new double[n];
        workAccess = new double[n];
        postStudyWorkYears = new double[n];
        graduateCitizenship = new boolean[n];
        universities = new double[n];
        studyQualityIndex = new double[n];
        studyScholarshipIndex = new double[n];
        studyCostIndex = new double[n];
        java.util.Arrays.fill(studyCostIndex, 1.0);
        group = new String[n];
        java.util.Arrays.fill(group, "");
        ethnicCumulative = new double[n][];
        initialDiasporaThousands = new double[n];
        studentsEnrolled2022 = new double[n];
        mobility2024 = new double[n];
        lat = new double[n];
        lon = new double[n];
        KazakhstanIndices kz = s.kazakhstan();
        double ecologySum = 0;
        for (int i = 0; i < regionCount; i++) {
            RegionData r = regions.get(i);
            ids[i] = r.id();
            names[i] = r.name();
            city[i] = r.city();
            population[i] = r.population();
            wageKztPerMonth[i] = r.avgWageKztPerMonth() * kzWage;
            double unemploymentPct = r.unemploymentRatePct()
                    * (inputs == null ? 1.0 : inputs.unemploymentFactor(r.id(), year));
            employmentProbability[i] = 1.0 - Math.min(100.0, unemploymentPct) / 100.0;
            costOfLivingIndex[i] = r.costOfLivingIndex();
            livingStandardIndex[i] = kz.livingStandardIndex();
            safetyIndex[i] = kz.safetyIndex();
            safetyChangeFromTable[i] = kz.safetyIndex() - KazakhstanIndices.builtInSafetyIndex();
            corruptionIndex[i] = kz.corruptionIndex();
            ecologyIndex[i] = r.ecologyIndex();
            ecologySum += r.ecologyIndex();
            careerIndex[i] = r.careerIndex();
            languageProximity[i] = 1.0;
            studyAccess[i] = 1.0;
            workAccess[i] = 1.0;
            universities[i] = r.universities();
            studyQualityIndex[i] = kz.studyQualityIndex();
            double kazakh = r.kazakhSharePct() / 100.0;
            double rus = kazakh + r.russianSharePct() / 100.0;
            ethnicCumulative[i] = new double[] {kazakh, rus, rus + r.germanSharePct() / 100.0};
            lat[i] = r.centreLat();
            lon[i] = r.centreLon();
        }
        double ecologyMean = ecologySum / regionCount;
        int ru = -1;
        int de = -1;
        for (int d = 0; d < dests.size(); d++) {
            DestinationData x = dests.get(d);
            int i = regionCount + d;
            ids[i] = x.id();
            names[i] = x.name();
            if (x.id().equals("DE")) {
                de = i;
            }
            if (x.id().equals("RU")) {
                ru = i;
            }
            // Russia follows its observed real wage, the others one growth rate (YearlyInputs, "Wages")
            wageKztPerMonth[i] = x.wageKztPerMonth() * (inputs == null ? 1.0 : inputs.destinationRealWageFactor(x.id(), year,
                    s.economy().destinationRealWageGrowthPerYear(), s.economy().destinationRealWageGrowthPerYearAfterLastObserved()));
            employmentProbability[i] = x.employmentProbability();
            costOfLivingIndex[i] = 1.0;
            livingStandardIndex[i] = x.livingStandardIndex();
            safetyIndex[i] = x.safetyIndex();
            double tableSafety = DestinationData.builtInSafetyIndex(x.id());
            safetyChangeFromTable[i] = Double.isNaN(tableSafety) ? 0.0 : x.safetyIndex() - tableSafety;
            corruptionIndex[i] = x.corruptionIndex();
            ecologyIndex[i] = ecologyMean;
            careerIndex[i] = x.careerIndex();
            languageProximity[i] = x.languageProximity();
            studyAccess[i] = x.studyAccess();
            workAccess[i] = x.workAccess();
            postStudyWorkYears[i] = x.postStudyWorkYears();
            studyQualityIndex[i] = x.studyQualityIndex();
            studyScholarshipIndex[i] = x.studyScholarshipIndex();
            group[i] = x.group();
            if (inputs != null) {
                studyCostIndex[i] = inputs.studyCostIndex(YearlyInputs.currencyOf(x.id()), year);
            }
            initialDiasporaThousands[i] = x.diasporaThousands();
            studentsEnrolled2022[i] = x.studentsEnrolled2022();
            mobility2024[i] = x.mobility2024();
            lat[i] = x.repLat();
            lon[i] = x.repLon();
        }
        russia = ru;
        germany = de;
        // 0 also when the trend weighs 0, so that years that differ only in τ share one world
        studyTrendYears = inputs == null || s.study() == null || s.study().abroadTrendPerYear() == 0 ? 0.0
                : Math.min(0, year - s.study().abroadTrendEndYear());
        schoolLeaverEntrants = s.population() == null || s.economy() == null ? 0.0
                : YearlyInputs.builtIn().schoolLeavers(inputs == null ? YearlyInputs.REGION_TABLE_YEAR : year,
                        s.population().schoolLeaverCompletionRatio(), s.economy().birthsGrowthPerYearAfterLastObserved())
                        * s.population().higherEducationEntryRate();
        boolean funded = false;
        for (int i = regionCount; i < n && s.study() != null; i++) {
            funded |= s.study().stateFundedPlaces(ids[i]) > 0;
        }
        fundedStudyPlaces = funded;
        if (s.policy() != null) {
            Editor e = new Editor(lastYear, s.run() == null ? 1.0 : s.run().scale());
            for (kz.kosh.scenario.PolicySection m : s.policy().sections()) {
                if (m instanceof WorldAdjustment a) {
                    a.adjustWorld(e);
                }
            }
        }
        if (lastYear != null && lastYear.graduatesLiving() != null && s.economy() != null) {
            DemandResponse.crowdGraduates(employmentProbability, population, regionCount, lastYear.graduatesLiving(),
                    s.economy().graduateJobCapacityRatio(), s.economy().graduateCrowdingElasticity());
        }
        distanceKm = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                distanceKm[a * n + b] = a == b ? 0.0 : greatCircleKm(lat[a], lon[a], lat[b], lon[b]);
            }
        }
    }

    /**
     * Great-circle distance by the haversine formula:
     * d = 2R·asin(√(sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2))), with R = 6371 km.
     */
    public static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    /** The calendar year whose yearly inputs this world holds; 0 for the tables' own values. */
    public int year() {
        return year;
    }

    /**
     * Whether the yearly inputs (wages, employment, the cost of study abroad, the family-emigration index and
     * the school-leaver entrants among whom funded study places are shared, where a destination offers them) and the routes (study and work access,
     * post-study work, graduate citizenship, which visa quotas and caps change with demand)
     * equal those of another world of the same places.
     */
    public boolean sameYearlyInputs(World o) {
        return o != null && java.util.Arrays.equals(wageKztPerMonth, o.wageKztPerMonth)
                && java.util.Arrays.equals(employmentProbability, o.employmentProbability)
                && java.util.Arrays.equals(studyAccess, o.studyAccess)
                && java.util.Arrays.equals(workAccess, o.workAccess)
                && java.util.Arrays.equals(postStudyWorkYears, o.postStudyWorkYears)
                && java.util.Arrays.equals(graduateCitizenship, o.graduateCitizenship)
                && java.util.Arrays.equals(studyCostIndex, o.studyCostIndex)
                && studyTrendYears == o.studyTrendYears
                && java.util.Arrays.equals(studyScholarshipIndex, o.studyScholarshipIndex)
                && java.util.Arrays.equals(familyEmigrationIndex, o.familyEmigrationIndex)
                && (!fundedStudyPlaces || schoolLeaverEntrants == o.schoolLeaverEntrants);
    }

    /**
     * What a policy module may change when a world is built ({@link WorldAdjustment#adjustWorld}):
     * called once per world, never per agent, after the tables and the yearly inputs are in.
     */
    public final class Editor {
        private final Demand lastYear;
        private final double scale;

        private Editor(Demand lastYear, double scale) {
            this.lastYear = lastYear;
            this.scale = scale;
        }

        /** Calls {@code action} with the index of each listed region id this world has (unknown ids are skipped). */
        public void forRegions(java.util.Collection<String> ids, java.util.function.IntConsumer action) {
            for (String id : ids) {
                int r = world().indexOf(id);
                if (r >= 0) {
                    action.accept(r);
                }
            }
        }

        /** The world being built (its getters give the values so far). */
        public World world() {
            return World.this;
        }

        /** Last year's demand, or null when unknown. */
        public Demand lastYear() {
            return lastYear;
        }

        /** Agents per person of the run. */
        public double scale() {
            return scale;
        }

        public void multiplyWage(int place, double factor) {
            wageKztPerMonth[place] *= factor;
        }

        /** Adds {@code points} percentage points to the unemployment rate, which stays in [0, maxRate]. */
        public void addUnemploymentPoints(int place, double points, double maxRate) {
            double u = 1.0 - employmentProbability[place] + points / 100.0;
            employmentProbability[place] = 1.0 - Math.max(0.0, Math.min(maxRate, u));
        }

        public void addLivingStandardIndex(int place, double change) {
            livingStandardIndex[place] = clamp01(livingStandardIndex[place] + change);
        }

        public void addCareerIndex(int place, double change) {
            careerIndex[place] = clamp01(careerIndex[place] + change);
        }

        public void addEcologyIndex(int place, double change) {
            ecologyIndex[place] = clamp01(ecologyIndex[place] + change);
        }

        /**
         * Adds {@code change} to the study-scholarship index of a place (for a region of Kazakhstan: the change
         * of the chance of a tuition-free place from the built-in defaults', {@code kz.kosh.policy.StateGrant}).
         */
        public void addStudyScholarshipIndex(int place, double change) {
            studyScholarshipIndex[place] += change;
        }

        public void setStudyAccess(int place, double access) {
            studyAccess[place] = access;
        }

        public void setWorkAccess(int place, double access) {
            workAccess[place] = access;
        }

        public void setPostStudyWorkYears(int place, double years) {
            postStudyWorkYears[place] = years;
        }

        public void setGraduateCitizenship(int place, boolean on) {
            graduateCitizenship[place] = on;
        }

        private static double clamp01(double x) {
            return Math.max(0.0, Math.min(1.0, x));
        }
    }

    public int regionCount() {
        return regionCount;
    }

    public int placeCount() {
        return placeCount;
    }

    public boolean isAbroad(int place) {
        return place >= regionCount;
    }

    /** Index of a place id, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < placeCount; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public String id(int place) {
        return ids[place];
    }

    public String name(int place) {
        return names[place];
    }

    public boolean isCity(int place) {
        return city[place];
    }

    public double population(int place) {
        return population[place];
    }

    public double wageKztPerMonth(int place) {
        return wageKztPerMonth[place];
    }

    public double employmentProbability(int place) {
        return employmentProbability[place];
    }

    public double costOfLivingIndex(int place) {
        return costOfLivingIndex[place];
    }

    public double livingStandardIndex(int place) {
        return livingStandardIndex[place];
    }

    public double safetyIndex(int place) {
        return safetyIndex[place];
    }

    /**
     * S_j − S_j,ref: place j's safety index less that of the built-in tables (destinations.csv for a
     * destination, defaults.yaml for Kazakhstan's regions), the state of 2022-2023 to which the study
     * constants are fitted; 0 for a destination the built-in table does not hold. The study choice weighs
     * this change, since a constant destination constant absorbs any level (Russia in the baseline:
     * 0.55 − 0.45 = 0.1 before 2022, 0 from 2022).
     */
    public double safetyChangeFromTable(int place) {
        return safetyChangeFromTable[place];
    }

    /**
     * τ(t) = min(0, t − T): years before the end year T of the study choice's internationalisation
     * trend ({@code study.abroadTrendEndYear}); 0 from T on, in the tables' own world (no year) and when
     * the trend's weight {@code study.abroadTrendPerYear} is 0.
     */
    public double studyTrendYears() {
        return studyTrendYears;
    }

    public double corruptionIndex(int place) {
        return corruptionIndex[place];
    }

    public double ecologyIndex(int place) {
        return ecologyIndex[place];
    }

    public double careerIndex(int place) {
        return careerIndex[place];
    }

    public double languageProximity(int place) {
        return languageProximity[place];
    }

    public double studyAccess(int place) {
        return studyAccess[place];
    }

    public double workAccess(int place) {
        return workAccess[place];
    }

    public double postStudyWorkYears(int place) {
        return postStudyWorkYears[place];
    }

    /**
     * Whether a graduate of this place's universities needs no work permit there (Russia's
     * simplified citizenship for its graduates, {@code policy.visaRoutes}); false for regions.
     */
    public boolean graduateCitizenship(int place) {
        return graduateCitizenship[place];
    }

    public double universities(int place) {
        return universities[place];
    }

    public double studyQualityIndex(int place) {
        return studyQualityIndex[place];
    }

    public double studyScholarshipIndex(int place) {
        return studyScholarshipIndex[place];
    }

    /** C_j(t): the cost of a year of study at j relative to Kazakhstani incomes, 1 in 2022 (regions: 1). */
    public double studyCostIndex(int place) {
        return studyCostIndex[place];
    }

    /** The destination group of a place (CIS, Europe, NorthAmerica, Asia, Other; "" for a region). */
    public String group(int place) {
        return group[place];
    }

    /**
     * Share of region r's residents of ethnicity e ({@link Ethnicity}): the region's composition
     * (regions.csv kazakhSharePct, russianSharePct, germanSharePct; "other" the rest).
     */
    public double ethnicShare(int region, int e) {
        double[] c = ethnicCumulative[region];
        double below = e == 0 ? 0.0 : c[e - 1];
        return (e < c.length ? c[e] : 1.0) - below;
    }

    /** The ethnicity of an entrant from region r drawn with uniform u: e with P = {@link #ethnicShare}(r, e). */
    public int drawEthnicity(int region, double u) {
        double[] c = ethnicCumulative[region];
        int e = 0;
        while (e < c.length && u >= c[e]) {
            e++;
        }
        return e;
    }

    /** Index of Germany, or -1 when the table has no DE row. */
    public int germany() {
        return germany;
    }

    /**
     * F_g(t): the family-emigration index of the emigrants to Russia ({@code toRussia}) or to every
     * other country in this world's year ({@link FamilyEmigration}); 1 in the tables' own world (year 0).
     */
    public double familyEmigrationIndex(boolean toRussia) {
        return familyEmigrationIndex[toRussia ? 0 : 1];
    }

    /** The kin-state destination of ethnicity e (Russia for Russians, Germany for Germans), or -1. */
    public int kinState(int e) {
        return e == Ethnicity.RUSSIAN ? russia : e == Ethnicity.GERMAN ? germany : -1;
    }

    /** Index of Russia, or -1 when the table has no RU row. */
    public int russia() {
        return russia;
    }

    public double initialDiasporaThousands(int place) {
        return initialDiasporaThousands[place];
    }

    /**
     * A_t: school leavers of the year times {@code population.higherEducationEntryRate}, persons: the
     * expected entrants straight from school, among whom a host's state-funded places are shared
     * ({@code kz.kosh.decision.StudyChoice}). The year's school leavers for a world of a calendar
     * year, 2022's (the table year) for the table world; 0 when the scenario has no population section.
     */
    public double schoolLeaverEntrants() {
        return schoolLeaverEntrants;
    }

    public double studentsEnrolled2022(int place) {
        return studentsEnrolled2022[place];
    }

    public double mobility2024(int place) {
        return mobility2024[place];
    }

    public double lat(int place) {
        return lat[place];
    }

    public double lon(int place) {
        return lon[place];
    }

    public double distanceKm(int from, int to) {
        return distanceKm[from * placeCount + to];
    }
}
