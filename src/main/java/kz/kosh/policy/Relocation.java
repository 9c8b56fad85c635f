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
 * <p>A move to the mover's own home region does not qualify ({@link #paysMoveHome}): the programme
 * resettles people to a new permanent place of residence in the resettlement region (Rules of
 * voluntary resettlement for labour mobility, Labour Ministry order No. 234 of 22 June 2023; its
 * participants apply at the career centre of their place of residence in a labour-surplus region,
 * oq.gov.kz 2024), and a graduate going back to the region they grew up in after studying or working
 * in the south is no resettler. Counting such moves made 43-78% of the model's "relocations" returns
 * home of northerners, who cannot go back, and diluted the relocated who went back (session 7, five
 * posterior sets at scale 0.03).
 *
 * <p>Each relocated graduate carries a record ({@link #ORIGIN}, a per-agent field): the region
 * relocated from. A later move back to that region counts once as a relocated graduate who went
 * back ({@link #WENT_BACK}), so the share of the relocated who went back, Σ went back / Σ
 * relocations over the programme's years, compares with the programme's count (66,200 resettled,
 * 3,600 of them, 6%, returned to where they came from: programme_outcomes.csv T54).
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
            "assumption within the programme's rates: 70 MCI per family member plus 15-30 MCI a month of rent "
                    + "(2025, T57 in series/SOURCES.md, programme_outcomes.csv); 1,000,000 KZT is about 70 MCI (275,240 "
                    + "KZT at the 2025 MCI of 3,932 KZT) plus a year of the lowest rent (15 MCI x 12 = 707,760 KZT) for a "
                    + "single mover; subsidies cover moving and housing ([PR])");
    public static final Param FROM = Param.other(SECTION, "fromRegions", "region ids (ISO 3166-2:KZ)",
            "relocation from regions", "[AI25]: relocation from labour-surplus southern regions; the list (Turkistan "
                    + "KZ-61, Jambyl KZ-31, Kyzylorda KZ-43, Mangystau KZ-47, Shymkent KZ-79, Almaty Region KZ-19) follows "
                    + "the programme's labour-surplus regions (approx., not verified here)");
    public static final Param TO = Param.other(SECTION, "toRegions", "region ids (ISO 3166-2:KZ)",
            "relocation to regions", "[AI25]: relocation to labour-deficit northern regions; the list (North Kazakhstan "
                    + "KZ-59, Kostanay KZ-39, Pavlodar KZ-55, Akmola KZ-11, East Kazakhstan KZ-63, Abai KZ-10, Karaganda "
                    + "KZ-35, Ulytau KZ-62) follows the programme's labour-deficit regions (approx., not verified here)");
    public static final Param PLACES = Param.of(SECTION, "placesPerYear", 0, 1e7, "persons per year",
            "relocation places per year", "T55/T56 (programme_outcomes.csv): the quota of resettlers and kandas "
                    + "(ethnic returnees) was 9,653 in 2025 and 8,278 in 2026, of people, not only graduates (an upper "
                    + "bound on graduates' places); the baseline sets 9,653 from 2025 and 8,278 from 2026 on (held, "
                    + "assumption) and no cap before 2025 (no quota found; the programme was under-filled: 5,213 moved "
                    + "by 2025-10-01, T57; 2024: 6,148 people in 1,769 families [AI25]). 0 = unlimited; a lever");
    public static final List<Param> PARAMS = List.of(ENABLED, SUBSIDY, FROM, TO, PLACES);
    public static final Indicator QUALIFYING_MOVES = Indicator.national("relocation_qualifying_moves",
            Indicator.PERSONS_PER_YEAR, "when the relocation programme runs (or changes in the timeline): moves that "
                    + "qualify (graduates relocating from a labour-surplus to a labour-deficit region other than their own home "
                    + "region: a move home is no resettlement)");
    public static final Indicator PAYMENTS = Indicator.national("relocation_payments", Indicator.PERSONS_PER_YEAR,
            "with `relocation_qualifying_moves`: relocations subsidised (min(qualifying, places))");
    public static final Indicator PAYMENTS_KZT = Indicator.national("relocation_payments_kzt", Indicator.KZT,
            "the KZT of `relocation_payments`");
    public static final Indicator WENT_BACK_MOVES = Indicator.national("relocation_went_back", Indicator.PERSONS_PER_YEAR,
            "when the relocation programme runs: relocated graduates (a qualifying move recorded on the agent) "
                    + "moving back to the region they relocated from, each counted once; over the programme's years, "
                    + "Σ `relocation_went_back` / Σ `relocation_qualifying_moves` is the share of the relocated who went back");

    /**
     * The relocation record of an agent: 0 never relocated; r + 1 relocated from region r (the
     * last qualifying move); −(r + 1) went back to r after relocating from it.
     */
    public static final kz.kosh.scenario.AgentFields.Field ORIGIN = kz.kosh.scenario.AgentFields.declare(
            "relocation_origin", kz.kosh.scenario.AgentFields.Width.BYTE);

    /** Moves that qualify for the subsidy (Q). */
    public static final Counter QUALIFYING = Counter.of("relocation.qualifying");
    /** Derived at the year's end ({@link #closeYear}): relocations subsidised (agents, fractional when the scaled places are), their KZT. */
    public static final Counter SUBSIDISED = Counter.of("relocation.subsidised");
    public static final Counter SUBSIDISED_KZT = Counter.of("relocation.subsidisedKzt");
    /** Derived at the year's end: the KZT of the year per qualifying move, S / Q (0 without moves; the payment ledger's price). */
    public static final Counter KZT_PER_QUALIFYING_MOVE = Counter.of("relocation.kztPerQualifyingMove");
    /** Relocated graduates moving back to the region they relocated from (each once). */
    public static final Counter WENT_BACK = Counter.of("relocation.wentBack");

    /** The plug-in: section, parameters, reader, checks, indicators ({@link Programmes}). */
    public static final Programme PROGRAMME = Programme.of(SECTION, PARAMS, (f, c) -> read(f, c.regionIds()))
            .withCheck(Relocation.class, Relocation::checkRegions)
            .withIndicators(QUALIFYING_MOVES, PAYMENTS, PAYMENTS_KZT, WENT_BACK_MOVES);

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
        return capped() ? kz.kosh.world.DemandResponse.fundedShare(placesPerYear * scale, lastYearQualifying) : 1.0;
    }

    /** Relocations subsidised this year, in agents: min(Q_t, P·scale), or Q_t when unlimited (none at 0 KZT, {@link #closeYear}). */
    public double subsidised(double scale, long qualifying) {
        return capped() ? Math.min(qualifying, placesPerYear * scale) : qualifying;
    }

    /**
     * Whether a move from c to j qualifies for the programme: a move between two regions of
     * Kazakhstan from a listed labour-surplus to a listed labour-deficit region while it runs
     * (and, for a mover, not to its own home region: {@link #paysMoveHome}), whatever the subsidy (at 0 KZT the relocations are counted and recorded but not paid, so a
     * dose-response compares the same moves at every dose).
     */
    public boolean qualifies(World w, int c, int j) {
        return enabled && c != j && !w.isAbroad(c) && !w.isAbroad(j) && fromRegions.contains(w.id(c))
                && toRegions.contains(w.id(j));
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
     * No: a move to the mover's own home region is not a resettlement, so it is neither counted,
     * recorded nor paid ({@link #moveHook}), and the tables' subsidy of such a move is taken off
     * again by the agent's bonuses (see the class comment).
     */
    @Override
    public boolean paysMoveHome() {
        return false;
    }

    /** The relocation record holds the region relocated from ({@link #ORIGIN}). */
    @Override
    public List<kz.kosh.scenario.AgentFields.Field> fields() {
        return enabled ? List.of(ORIGIN) : List.of();
    }

    /**
     * A qualifying move (tabulated per pair of places for the world) is counted, paid at the
     * year's end the year's subsidy per qualifying move ({@link #KZT_PER_QUALIFYING_MOVE}) and
     * recorded on the agent ({@link #ORIGIN}); a recorded agent's move back to the region relocated
     * from counts once as went back ({@link #record}).
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
            // a return to one's own home region is no resettlement (paysMoveHome)
            boolean q = qualifies[m.from() * n + m.to()] && m.home() != m.to();
            if (q) {
                counts.add(QUALIFYING, 1);
                if (subsidyKzt > 0) {
                    m.paidAtYearEnd(KZT_PER_QUALIFYING_MOVE);
                }
            }
            int before = m.get(ORIGIN);
            int after = record(before, m.from(), m.to(), q);
            if (after != before) {
                m.set(ORIGIN, after);
                if (after < 0) {
                    counts.add(WENT_BACK, 1);
                }
            }
        };
    }

    /**
     * The relocation record after a move from c to j: r + 1 after a qualifying move from r (a new
     * relocation replaces the record); −(r + 1), went back, after a recorded agent's move to r;
     * otherwise unchanged (a move on elsewhere keeps the record, so a later move back still counts).
     *
     * @param record     the record before the move ({@link #ORIGIN})
     * @param qualifying whether the move qualifies for the subsidy
     */
    public static int record(int record, int c, int j, boolean qualifying) {
        if (qualifying) {
            return c + 1;
        }
        return record > 0 && j == record - 1 ? -record : record;
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
        double subsidised = subsidyKzt > 0 ? subsidised(scale, q) : 0.0;
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

    /** Written whenever the programme runs (and when the section changes in the timeline, {@link #reportsTimedChanges}). */
    @Override
    public boolean reportsIndicators() {
        return enabled;
    }

    @Override
    public void indicators(Counts c, double perAgent, IndicatorSink out) {
        out.national(QUALIFYING_MOVES, c.get(QUALIFYING) * perAgent);
        out.national(PAYMENTS, c.value(SUBSIDISED) * perAgent);
        out.national(PAYMENTS_KZT, c.value(SUBSIDISED_KZT) * perAgent);
        out.national(WENT_BACK_MOVES, c.get(WENT_BACK) * perAgent);
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
