package kz.kosh.experiment.hindcast;


import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Observed yearly series for the hindcast, read from the classpath
 * ({@code kz/kosh/data/series/*.csv}; sources and caveats in SOURCES.md beside them).
 */
public final class Observed {
    /** Share of emigrants with higher education: 35.5% of emigrants older than 15 (BNS, January-June 2022, T93, [PR]). */
    public static final double EMIGRANT_HIGHER_ED_SHARE_LOW = 0.355;
    /** Share of emigrants with higher education: 38% of emigrants 2011-2022 ([N24], docs/evidence.md). */
    public static final double EMIGRANT_HIGHER_ED_SHARE_HIGH = 0.38;
    /**
     * Share of emigrants older than 15 (the base of the higher-education share): 25.1 of 34.2 thousand
     * in January-September 2019 (T91), the lowest of the three BNS figures (emigration_composition.csv).
     */
    public static final double EMIGRANT_ADULT_SHARE_LOW = 0.734;
    /** Share of emigrants older than 15: 5.6 of 7.3 thousand in January-March 2020 (T92); 76.2% in January-June 2022 (T93). */
    public static final double EMIGRANT_ADULT_SHARE_HIGH = 0.767;
    /**
     * Share of emigrants with higher education who are at most the model's decision age (40,
     * {@code population.maxDecisionAgeYears}): an assumption built from the age figures. Over 25% of
     * emigrants were aged 15-28 (T94) and 26.6% children (T91), so over 34% of those older than 15
     * were 15-28, about half of them old enough for a degree (22+); the working-age adults (94% of
     * those older than 15, T91) spread evenly over 29-62 put about 21% at 29-40: (17% + 21%) / 83%
     * of adults 22+ = 0.46. Younger emigrants hold degrees more often (the share with higher education
     * grew from 19.8% in the 2009 census to 27.6% in 2021), so the band reaches 0.65.
     */
    public static final double EMIGRANT_GRADUATE_DECISION_AGE_SHARE_LOW = 0.45;
    /** Upper end of {@link #EMIGRANT_GRADUATE_DECISION_AGE_SHARE_LOW}'s band (assumption). */
    public static final double EMIGRANT_GRADUATE_DECISION_AGE_SHARE_HIGH = 0.65;

    /**
     * One observed value. {@code low} and {@code high} equal {@code value} for a point; for a
     * band (a range of plausible values) {@code value} is its midpoint.
     */
    public record Point(int year, double value, double low, double high, String source, String note) {
        public boolean isBand() {
            return high > low;
        }
    }

    private Observed() {
    }

    /** The rows of a series file as maps column -> text (empty text for a blank field): {@link kz.kosh.world.YearlyInputs#table}. */
    public static List<Map<String, String>> table(String file) {
        return kz.kosh.world.YearlyInputs.table(file);
    }

    /** Points of one numeric column, rows selected by {@code filter}; rows with a blank value are left out. */
    static List<Point> column(String file, String column, Predicate<Map<String, String>> filter) {
        List<Point> out = new ArrayList<>();
        for (Map<String, String> row : table(file)) {
            String v = row.getOrDefault(column, "").trim();
            if (v.isEmpty() || !filter.test(row)) {
                continue;
            }
            double x = Double.parseDouble(v);
            out.add(new Point(Integer.parseInt(row.get("year").trim()), x, x, x, row.getOrDefault("source_id", ""),
                    row.getOrDefault("note", "")));
        }
        return out;
    }

    /**
     * students_abroad.csv, destination ALL: outbound students derived from UNESCO UIS (2000-2020), each at
     * the model's year: UIS labels a year by the academic year that ends in it (the UIS reader's guide,
     * September 2021: data "for the school or reference year ending in" that year), so UIS year Y,
     * the academic year Y − 1/Y, is the model's stock on 31 December of Y − 1 (docs/evidence.md, eighth round).
     */
    public static List<Point> studentsAbroad() {
        List<Point> out = new ArrayList<>();
        for (Point p : column("students_abroad.csv", "students", r -> "ALL".equals(r.get("destination")))) {
            out.add(new Point(p.year() - UIS_YEAR_SHIFT, p.value(), p.low(), p.high(), p.source(),
                    "UIS " + p.year() + ": " + p.note()));
        }
        return out;
    }

    /** UIS year Y is the model's year Y − 1 ({@link #studentsAbroad}). */
    public static final int UIS_YEAR_SHIFT = 1;

    /** students_abroad.csv, destination Russia: officials' round figures (2018 includes colleges). */
    public static List<Point> studentsInRussia() {
        return column("students_abroad.csv", "students", r -> "Russia".equals(r.get("destination")));
    }

    /** higher_education.csv {@code students}: students in Kazakhstani universities at the start of the academic year. */
    public static List<Point> studentsInKazakhstan() {
        return column("higher_education.csv", "students", r -> true);
    }

    /** higher_education.csv {@code entrants}: admitted to Kazakhstani universities. */
    public static List<Point> entrantsInKazakhstan() {
        return column("higher_education.csv", "entrants", r -> true);
    }

    /** higher_education.csv {@code graduates}: completed in the previous academic year. */
    public static List<Point> graduatesInKazakhstan() {
        return column("higher_education.csv", "graduates", r -> true);
    }

    /** school_leavers.csv {@code grade11_graduates} (mixed definitions; each row's note says which). */
    public static List<Point> schoolLeavers() {
        return column("school_leavers.csv", "grade11_graduates", r -> true);
    }

    /** graduates_hired.csv (BNS B5); rows whose note says "do not use" (2025, a part year) are left out. */
    public static List<Point> graduatesHired() {
        return column("graduates_hired.csv", "graduates_hired",
                r -> !r.getOrDefault("note", "").toLowerCase(java.util.Locale.ROOT).contains("do not use"));
    }

    /** migration.csv {@code emigrants}: all external departures, all ages and education levels (BNS). */
    public static List<Point> emigrants() {
        return column("migration.csv", "emigrants", r -> true);
    }

    /**
     * Emigrants comparable with the model's emigrating graduates (the measurement model of graduate
     * emigration): all registered emigrants (all ages) x the share older than 15 x the share of
     * those with higher education x the share of those at most the model's decision age, each a
     * band, multiplied low with low and high with high:
     * <pre>
     *   low  = E · 0.734 · 0.355 · 0.45  (= 0.1173·E)
     *   high = E · 0.767 · 0.38  · 0.65  (= 0.1895·E)
     * </pre>
     * a band per year whose value is the midpoint. Until December 2026 the band was E x [35.5%, 38%],
     * which applied a share of emigrants older than 15 to all ages and counted graduates older than
     * the model's decision age.
     */
    public static List<Point> emigrantsWithHigherEducation() {
        List<Point> out = new ArrayList<>();
        for (Point p : emigrants()) {
            double lo = p.value() * EMIGRANT_ADULT_SHARE_LOW * EMIGRANT_HIGHER_ED_SHARE_LOW * EMIGRANT_GRADUATE_DECISION_AGE_SHARE_LOW;
            double hi = p.value() * EMIGRANT_ADULT_SHARE_HIGH * EMIGRANT_HIGHER_ED_SHARE_HIGH * EMIGRANT_GRADUATE_DECISION_AGE_SHARE_HIGH;
            out.add(new Point(p.year(), (lo + hi) / 2, lo, hi, p.source(), p.note()));
        }
        return out;
    }
}
