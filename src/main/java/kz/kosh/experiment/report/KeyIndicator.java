package kz.kosh.experiment.report;

import kz.kosh.output.Indicators;

/**
 * The key indicators of comparisons: the one list that the headline (printed by
 * {@code compare}/{@code experiment} and on top of report.html), headline.csv, the report's table
 * and its difference charts use. Units come from {@link Indicators#unit}.
 */
public enum KeyIndicator {
    EMIGRATION("emigration", "KZ", "graduate emigration",
            "Emigration of graduates from Kazakhstan (persons per year)"),
    FIRST_JOB_ABROAD("first_job_abroad", "KZ", "first jobs abroad",
            "New graduates whose first job is abroad (persons per year)"),
    DEPARTURES("graduate_departures_total", "KZ", "emigration + first jobs abroad after study in Kazakhstan",
            "All graduate departures: emigration + first job abroad after study in Kazakhstan (persons per year)"),
    RETURNS("returns", "KZ", "returns of graduates", "Returns of graduates from abroad (persons per year)"),
    FIRST_JOB_ABROAD_BOLASHAK("first_job_abroad_share_bolashak", "KZ", "Bolashak first jobs abroad",
            "First job abroad, Bolashak: share of Bolashak graduates of foreign universities whose first job is abroad"),
    FIRST_JOB_ABROAD_STATE_GRANT("first_job_abroad_share_state-grant", "KZ", "state-grant first jobs abroad",
            "First job abroad, state grant: share of state-grant graduates of foreign universities whose first job is abroad"),
    FIRST_JOB_ABROAD_SELF_PAID("first_job_abroad_share_self-paid", "KZ", "self-paid first jobs abroad",
            "First job abroad, self-paid: share of self-paid graduates of foreign universities whose first job is abroad"),
    NONRETURN_BOLASHAK("nonreturn_share_bolashak", "KZ", "Bolashak graduates abroad N years after graduating",
            "Non-return, Bolashak: share of Bolashak graduates of N years ago (run.nonReturnYearsAfterGraduation) "
                    + "not living in Kazakhstan"),
    NONRETURN_STATE_GRANT("nonreturn_share_state-grant", "KZ", "state-grant graduates abroad N years after graduating",
            "Non-return, state grant: share of state-grant graduates of N years ago not living in Kazakhstan"),
    FISCAL_LOSS_BOLASHAK("fiscal_loss_kzt_bolashak", "KZ", "fiscal loss from Bolashak graduates abroad",
            "Fiscal loss, Bolashak: programme cost x Bolashak graduates of N years ago not living in Kazakhstan (KZT)"),
    STUDENTS_ABROAD("students_abroad", "KZ", "students abroad", "Kazakhstani students abroad (persons, end of year)"),
    GRADUATES_ABROAD_SHARE("docquier_rapoport_share", "KZ", "share of graduates living abroad",
            "Graduates abroad / all graduates (Docquier\u2013Rapoport brain-drain rate)"),
    WILLINGNESS("willingness_to_emigrate_share", "KZ", "willingness to emigrate",
            "Willingness to emigrate (mean, graduates in Kazakhstan)"),
    RETENTION_ASTANA("retention_own_graduates", "KZ-71", "retention of Astana's own graduates",
            "Retention of own graduates, Astana: share of its graduates living there"),
    RETENTION_ATYRAU("retention_own_graduates", "KZ-23", "retention of Atyrau's own graduates",
            "Retention of own graduates, Atyrau Region: share of its graduates living there"),
    RETENTION_TURKISTAN("retention_own_graduates", "KZ-61", "retention of Turkistan's own graduates",
            "Retention of own graduates, Turkistan Region: share of its graduates living there"),
    FISCAL_LOSS("mobility_fiscal_loss_kzt", "KZ", "fiscal loss from mobility participants abroad",
            "Fiscal loss: state-funded mobility participants staying abroad (KZT)");

    private final String indicator;
    private final String place;
    private final String shortLabel;
    private final String label;

    KeyIndicator(String indicator, String place, String shortLabel, String label) {
        this.indicator = indicator;
        this.place = place;
        this.shortLabel = shortLabel;
        this.label = label;
    }

    /** Indicator name in indicators.csv / summary.csv. */
    public String indicator() {
        return indicator;
    }

    /** Place code ("KZ" for the national value). */
    public String place() {
        return place;
    }

    /** Words for a sentence ("graduate emigration"). */
    public String shortLabel() {
        return shortLabel;
    }

    /** Table heading with the definition. */
    public String label() {
        return label;
    }

    /** The key indicator of an indicator at a place; null when it is not one. */
    public static KeyIndicator of(String indicator, String place) {
        for (KeyIndicator k : values()) {
            if (k.indicator.equals(indicator) && k.place.equals(place)) {
                return k;
            }
        }
        return null;
    }

    /** Key of an {@link kz.kosh.experiment.IndicatorTable}: "indicator|place". */
    public String tableKey() {
        return indicator + "|" + place;
    }

    /** The unit (persons, persons/year, share, KZT ...). */
    public String unit() {
        return Indicators.unit(indicator);
    }

    public boolean isShare() {
        return Indicators.isShare(indicator);
    }

    /** A flow counted per year: its cumulative total over a period is meaningful. */
    public boolean isFlow() {
        return Indicators.PERSONS_PER_YEAR.equals(unit());
    }

    public boolean national() {
        return place.equals(Indicators.NATIONAL);
    }

    /** indicator, or indicator@place for a regional one. */
    public String code() {
        return national() ? indicator : indicator + "@" + place;
    }
}
