package kz.kosh.gui;

import kz.kosh.output.Indicators;
import kz.kosh.sim.FlowKind;
import kz.kosh.sim.KoshSim;
import kz.kosh.sim.Stocks;
import kz.kosh.sim.YearCounters;
import kz.kosh.world.World;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the map shows of one recorded year, copied out of the model so that the picture can be
 * drawn on another thread: the region measures, the national indicators, graduates abroad by
 * destination and the year's graduate moves (internal, emigration, return) in persons.
 */
public final class MapData {
    /** The kinds of moves drawn as arcs. */
    public static final List<FlowKind> ARC_KINDS = List.of(FlowKind.INTERNAL, FlowKind.EMIGRATION, FlowKind.RETURN);

    /** One origin-destination flow of a kind, in persons (agents / scale). */
    public record Flow(FlowKind kind, int origin, int destination, double persons) {
    }

    private final String scenario;
    private final int year;
    private final long seed;
    private final double scale;
    private final int regionCount;
    private final String[] ids;
    private final String[] names;
    private final double[] lat;
    private final double[] lon;
    private final Map<Measure, double[]> values;
    private final double[] graduatesAbroad;
    private final double[] studentsAbroad;
    private final Map<String, Double> national;
    private final List<Flow> flows;
    /** Indicators by place (indicators.csv rows other than KZ): name to a value per place, NaN where absent. */
    private final Map<String, double[]> placeIndicators;

    private MapData(String scenario, int year, long seed, double scale, int regionCount, String[] ids, String[] names,
                    double[] lat, double[] lon, Map<Measure, double[]> values, double[] graduatesAbroad,
                    double[] studentsAbroad, Map<String, Double> national, List<Flow> flows,
                    Map<String, double[]> placeIndicators) {
        this.scenario = scenario;
        this.year = year;
        this.seed = seed;
        this.scale = scale;
        this.regionCount = regionCount;
        this.ids = ids;
        this.names = names;
        this.lat = lat;
        this.lon = lon;
        this.values = values;
        this.graduatesAbroad = graduatesAbroad;
        this.studentsAbroad = studentsAbroad;
        this.national = national;
        this.flows = flows;
        this.placeIndicators = placeIndicators;
    }

    /** Copies what the map needs out of a recorded year (call from a {@link kz.kosh.sim.YearObserver}). */
    public static MapData capture(KoshSim sim, int year, YearCounters c, Stocks s, Stocks prev) {
        World w = sim.world();
        double scale = sim.scenario().run().scale();
        int places = w.placeCount();
        int regions = w.regionCount();
        Map<String, Double> national = new HashMap<>();
        Map<String, Map<String, Double>> byPlace = new HashMap<>();
        Indicators.compute(sim, c, s, prev, (indicator, place, value) -> {
                    if (Indicators.NATIONAL.equals(place)) {
                        national.put(indicator, value);
                    } else {
                        byPlace.computeIfAbsent(indicator, k -> new HashMap<>()).put(place, value);
                    }
                });
        String[] ids = new String[places];
        String[] names = new String[places];
        double[] lat = new double[places];
        double[] lon = new double[places];
        for (int p = 0; p < places; p++) {
            ids[p] = w.id(p);
            names[p] = w.name(p);
            lat[p] = w.lat(p);
            lon[p] = w.lon(p);
        }
        Map<Measure, double[]> values = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            double[] v = new double[regions];
            for (int r = 0; r < regions; r++) {
                if (m.indicator() == null) {
                    v[r] = w.wageKztPerMonth(r);
                } else {
                    v[r] = byPlace.getOrDefault(m.indicator(), Map.of()).getOrDefault(ids[r], 0.0);
                }
            }
            values.put(m, v);
        }
        double[] gradAbroad = new double[places];
        double[] studAbroad = new double[places];
        for (int d = regions; d < places; d++) {
            gradAbroad[d] = s.atPlace(Stocks.GRADUATE, d) / scale;
            studAbroad[d] = s.atPlace(Stocks.STUDENT, d) / scale;
        }
        long[] sum = new long[places * places];
        List<Flow> flows = new ArrayList<>();
        for (FlowKind kind : ARC_KINDS) {
            java.util.Arrays.fill(sum, 0);
            for (int f = 0; f < YearCounters.FUNDINGS; f++) {
                for (int h = 0; h < regions; h++) {
                    for (int o = 0; o < places; o++) {
                        for (int d = 0; d < places; d++) {
                            if (o != d) {
                                sum[o * places + d] += c.flow(kind.ordinal(), f, h, o, d);
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < sum.length; i++) {
                if (sum[i] > 0) {
                    flows.add(new Flow(kind, i / places, i % places, sum[i] / scale));
                }
            }
        }
        Map<String, double[]> perPlace = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < places; p++) {
            index.put(ids[p], p);
        }
        byPlace.forEach((indicator, m) -> {
            double[] v = new double[places];
            java.util.Arrays.fill(v, Double.NaN);
            m.forEach((place, value) -> {
                Integer p = index.get(place);
                if (p != null) {
                    v[p] = value;
                }
            });
            perPlace.put(indicator, v);
        });
        return new MapData(sim.scenario().name(), year, sim.scenario().run().seed(), scale, regions, ids, names, lat,
                lon, values, gradAbroad, studAbroad, Collections.unmodifiableMap(national), List.copyOf(flows),
                Collections.unmodifiableMap(perPlace));
    }

    public String scenario() { return scenario; }
    public int year() { return year; }
    public long seed() { return seed; }
    public double scale() { return scale; }
    public int regionCount() { return regionCount; }
    public int placeCount() { return ids.length; }
    public String id(int place) { return ids[place]; }
    public String name(int place) { return names[place]; }
    public double lat(int place) { return lat[place]; }
    public double lon(int place) { return lon[place]; }
    /** Value of a measure in a region (index 0 .. regionCount-1). */
    public double value(Measure m, int region) { return values.get(m)[region]; }
    /** Graduates living at a foreign destination, persons. */
    public double graduatesAbroad(int place) { return graduatesAbroad[place]; }
    /** Students at a foreign destination, persons. */
    public double studentsAbroad(int place) { return studentsAbroad[place]; }
    /** A national indicator of the year (indicators.csv, place KZ), NaN when absent. */
    public double national(String indicator) { return national.getOrDefault(indicator, Double.NaN); }
    public Map<String, Double> nationalIndicators() { return national; }
    /** An indicator of a place in this year (indicators.csv), NaN when the place has none of that name. */
    public double placeIndicator(String indicator, int place) {
        double[] v = placeIndicators.get(indicator);
        return v == null ? Double.NaN : v[place];
    }
    /** Index of a place id, -1 when unknown. */
    public int indexOf(String id) {
        for (int p = 0; p < ids.length; p++) {
            if (ids[p].equals(id)) {
                return p;
            }
        }
        return -1;
    }
    /** All flows of the arc kinds with at least one agent. */
    public List<Flow> flows() { return flows; }

    /** The largest {@code n} flows, largest first (ties by kind, origin, destination: deterministic). */
    public List<Flow> largestFlows(int n) {
        List<Flow> all = new ArrayList<>(flows);
        all.sort((a, b) -> {
            int x = Double.compare(b.persons(), a.persons());
            if (x != 0) return x;
            x = Integer.compare(a.kind().ordinal(), b.kind().ordinal());
            if (x != 0) return x;
            x = Integer.compare(a.origin(), b.origin());
            return x != 0 ? x : Integer.compare(a.destination(), b.destination());
        });
        return all.subList(0, Math.min(n, all.size()));
    }

    /**
     * The largest {@code n} flows, each kind getting up to {@code n / kinds} places first (so that
     * the smaller kinds stay visible) and the places left over going to the largest remaining
     * flows; largest first.
     */
    public List<Flow> largestFlowsByKind(int n, int kinds) {
        List<Flow> all = largestFlows(Integer.MAX_VALUE);
        int quota = kinds <= 0 ? n : n / kinds;
        List<Flow> chosen = new ArrayList<>();
        java.util.Map<FlowKind, Integer> taken = new java.util.EnumMap<>(FlowKind.class);
        java.util.Set<Flow> in = new java.util.HashSet<>();
        for (Flow f : all) {
            if (chosen.size() < n && taken.getOrDefault(f.kind(), 0) < quota) {
                chosen.add(f);
                in.add(f);
                taken.merge(f.kind(), 1, Integer::sum);
            }
        }
        for (Flow f : all) {
            if (chosen.size() >= n) {
                break;
            }
            if (!in.contains(f)) {
                chosen.add(f);
            }
        }
        List<Flow> sorted = new ArrayList<>();
        for (Flow f : all) {
            if (in.contains(f) || chosen.contains(f)) {
                sorted.add(f);
            }
        }
        return sorted;
    }
}
