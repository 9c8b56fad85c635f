package kz.kosh.experiment.report;

import kz.kosh.indicator.CoreIndicators;
import kz.kosh.indicator.Indicator;
import kz.kosh.indicator.IndicatorRegistry;
import kz.kosh.output.Indicators;


/**
 * The key indicators of comparisons: the one list that the headline (printed by
 * {@code compare}/{@code experiment} and on top of report.html), headline.csv, the report's table
 * and its difference charts use. Units and definitions come from the indicator registry (kz.kosh.indicator).
 */
public enum KeyIndicator {
    EMIGRATION(CoreIndicators.EMIGRATION.name(), Indicators.NATIONAL, "graduate emigration",
            "Emigration of graduates from Kazakhstan (persons per year)"),
    FIRST_JOB_ABROAD(CoreIndicators.FIRST_JOB_ABROAD.name(), Indicators.NATIONAL, "first jobs abroad",
            "New graduates whose first job is abroad (persons per year)"),
    DEPARTURES(CoreIndicators.GRADUATE_DEPARTURES_TOTAL.name(), Indicators.NATIONAL, "emigration + first jobs abroad after study in Kazakhstan",
            "All graduate departures: emigration + first job abroad after study in Kazakhstan (persons per year)"),
    RETURNS(CoreIndicators.RETURNS.name(), Indicators.NATIONAL, "returns of graduates", "Returns of graduates from abroad (persons per year)"),
    FIRST_JOB_ABROAD_BOLASHAK(CoreIndicators.FIRST_JOB_ABROAD_SHARE_BY_FUNDING.of("bolashak"), Indicators.NATIONAL, "Bolashak first jobs abroad",
            "First job abroad, Bolashak: share of Bolashak graduates of foreign universities whose first job is abroad"),
    FIRST_JOB_ABROAD_STATE_GRANT(CoreIndicators.FIRST_JOB_ABROAD_SHARE_BY_FUNDING.of("state-grant"), Indicators.NATIONAL, "state-grant first jobs abroad",
            "First job abroad, state grant: share of state-grant graduates of foreign universities whose first job is abroad"),
    FIRST_JOB_ABROAD_SELF_PAID(CoreIndicators.FIRST_JOB_ABROAD_SHARE_BY_FUNDING.of("self-paid"), Indicators.NATIONAL, "self-paid first jobs abroad",
            "First job abroad, self-paid: share of self-paid graduates of foreign universities whose first job is abroad"),
    NONRETURN_BOLASHAK(CoreIndicators.ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.of("bolashak"), Indicators.NATIONAL, "Bolashak graduates abroad N years after graduating",
            "Non-return, Bolashak: share of Bolashak graduates of N years ago (run.nonReturnYearsAfterGraduation) "
                    + "not living in Kazakhstan"),
    NONRETURN_STATE_GRANT(CoreIndicators.ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.of("state-grant"), Indicators.NATIONAL, "state-grant graduates abroad N years after graduating",
            "Non-return, state grant: share of state-grant graduates of N years ago not living in Kazakhstan"),
    FISCAL_LOSS_BOLASHAK(CoreIndicators.FISCAL_LOSS_KZT.of("bolashak"), Indicators.NATIONAL, "fiscal loss from Bolashak graduates abroad",
            "Fiscal loss, Bolashak: programme cost x Bolashak graduates of N years ago not living in Kazakhstan (KZT)"),
    STUDENTS_ABROAD(CoreIndicators.STUDENTS_ABROAD.name(), Indicators.NATIONAL, "students abroad", "Kazakhstani students abroad (persons, end of year)"),
    GRADUATES_ABROAD_SHARE(CoreIndicators.DOCQUIER_RAPOPORT_SHARE.name(), Indicators.NATIONAL, "share of graduates living abroad",
            "Graduates abroad / all graduates (Docquier\u2013Rapoport brain-drain rate)"),
    WILLINGNESS(CoreIndicators.WILLINGNESS_TO_EMIGRATE_SHARE.name(), Indicators.NATIONAL, "willingness to emigrate",
            "Willingness to emigrate (mean, graduates in Kazakhstan)"),
    RETENTION_ASTANA(CoreIndicators.RETENTION_OWN_GRADUATES.name(), "KZ-71", "retention of Astana's own graduates",
            "Retention of own graduates, Astana: share of its graduates living there"),
    RETENTION_ATYRAU(CoreIndicators.RETENTION_OWN_GRADUATES.name(), "KZ-23", "retention of Atyrau's own graduates",
            "Retention of own graduates, Atyrau Region: share of its graduates living there"),
    RETENTION_TURKISTAN(CoreIndicators.RETENTION_OWN_GRADUATES.name(), "KZ-61", "retention of Turkistan's own graduates",
            "Retention of own graduates, Turkistan Region: share of its graduates living there"),
    FISCAL_LOSS(CoreIndicators.MOBILITY_FISCAL_LOSS_KZT.name(), Indicators.NATIONAL, "fiscal loss from mobility participants abroad",
            "Fiscal loss: state-funded mobility participants staying abroad (KZT)");

    private final Indicator definition;
    private final String indicator;
    private final String place;
    private final String shortLabel;
    private final String label;

    KeyIndicator(String indicator, String place, String shortLabel, String label) {
        this.definition = java.util.Objects.requireNonNull(IndicatorRegistry.find(indicator), indicator);
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
        return definition.unit();
    }

    public boolean isShare() {
        return definition.shareInterval();
    }

    /** A flow counted per year: its cumulative total over a period is meaningful. */
    public boolean isFlow() {
        return definition.flow();
    }

    public boolean national() {
        return place.equals(Indicators.NATIONAL);
    }

    /** indicator, or indicator@place for a regional one. */
    public String code() {
        return national() ? indicator : indicator + "@" + place;
    }
}
