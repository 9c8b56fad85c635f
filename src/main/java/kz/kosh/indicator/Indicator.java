package kz.kosh.indicator;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One indicator of indicators.csv, defined once: its name, unit, the places it is written for,
 * its definition and how it aggregates over years and replications. A <em>family</em> is a set of
 * indicators sharing a prefix and a definition, one per member ({@code obligation_breaches_<programme>}):
 * its {@link #name()} is the prefix ending in "_", and {@link #of(String)} names a member.
 *
 * @param name         the column value in indicators.csv (snake case; a family's prefix ends in "_")
 * @param unit         one of the unit constants below (the {@code unit} column)
 * @param places       where it is written: the national total "KZ", regions, destinations
 * @param definition   what it measures, one or a few sentences in Markdown (docs/outputs.md)
 * @param overYears    how a period of years is summarised in comparisons
 * @param memberHint   for a family, what its members are ("funding", "programme"); null otherwise
 */
public record Indicator(String name, String unit, Set<Place> places, String definition, OverYears overYears,
                        String memberHint) {
    /** Unit of persons at the end of the year (a stock). */
    public static final String PERSONS = "persons";
    /** Unit of persons moving or counted during the year (a flow). */
    public static final String PERSONS_PER_YEAR = "persons/year";
    /** Unit of a share in [0, 1] (not a percentage). */
    public static final String SHARE = "share";
    /** Unit of a ratio of two counts that may exceed 1. */
    public static final String RATIO = "ratio";
    /** Unit of money: tenge (KZT), nominal. */
    public static final String KZT = "KZT";
    /** Unit of thousands of persons. */
    public static final String THOUSAND_PERSONS = "thousand persons";
    /** Unit of money per additional graduate (a paired comparison's cost ratio). */
    public static final String KZT_PER_GRADUATE = "KZT per graduate";

    /** The units and what they mean (docs/outputs.md). */
    public static final java.util.Map<String, String> UNITS = units();

    private static java.util.Map<String, String> units() {
        java.util.Map<String, String> u = new java.util.LinkedHashMap<>();
        u.put(PERSONS, "a stock on 31 Dec (students abroad, graduates living in a region, ...)");
        u.put(PERSONS_PER_YEAR, "a flow or a count of the year (emigration, first jobs abroad, returns, intentions, ...)");
        u.put(SHARE, "a share in [0, 1] (rates, non-return, retention, willingness); multiply by 100 for %");
        u.put(RATIO, "a ratio of two counts that may exceed 1 (`emigration_per_intention`, `return_rate`)");
        u.put(KZT, "tenge, nominal (repayments recovered, payments, fiscal losses)");
        u.put(THOUSAND_PERSONS, "thousands of persons (`diaspora_thousands`)");
        u.put(KZT_PER_GRADUATE, "tenge per additional graduate living in Kazakhstan, against a reference (`kosh search`)");
        return java.util.Collections.unmodifiableMap(u);
    }

    /** Where an indicator is written. */
    public enum Place {
        /** The national total, place "KZ". */
        NATIONAL("KZ"),
        /** Each of the 20 first-level units (place = region id). */
        REGIONS("regions"),
        /** Each foreign destination (place = destination id). */
        DESTINATIONS("destinations");

        private final String label;

        Place(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * How comparisons summarise the years of a period, per replication (then the mean over
     * replications with a 95% CI: Wilson for shares, Student t otherwise, see {@link #shareInterval()}).
     */
    public enum OverYears {
        /** A flow: the yearly mean and the cumulative total over the period are both meaningful. */
        TOTAL_OR_MEAN("yearly mean; total"),
        /** A stock, a share, a ratio or money a year: the yearly mean over the period. */
        MEAN("yearly mean");

        private final String label;

        OverYears(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Indicator {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("indicator name must be snake case: " + name);
        }
        if (!UNITS.containsKey(unit)) {
            throw new IllegalArgumentException("indicator " + name + ": unknown unit " + unit);
        }
        if (places == null || places.isEmpty()) {
            throw new IllegalArgumentException("indicator " + name + ": no places");
        }
        places = java.util.Collections.unmodifiableSet(EnumSet.copyOf(places));
        if (definition == null || definition.isBlank()) {
            throw new IllegalArgumentException("indicator " + name + ": no definition");
        }
        Objects.requireNonNull(overYears, "overYears");
        if ((memberHint != null) != name.endsWith("_")) {
            throw new IllegalArgumentException("indicator " + name + ": a family's name ends in _ and has a member hint");
        }
    }

    /** A national indicator; flows (persons/year) and KZT a year total over years, everything else averages. */
    public static Indicator national(String name, String unit, String definition) {
        return new Indicator(name, unit, EnumSet.of(Place.NATIONAL), definition, defaultOverYears(unit), null);
    }

    /** A national indicator whose period summary is the yearly mean, never a total: a stock, or an amount that is already a total over a period. */
    public static Indicator stock(String name, String unit, String definition) {
        return new Indicator(name, unit, EnumSet.of(Place.NATIONAL), definition, OverYears.MEAN, null);
    }

    /** An indicator written for the given places. */
    public static Indicator at(String name, String unit, Set<Place> places, String definition) {
        return new Indicator(name, unit, places, definition, defaultOverYears(unit), null);
    }

    /** A national family "prefix&lt;member&gt;"; {@code memberHint} says what the members are. */
    public static Indicator family(String prefix, String memberHint, String unit, String definition) {
        return new Indicator(prefix, unit, EnumSet.of(Place.NATIONAL), definition, defaultOverYears(unit), memberHint);
    }

    /**
     * Flows (persons/year) and money (KZT: an amount of the year, paid, recovered or lost) total
     * over years; stocks, shares and ratios average. A KZT stock is declared with {@link #stock}.
     */
    private static OverYears defaultOverYears(String unit) {
        return PERSONS_PER_YEAR.equals(unit) || KZT.equals(unit) ? OverYears.TOTAL_OR_MEAN : OverYears.MEAN;
    }

    /** True for a family ("name_&lt;member&gt;"). */
    public boolean family() {
        return memberHint != null;
    }

    /** The name of one member of a family ("obligation_breaches_" + "bolashak"). */
    public String of(String member) {
        if (!family()) {
            throw new IllegalStateException(name + " is not a family");
        }
        return name + member;
    }

    /** True when values are shares in [0, 1]: their CIs over replications are Wilson intervals. */
    public boolean shareInterval() {
        return SHARE.equals(unit);
    }

    /** A flow counted per year: its cumulative total over a period is meaningful. */
    public boolean flow() {
        return overYears == OverYears.TOTAL_OR_MEAN;
    }

    /** How it is written in docs: `name` or `name<member>`. */
    public String display() {
        return family() ? "`" + name + "<" + memberHint + ">`" : "`" + name + "`";
    }

    @Override
    public String toString() {
        return name;
    }
}
