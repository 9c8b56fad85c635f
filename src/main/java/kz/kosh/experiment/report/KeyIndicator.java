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
public final class KeyIndicator {
    private static final java.util.List<KeyIndicator> KEYS = new java.util.ArrayList<>();
    /** Other indicators a scenario's {@code headline} names, made once each (so == compares them). */
    private static final java.util.Map<String, KeyIndicator> OTHERS = new java.util.concurrent.ConcurrentHashMap<>();

    public static final KeyIndicator EMIGRATION = key("EMIGRATION", CoreIndicators.EMIGRATION.name(), Indicators.NATIONAL, "graduate emigration",
            "Emigration of graduates from Kazakhstan (persons per year)");
    public static final KeyIndicator FIRST_JOB_ABROAD = key("FIRST_JOB_ABROAD", CoreIndicators.FIRST_JOB_ABROAD.name(), Indicators.NATIONAL, "first jobs abroad",
            "New graduates whose first job is abroad (persons per year)");
    public static final KeyIndicator DEPARTURES = key("DEPARTURES", CoreIndicators.GRADUATE_DEPARTURES_TOTAL.name(), Indicators.NATIONAL, "emigration + first jobs abroad after study in Kazakhstan",
            "All graduate departures: emigration + first job abroad after study in Kazakhstan (persons per year)");
    public static final KeyIndicator RETURNS = key("RETURNS", CoreIndicators.RETURNS.name(), Indicators.NATIONAL, "returns of graduates", "Returns of graduates from abroad (persons per year)");
    public static final KeyIndicator FIRST_JOB_ABROAD_BOLASHAK = key("FIRST_JOB_ABROAD_BOLASHAK", CoreIndicators.FIRST_JOB_ABROAD_SHARE_BY_FUNDING.of("bolashak"), Indicators.NATIONAL, "Bolashak first jobs abroad",
            "First job abroad, Bolashak: share of Bolashak graduates of foreign universities whose first job is abroad");
    public static final KeyIndicator FIRST_JOB_ABROAD_STATE_GRANT = key("FIRST_JOB_ABROAD_STATE_GRANT", CoreIndicators.FIRST_JOB_ABROAD_SHARE_BY_FUNDING.of("state-grant"), Indicators.NATIONAL, "state-grant first jobs abroad",
            "First job abroad, state grant: share of state-grant graduates of foreign universities whose first job is abroad");
    public static final KeyIndicator FIRST_JOB_ABROAD_SELF_PAID = key("FIRST_JOB_ABROAD_SELF_PAID", CoreIndicators.FIRST_JOB_ABROAD_SHARE_BY_FUNDING.of("self-paid"), Indicators.NATIONAL, "self-paid first jobs abroad",
            "First job abroad, self-paid: share of self-paid graduates of foreign universities whose first job is abroad");
    public static final KeyIndicator NONRETURN_BOLASHAK = key("NONRETURN_BOLASHAK", CoreIndicators.ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.of("bolashak"), Indicators.NATIONAL, "Bolashak graduates abroad N years after graduating",
            "Non-return, Bolashak: share of Bolashak graduates of N years ago (run.nonReturnYearsAfterGraduation) "
                    + "not living in Kazakhstan");
    public static final KeyIndicator NONRETURN_STATE_GRANT = key("NONRETURN_STATE_GRANT", CoreIndicators.ABROAD_N_YEARS_AFTER_GRADUATION_SHARE.of("state-grant"), Indicators.NATIONAL, "state-grant graduates abroad N years after graduating",
            "Non-return, state grant: share of state-grant graduates of N years ago not living in Kazakhstan");
    public static final KeyIndicator FISCAL_LOSS_BOLASHAK = key("FISCAL_LOSS_BOLASHAK", CoreIndicators.FISCAL_LOSS_KZT.of("bolashak"), Indicators.NATIONAL, "fiscal loss from Bolashak graduates abroad",
            "Fiscal loss, Bolashak: programme cost x Bolashak graduates of N years ago not living in Kazakhstan (KZT)");
    public static final KeyIndicator STUDENTS_ABROAD = key("STUDENTS_ABROAD", CoreIndicators.STUDENTS_ABROAD.name(), Indicators.NATIONAL, "students abroad", "Kazakhstani students abroad (persons, end of year)");
    public static final KeyIndicator GRADUATES_ABROAD = key("GRADUATES_ABROAD", CoreIndicators.GRADUATES_ABROAD.name(), Indicators.NATIONAL, "graduates living abroad",
            "Kazakhstani graduates living abroad (persons, end of year)");
    public static final KeyIndicator GRADUATES_ABROAD_SHARE = key("GRADUATES_ABROAD_SHARE", CoreIndicators.DOCQUIER_RAPOPORT_SHARE.name(), Indicators.NATIONAL, "share of graduates living abroad",
            "Graduates abroad / all graduates (Docquier\u2013Rapoport brain-drain rate)");
    public static final KeyIndicator WILLINGNESS = key("WILLINGNESS", CoreIndicators.WILLINGNESS_TO_EMIGRATE_SHARE.name(), Indicators.NATIONAL, "willingness to emigrate",
            "Willingness to emigrate (mean, graduates in Kazakhstan)");
    public static final KeyIndicator RETENTION_ASTANA = key("RETENTION_ASTANA", CoreIndicators.RETENTION_OWN_GRADUATES.name(), "KZ-71", "retention of Astana's own graduates",
            "Retention of own graduates, Astana: share of its graduates living there");
    public static final KeyIndicator RETENTION_ATYRAU = key("RETENTION_ATYRAU", CoreIndicators.RETENTION_OWN_GRADUATES.name(), "KZ-23", "retention of Atyrau's own graduates",
            "Retention of own graduates, Atyrau Region: share of its graduates living there");
    public static final KeyIndicator RETENTION_TURKISTAN = key("RETENTION_TURKISTAN", CoreIndicators.RETENTION_OWN_GRADUATES.name(), "KZ-61", "retention of Turkistan's own graduates",
            "Retention of own graduates, Turkistan Region: share of its graduates living there");
    public static final KeyIndicator FISCAL_LOSS = key("FISCAL_LOSS", CoreIndicators.MOBILITY_FISCAL_LOSS_KZT.name(), Indicators.NATIONAL, "fiscal loss from mobility participants abroad",
            "Fiscal loss: state-funded mobility participants staying abroad (KZT)");

    private final String name;
    private final Indicator definition;
    private final String indicator;
    private final String place;
    private final String shortLabel;
    private final String label;
    /** Position in {@link #values()}; -1 for an indicator a scenario names that is not a key indicator. */
    private final int ordinal;

    private KeyIndicator(String name, String indicator, String place, String shortLabel, String label, int ordinal) {
        this.name = name;
        this.definition = java.util.Objects.requireNonNull(IndicatorRegistry.find(indicator), indicator);
        this.indicator = indicator;
        this.place = place;
        this.shortLabel = shortLabel;
        this.label = label;
        this.ordinal = ordinal;
    }

    private static KeyIndicator key(String name, String indicator, String place, String shortLabel, String label) {
        KeyIndicator k = new KeyIndicator(name, indicator, place, shortLabel, label, KEYS.size());
        KEYS.add(k);
        return k;
    }

    /** The key indicators, in the order of the report's table. */
    public static KeyIndicator[] values() {
        return KEYS.toArray(new KeyIndicator[0]);
    }

    /** The constant's name ("EMIGRATION"), or the code ({@link #code()}) of another indicator. */
    public String name() {
        return name;
    }

    /** Position in {@link #values()}, -1 when not a key indicator. */
    public int ordinal() {
        return ordinal;
    }

    /** True for one of the fixed key indicators (false for another indicator a scenario's headline names). */
    public boolean isKey() {
        return ordinal >= 0;
    }

    /**
     * Any indicator written to indicators.csv at a place, as a headline series: the key indicator
     * when it is one, else a series labelled from the registry (its name in words). Null when
     * Kosh does not compute the name.
     */
    public static KeyIndicator series(String indicator, String place) {
        KeyIndicator k = of(indicator, place);
        if (k != null) {
            return k;
        }
        Indicator def = IndicatorRegistry.find(indicator);
        if (def == null) {
            return null;
        }
        String code = Indicators.NATIONAL.equals(place) ? indicator : indicator + "@" + place;
        return OTHERS.computeIfAbsent(code, c -> {
            String words = def.family()
                    ? words(def.name()) + " (" + indicator.substring(def.name().length()) + ")"
                    : words(indicator);
            String at = Indicators.NATIONAL.equals(place) ? "" : " in " + place;
            return new KeyIndicator(c, indicator, place, words + at, words + at + " (" + def.unit() + ")", -1);
        });
    }

    /** An indicator name in words: underscores as spaces, the unit word "kzt" left out (the unit is shown). */
    private static String words(String name) {
        return String.join(" ", java.util.Arrays.stream(name.split("_")).filter(w -> !w.isEmpty() && !w.equals("kzt"))
                .toList());
    }

    /** A headline entry "indicator" or "indicator@place" as a series; null when Kosh does not compute it. */
    public static KeyIndicator parse(String code) {
        int at = code.indexOf('@');
        return at < 0 ? series(code, Indicators.NATIONAL) : series(code.substring(0, at), code.substring(at + 1));
    }

    @Override
    public String toString() {
        return name;
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
