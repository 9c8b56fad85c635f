package kz.kosh.experiment.regions;

import kz.kosh.experiment.regions.RegionLosses.Region;
import kz.kosh.experiment.regions.RegionLosses.Stat;
import kz.kosh.experiment.regions.RegionLosses.Where;
import kz.kosh.experiment.report.Formats;
import kz.kosh.experiment.report.RegionsChart;
import kz.kosh.indicator.CoreIndicators;
import kz.kosh.indicator.Indicator;
import kz.kosh.output.Fmt;
import kz.kosh.output.OutputPaths;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words, table and files of {@code kosh regions}: the answer printed on the terminal and on
 * top of regions.md (every region, the one that loses most first, with where the others live),
 * regions.csv and regions.png.
 */
public final class RegionsReport {
    /** How many places besides home the answer names for each region. */
    static final int ELSEWHERE = 3;

    static final String CSV_HEADER = "scenario,year,rank,home_region,home_name,measure,place,place_name,place_type,unit,"
            + "mean,ci95_low,ci95_high,n";

    private RegionsReport() {
    }

    /** The answer as text lines: a heading, the definition, then one line per region, the one that loses most first. */
    public static List<String> answer(RegionsRun.Result r, int replications) {
        List<Region> regions = r.losses().regions();
        List<String> out = new ArrayList<>();
        out.add("Which regions lose most graduates, and to where? " + r.scenario() + ", graduates living on 31 Dec "
                + r.year() + ", mean over " + replications + " replication" + (replications == 1 ? "" : "s")
                + (r.parameterSets() > 0 ? " over " + Math.min(replications, r.parameterSets()) + " parameter sets" : "")
                + ", 95% CI" + (r.parameterSets() > 0 ? " (seed noise and parameter uncertainty)" : " (seed noise)") + ".");
        out.add("Headline: retention of own graduates, the share of a region's own graduates (home region: where they "
                + "left school) living there; lowest first, so the first region loses most.");
        out.add(String.format(Locale.ROOT, "%-3s %-32s %-22s %-31s %-30s %s", "#", "region", "retention",
                "others: megacity/region/abroad", "net gain of graduates, persons", "most of the others live in"));
        int rank = 1;
        for (Region g : regions) {
            out.add(String.format(Locale.ROOT, "%-3d %-32s %-22s %-31s %-30s %s", rank++, g.name() + " " + g.id(),
                    share(g.retention(), true), share(g.where()[Where.MEGACITY.ordinal()], false) + " / "
                            + share(g.where()[Where.OTHER_REGION.ordinal()], false) + " / "
                            + share(g.where()[Where.ABROAD.ordinal()], false),
                    persons(g.netGain()), elsewhere(g, r.losses().places())));
        }
        out.add("Net gain: graduates living in the region minus its own graduates (a city drawing graduates from "
                + "everywhere gains even when it keeps few of its own). Every place, with persons and intervals: "
                + RegionsRun.CSV + ".");
        return out;
    }

    private static String share(Stat s, boolean ci) {
        return s.n() == 0 ? "n/a" : Formats.interval(CoreIndicators.RETENTION_OWN_GRADUATES.name(), s.mean(),
                ci ? s.lo() : Double.NaN, ci ? s.hi() : Double.NaN, false);
    }

    private static String persons(Stat s) {
        return s.n() == 0 ? "n/a" : Formats.interval(CoreIndicators.GRADUATE_NET_GAIN.name(), s.mean(), s.lo(), s.hi(), true);
    }

    /** "Astana 20%, Almaty 9%, Russia 8%": the places other than home holding most of the region's graduates. */
    static String elsewhere(Region g, RegionLosses.Places places) {
        List<String> parts = new ArrayList<>();
        for (int p : g.largestElsewhere(ELSEWHERE)) {
            parts.add(places.names().get(p) + " " + share(g.at()[p], false));
        }
        return parts.isEmpty() ? "n/a" : String.join(", ", parts);
    }

    /** regions.csv: tidy, one row per region, measure and place, with its unit. */
    static String csv(RegionsRun.Result r) {
        RegionLosses.Places places = r.losses().places();
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        int rank = 1;
        for (Region g : r.losses().regions()) {
            String prefix = csv(r.scenario()) + "," + r.year() + "," + rank++ + "," + g.id() + "," + csv(g.name()) + ",";
            String home = g.id() + "," + csv(g.name()) + "," + type(places, g.index()) + ",";
            row(sb, prefix, CoreIndicators.RETENTION_OWN_GRADUATES.name(), home, Indicator.SHARE, g.retention());
            row(sb, prefix, "own_graduates", home, Indicator.PERSONS, g.ownGraduates());
            row(sb, prefix, CoreIndicators.GRADUATE_NET_GAIN.name(), home, Indicator.PERSONS, g.netGain());
            for (Where w : Where.values()) {
                row(sb, prefix, "share_" + w.code, home, Indicator.SHARE, g.where()[w.ordinal()]);
            }
            for (int p = 0; p < places.size(); p++) {
                String at = places.ids().get(p) + "," + csv(places.names().get(p)) + "," + type(places, p) + ",";
                row(sb, prefix, "share_living_at", at, Indicator.SHARE, g.at()[p]);
                row(sb, prefix, "graduates_living_at", at, Indicator.PERSONS, g.persons()[p]);
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String prefix, String measure, String place, String unit, Stat s) {
        sb.append(prefix).append(measure).append(',').append(place).append(unit).append(',');
        if (s.n() == 0) {
            sb.append("n/a,n/a,n/a,0\n"); // a region without graduates of its own: missing, never 0
            return;
        }
        sb.append(Fmt.number(s.mean())).append(',').append(Fmt.number(s.lo())).append(',').append(Fmt.number(s.hi()))
                .append(',').append(s.n()).append('\n');
    }

    private static String type(RegionLosses.Places places, int p) {
        return places.abroad(p) ? "destination" : places.city()[p] ? "city" : "region";
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** regions.md: the command that wrote it, the answer, the chart and the definitions. */
    static String markdown(RegionsRun.Result r, RegionsRun.Settings s) {
        List<String> answer = answer(r, s.replications());
        StringBuilder sb = new StringBuilder("# Which regions lose most graduates, and to where\n\n");
        sb.append("Generated by `").append(s.command()).append("` (").append(String.format(Locale.ROOT, "%.0f", r.wallSeconds()))
                .append(" s, commit ").append(kz.kosh.output.BuildInfo.gitCommit()).append(").\n\n");
        sb.append(answer.get(0)).append("\n\n").append(answer.get(1)).append("\n\n```\n");
        for (String l : answer.subList(2, answer.size() - 1)) {
            sb.append(l).append('\n');
        }
        sb.append("```\n\n![Where each region's graduates live](").append(RegionsRun.CHART).append(")\n\n");
        sb.append("""
                ## Three definitions, three answers

                - **Retention of own graduates (the headline)**: of the graduates whose home region (where they left
                  school) is the region, the share living there. It answers "which region fails to keep its
                  graduates"; the others live in a megacity, another region or abroad (the three shares beside it
                  add up to 1 with it).
                - **Share of own graduates abroad**: the part of the loss that leaves Kazakhstan (`share_abroad`).
                - **Net gain** (persons): graduates living in the region minus its own graduates. A megacity that
                  draws graduates from every region gains even when it keeps a small share of its own, so this ranks
                  who gains, not who fails to keep. Summed over all regions and cities it is minus the graduates
                  living abroad.
                - In a comparison (`kosh compare`), `net_migration_graduates` counts the year's arrivals minus
                  departures of graduates: a flow, which says where people move this year, not where a region's
                  graduates have ended up.

                ## Files

                - `regions.csv`: per region (`rank` by the headline) and measure: `retention_own_graduates`,
                  `own_graduates`, `graduate_net_gain`, `share_home`, `share_megacity`, `share_other_region`,
                  `share_abroad` (place: the region itself) and, for every place (regions, cities and destinations,
                  staying home included), `share_living_at` (share) and `graduates_living_at` (persons), each with
                  its 95% interval over replications (`n/a` when the region has no graduates of its own).
                - `regions.png`: where each region's graduates live, the four shares, lowest retention on top.
                - `manifest.json`: the command, scenario (resolved), seeds, scale, parameter sets, version, commit
                  and times.
                """);
        return sb.toString();
    }

    /** Writes regions.csv, regions.png and regions.md into the result's folder. */
    static void write(RegionsRun.Result r, RegionsRun.Settings s) {
        OutputPaths.write(OutputPaths.entry(r.directory(), RegionsRun.CSV), csv(r));
        List<Region> regions = r.losses().regions();
        List<String> names = new ArrayList<>();
        double[][] shares = new double[regions.size()][Where.values().length];
        for (int i = 0; i < regions.size(); i++) {
            names.add(regions.get(i).name());
            for (Where w : Where.values()) {
                Stat st = regions.get(i).where()[w.ordinal()];
                shares[i][w.ordinal()] = st.n() == 0 ? 0 : st.mean();
            }
        }
        List<String> codes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Where w : Where.values()) {
            codes.add(w.code.replace("other_region", "region"));
            labels.add(w.label);
        }
        RegionsChart.write(OutputPaths.entry(r.directory(), RegionsRun.CHART),
                "Where each region's graduates live, " + r.year() + " (" + r.scenario() + ")", names, codes, labels, shares);
        OutputPaths.write(OutputPaths.entry(r.directory(), RegionsRun.DOC), markdown(r, s));
    }
}
