package kz.kosh.experiment.regions;

import kz.kosh.experiment.report.Intervals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * "Which regions lose most graduates, and to where?": from the graduates of each replication by
 * home region (where they left school) and place of residence on 31 Dec of one year, the
 * measures of every Kazakhstani region and city h, each a mean over replications with its 95%
 * interval. With g<sub>hp</sub> the graduates of home region h living at place p (persons =
 * agents / scale) and own<sub>h</sub> = Σ<sub>p</sub> g<sub>hp</sub>:
 * <ul>
 *   <li><b>headline, retention of own graduates</b>: g<sub>hh</sub> / own<sub>h</sub>, the share
 *       of h's graduates living in h; the region with the lowest retention loses most;</li>
 *   <li>where the others live, each as a share of own<sub>h</sub>: another megacity (Astana,
 *       Almaty, Shymkent other than h), another region, abroad; and place by place,
 *       g<sub>hp</sub> / own<sub>h</sub> for every place p (staying home included) with the
 *       persons g<sub>hp</sub>;</li>
 *   <li><b>net gain</b>: Σ<sub>k</sub> g<sub>kh</sub> − own<sub>h</sub>, graduates living in h
 *       minus h's own graduates (persons): a city that draws graduates from everywhere gains even
 *       when it keeps few of its own, so it answers "who gains", not "who fails to keep".</li>
 * </ul>
 * A region without graduates of its own has no shares (NaN, "n/a"), never 0. Intervals over
 * replications: Student t for persons, Wilson with the effective sample size for shares
 * ({@link Intervals}); with parameter sets they include parameter uncertainty as well as seed noise.
 */
public final class RegionLosses {
    /** A mean over replications with its 95% interval (NaN bounds with fewer than two values). */
    public record Stat(double mean, double lo, double hi, long n) {
        static final Stat NA = new Stat(Double.NaN, Double.NaN, Double.NaN, 0);
    }

    /**
     * The places of a run: ids, names, whether a place is a megacity, and how many of them are
     * Kazakhstani regions and cities (places 0..regions-1; the others are destinations abroad).
     */
    public record Places(List<String> ids, List<String> names, boolean[] city, int regions) {
        public int size() {
            return ids.size();
        }

        public boolean abroad(int p) {
            return p >= regions;
        }
    }

    /** Shares of a home region's graduates by where they live: the four add up to 1. */
    public enum Where {
        HOME("home", "stay in their home region"),
        MEGACITY("megacity", "in another megacity (Astana, Almaty, Shymkent)"),
        OTHER_REGION("other_region", "in another region"),
        ABROAD("abroad", "abroad");

        public final String code;
        public final String label;

        Where(String code, String label) {
            this.code = code;
            this.label = label;
        }
    }

    /** One region's answer. {@code at[p]}: share of its graduates at place p; {@code persons[p]}: how many. */
    public record Region(int index, String id, String name, Stat ownGraduates, Stat retention, Stat[] where,
                         Stat netGain, Stat[] at, Stat[] persons) {
        /** The places, other than home, where most of its graduates live, largest share first. */
        public List<Integer> largestElsewhere(int limit) {
            List<Integer> out = new ArrayList<>();
            for (int p = 0; p < at.length; p++) {
                if (p != index && at[p].n() > 0 && at[p].mean() > 0) {
                    out.add(p);
                }
            }
            out.sort(Comparator.comparingDouble((Integer p) -> -at[p].mean()));
            return out.size() > limit ? out.subList(0, limit) : out;
        }
    }

    private final Places places;
    /** Per replication: graduates [home region][place], persons. */
    private final List<double[][]> replications = new ArrayList<>();

    public RegionLosses(Places places) {
        this.places = places;
    }

    public Places places() {
        return places;
    }

    /** Adds one replication: agents {@code graduates[h][p]} of home region h at place p, scaled by 1 / scale. */
    public void add(long[][] graduates, double scale) {
        double k = 1.0 / scale;
        double[][] g = new double[places.regions()][places.size()];
        for (int h = 0; h < g.length; h++) {
            for (int p = 0; p < g[h].length; p++) {
                g[h][p] = graduates[h][p] * k;
            }
        }
        replications.add(g);
    }

    public int replications() {
        return replications.size();
    }

    /** Every region's answer, lowest retention first (the region that loses most leads); n/a last. */
    public List<Region> regions() {
        int regions = places.regions();
        int n = places.size();
        List<Region> out = new ArrayList<>();
        for (int h = 0; h < regions; h++) {
            List<Double> own = new ArrayList<>();
            List<Double> retention = new ArrayList<>();
            List<Double> gain = new ArrayList<>();
            List<List<Double>> where = new ArrayList<>();
            for (int w = 0; w < Where.values().length; w++) {
                where.add(new ArrayList<>());
            }
            List<List<Double>> at = new ArrayList<>();
            List<List<Double>> persons = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                at.add(new ArrayList<>());
                persons.add(new ArrayList<>());
            }
            for (double[][] g : replications) {
                double total = Arrays.stream(g[h]).sum();
                double living = 0;
                for (double[] home : g) {
                    living += home[h];
                }
                own.add(total);
                gain.add(living - total);
                double[] byWhere = new double[Where.values().length];
                for (int p = 0; p < n; p++) {
                    byWhere[where(h, p).ordinal()] += g[h][p];
                    persons.get(p).add(g[h][p]);
                    at.get(p).add(share(g[h][p], total));
                }
                retention.add(share(g[h][h], total));
                for (int w = 0; w < byWhere.length; w++) {
                    where.get(w).add(share(byWhere[w], total));
                }
            }
            Stat[] whereStats = new Stat[Where.values().length];
            for (int w = 0; w < whereStats.length; w++) {
                whereStats[w] = stat(where.get(w), true);
            }
            Stat[] atStats = new Stat[n];
            Stat[] personStats = new Stat[n];
            for (int p = 0; p < n; p++) {
                atStats[p] = stat(at.get(p), true);
                personStats[p] = stat(persons.get(p), false);
            }
            out.add(new Region(h, places.ids().get(h), places.names().get(h), stat(own, false), stat(retention, true),
                    whereStats, stat(gain, false), atStats, personStats));
        }
        out.sort(Comparator.comparing((Region r) -> r.retention().n() == 0)
                .thenComparingDouble(r -> r.retention().n() == 0 ? 0 : r.retention().mean()));
        return out;
    }

    /** Where a graduate of home region h living at place p lives, from h's point of view. */
    Where where(int h, int p) {
        if (p == h) {
            return Where.HOME;
        }
        if (places.abroad(p)) {
            return Where.ABROAD;
        }
        return places.city()[p] ? Where.MEGACITY : Where.OTHER_REGION;
    }

    private static double share(double part, double total) {
        return total > 0 ? part / total : Double.NaN;
    }

    /** Mean and 95% interval of the values that are not NaN (shares: Wilson, persons: Student t). */
    static Stat stat(List<Double> values, boolean share) {
        int n = 0;
        double mean = 0;
        double m2 = 0;
        for (double x : values) {
            if (Double.isNaN(x)) {
                continue;
            }
            n++;
            double d = x - mean;
            mean += d / n;
            m2 += d * (x - mean);
        }
        if (n == 0) {
            return Stat.NA;
        }
        if (n < 2) {
            return new Stat(mean, Double.NaN, Double.NaN, n);
        }
        double sd = Math.sqrt(m2 / (n - 1));
        double[] ci = share ? Intervals.share(mean, sd, n) : Intervals.t(mean, sd, n);
        return new Stat(mean, ci[0], ci[1], n);
    }
}
