package kz.kosh.policy;

import kz.kosh.indicator.Indicator;
import kz.kosh.scenario.Fields;
import kz.kosh.scenario.Param;
import kz.kosh.world.World;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Relocation programme from labour-surplus to labour-deficit regions: a subsidy of the move.
 * In the tables: R_cj = subsidy for a move from a listed labour-surplus region c to a listed
 * labour-deficit region j, added to the NPV of the move.
 *
 * <p>Places (a lever; 0 = unlimited, the status quo): with P places a year, at most P·scale
 * qualifying movers are subsidised, and a graduate weighing the move expects the subsidy times
 * the chance of a place: R_cj = subsidy · min(1, P·scale / Q), Q the qualifying moves of the
 * previous year (the merged yearly counters, so independent of the thread count; the first
 * simulated year and a year after none count Q as 0, chance 1). Relocations subsidised in a
 * year: min(Q_t, P·scale), all qualifying moves when unlimited ({@link #subsidised}).
 *
 * @param enabled       whether the programme runs
 * @param subsidyKzt    subsidy per relocating graduate, KZT
 * @param fromRegions   labour-surplus regions whose movers qualify
 * @param toRegions     labour-deficit regions that qualify as destinations
 * @param placesPerYear subsidised relocations per year, persons (0: unlimited)
 */
public record Relocation(boolean enabled, double subsidyKzt, List<String> fromRegions, List<String> toRegions,
                         double placesPerYear)
        implements PolicyModule {

    public static final String SECTION = "relocation";
    public static final Param ENABLED = Param.other(SECTION, "enabled", "switch", "relocation programme on",
            "[PR]: relocation programme running; 2024: 6,148 people in 1,769 families relocated [AI25]");
    public static final Param SUBSIDY = Param.of(SECTION, "subsidyKzt", 0, 1e9, "KZT per relocating graduate",
            "relocation subsidy (KZT)",
            "assumption: subsidies cover moving and housing ([PR]); the amount per person was not compiled");
    public static final Param FROM = Param.other(SECTION, "fromRegions", "region ids (ISO 3166-2:KZ)",
            "relocation from regions", "[AI25]: relocation from labour-surplus southern regions; the list (Turkistan "
                    + "KZ-61, Jambyl KZ-31, Kyzylorda KZ-43, Mangystau KZ-47, Shymkent KZ-79, Almaty Region KZ-19) follows "
                    + "the programme's labour-surplus regions (approx., not verified here)");
    public static final Param TO = Param.other(SECTION, "toRegions", "region ids (ISO 3166-2:KZ)",
            "relocation to regions", "[AI25]: relocation to labour-deficit northern regions; the list (North Kazakhstan "
                    + "KZ-59, Kostanay KZ-39, Pavlodar KZ-55, Akmola KZ-11, East Kazakhstan KZ-63, Abai KZ-10, Karaganda "
                    + "KZ-35, Ulytau KZ-62) follows the programme's labour-deficit regions (approx., not verified here)");
    public static final Param PLACES = Param.of(SECTION, "placesPerYear", 0, 1e7, "persons per year",
            "relocation places per year", "lever (0 = unlimited, the status quo of the calibrated baseline): 2024: "
                    + "6,148 people in 1,769 families relocated [AI25] (people, not only graduates: a cap of 6,148 "
                    + "graduates is an upper bound)");
    public static final List<Param> PARAMS = List.of(ENABLED, SUBSIDY, FROM, TO, PLACES);
    public static final Indicator QUALIFYING_MOVES = Indicator.national("relocation_qualifying_moves",
            Indicator.PERSONS_PER_YEAR, "when the scenario caps the relocation places or changes the programme in its "
                    + "timeline: moves that qualify");
    public static final Indicator PAYMENTS = Indicator.national("relocation_payments", Indicator.PERSONS_PER_YEAR,
            "with `relocation_qualifying_moves`: relocations subsidised (min(qualifying, places))");
    public static final Indicator PAYMENTS_KZT = Indicator.national("relocation_payments_kzt", Indicator.KZT,
            "the KZT of `relocation_payments`");

    /** Moves that qualify for the subsidy (Q). */
    public static final Counter QUALIFYING = Counter.of("relocation.qualifying");
    /** Derived at the year's end ({@link #closeYear}): relocations subsidised (agents, fractional when the scaled places are), their KZT. */
    public static final Counter SUBSIDISED = Counter.of("relocation.subsidised");
    public static final Counter SUBSIDISED_KZT = Counter.of("relocation.subsidisedKzt");
    /** Derived at the year's end: the KZT of the year per qualifying move, S / Q (0 without moves; the payment ledger's price). */
    public static final Counter KZT_PER_QUALIFYING_MOVE = Counter.of("relocation.kztPerQualifyingMove");

    /** The plug-in: section, parameters, reader, checks, indicators ({@link Programmes}). */
    public static final Programme PROGRAMME = Programme.of(SECTION, PARAMS, (f, c) -> read(f, c.regionIds()))
            .withCheck(Relocation.class, Relocation::checkRegions)
            .withIndicators(QUALIFYING_MOVES, PAYMENTS, PAYMENTS_KZT);

    public static Relocation read(Fields f, List<String> regionIds) {
        Set<String> ids = new LinkedHashSet<>(regionIds);
        return new Relocation(ENABLED.bool(f), SUBSIDY.number(f), List.copyOf(f.ids(FROM.name(), ids)),
                List.copyOf(f.ids(TO.name(), ids)), PLACES.number(f));
    }

    /** Whether the places are capped. */
    public boolean capped() {
        return enabled && placesPerYear > 0;
    }

    /**
     * The chance of a subsidised place a mover expects: min(1, P·scale / Q) with Q last year's
     * qualifying moves (in agents); 1 when unlimited or when Q = 0.
     */
    public double placeChance(double scale, long lastYearQualifying) {
        if (!capped() || lastYearQualifying <= 0) {
            return 1.0;
        }
        return Math.min(1.0, placesPerYear * scale / lastYearQualifying);
    }

    /** Relocations subsidised this year, in agents: min(Q_t, P·scale), or Q_t when unlimited. */
    public double subsidised(double scale, long qualifying) {
        return capped() ? Math.min(qualifying, placesPerYear * scale) : qualifying;
    }

    /** Whether a move from c to j qualifies for the subsidy. */
    public boolean qualifies(World w, int c, int j) {
        return moneyKzt(w, c, j, 0, false) > 0;
    }

    /** Subsidy of a move from one region to another, KZT (0 when it does not qualify). */
    public double subsidyKzt(String from, String to) {
        return enabled && fromRegions.contains(from) && toRegions.contains(to) ? subsidyKzt : 0.0;
    }

    /** R_cj of the class comment (0 from or to a foreign place, and when staying). */
    @Override
    public double moneyKzt(World w, int c, int j, int obligation, boolean eligible) {
        return c != j && !w.isAbroad(c) && !w.isAbroad(j) ? subsidyKzt(w.id(c), w.id(j)) : 0.0;
    }

    /**
     * A qualifying move (tabulated per pair of places for the world) is counted and paid, at the
     * year's end, the year's subsidy per qualifying move ({@link #KZT_PER_QUALIFYING_MOVE}).
     */
    @Override
    public MoveHook moveHook(World w) {
        if (!enabled) {
            return null;
        }
        int n = w.placeCount();
        boolean[] qualifies = new boolean[n * n];
        for (int c = 0; c < n; c++) {
            for (int j = 0; j < n; j++) {
                qualifies[c * n + j] = qualifies(w, c, j);
            }
        }
        return (m, counts) -> {
            if (qualifies[m.from() * n + m.to()]) {
                counts.add(QUALIFYING, 1);
                m.paidAtYearEnd(KZT_PER_QUALIFYING_MOVE);
            }
        };
    }

    /** Capped places: the subsidy in the tables is the expected one, {@link #placeChance} of last year's qualifying moves. */
    @Override
    public double paymentChance(Counts lastYear, double scale) {
        return placeChance(scale, lastYear.get(QUALIFYING));
    }

    /** The year's subsidised relocations S = {@link #subsidised}, their KZT and the KZT per qualifying move. */
    @Override
    public void closeYear(Counts year, kz.kosh.scenario.Scenario p, double scale) {
        long q = year.get(QUALIFYING);
        double subsidised = subsidised(scale, q);
        double kzt = subsidised * subsidyKzt;
        year.set(SUBSIDISED, subsidised);
        year.set(SUBSIDISED_KZT, kzt);
        year.set(KZT_PER_QUALIFYING_MOVE, q > 0 ? kzt / q : 0);
    }

    @Override
    public String spendingMember() {
        return "relocation";
    }

    /** Subsidised relocations × subsidyKzt ({@link #closeYear}). */
    @Override
    public double spendingKzt(Counts year, kz.kosh.scenario.Scenario p) {
        return year.value(SUBSIDISED_KZT);
    }

    /** Written when the places are capped in some year, or the section changes in the timeline ({@link #reportsTimedChanges}). */
    @Override
    public boolean reportsIndicators() {
        return capped();
    }

    @Override
    public void indicators(Counts c, double perAgent, IndicatorSink out) {
        out.national(QUALIFYING_MOVES, c.get(QUALIFYING) * perAgent);
        out.national(PAYMENTS, c.value(SUBSIDISED) * perAgent);
        out.national(PAYMENTS_KZT, c.value(SUBSIDISED_KZT) * perAgent);
    }

    @Override
    public boolean reportsTimedChanges() {
        return true;
    }

    /** Cross-field rule: a region is either a source or a target of relocation, not both. */
    static void checkRegions(Relocation r, kz.kosh.scenario.SectionReader.Parts parts,
                             kz.kosh.scenario.Fields.Problems problems) {
        for (String id : r.fromRegions()) {
            if (r.toRegions().contains(id)) {
                problems.add(TO.path(), "region " + id + " is also in fromRegions; "
                        + "a region is either a source or a target of relocation, not both");
            }
        }
    }
}
