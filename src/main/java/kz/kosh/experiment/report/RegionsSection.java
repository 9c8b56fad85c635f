package kz.kosh.experiment.report;

import kz.kosh.output.Places;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * "Which regions lose most graduates?": the report's section on the regions and cities of
 * Kazakhstan in the reference scenario, report year, means with 95% intervals over the
 * replications. Three definitions answer differently, so one is named the headline:
 * <ul>
 *   <li><b>headline: retention of own graduates</b> ({@code retention_own_graduates}): the
 *       share of the region's own graduates (home region) who live there; the regions are sorted
 *       by it, lowest first: the region that keeps the smallest share of its graduates loses most;</li>
 *   <li>{@code own_graduates_abroad_share}: the share of its graduates who live abroad;</li>
 *   <li>{@code graduate_net_gain}: graduates living there minus its own graduates (persons): a
 *       city that draws graduates from everywhere gains even when it keeps few of its own.</li>
 * </ul>
 */
final class RegionsSection {
    private RegionsSection() {
    }

    static String html(Path dir, ExperimentData d) {
        Integer year = d.reportYear();
        Path places = dir.resolve(Places.FILE);
        if (year == null || d.reference == null || !Files.isRegularFile(places)) {
            return "";
        }
        record Region(String id, String name, ExperimentData.Cell retention, ExperimentData.Cell abroad,
                      ExperimentData.Cell gain) {
        }
        List<Region> regions = new ArrayList<>();
        for (Map<String, String> p : ExperimentData.readCsv(places, List.of("id", "name", "type"))) {
            String type = p.get("type").trim();
            if (!type.equals("region") && !type.equals("city")) {
                continue;
            }
            String id = p.get("id").trim();
            ExperimentData.Cell retention = d.cell(d.reference, kz.kosh.indicator.CoreIndicators.RETENTION_OWN_GRADUATES.name(), id, year);
            if (retention != null) {
                regions.add(new Region(id, p.get("name"), retention, d.cell(d.reference, kz.kosh.indicator.CoreIndicators.OWN_GRADUATES_ABROAD_SHARE.name(), id, year),
                        d.cell(d.reference, kz.kosh.indicator.CoreIndicators.GRADUATE_NET_GAIN.name(), id, year)));
            }
        }
        if (regions.isEmpty()) {
            return "";
        }
        regions.sort(Comparator.comparingDouble(r -> r.retention().mean()));
        StringBuilder h = new StringBuilder();
        h.append("<h2>Which regions lose most graduates</h2>\n<p>").append(Formats.html(d.label(d.reference)))
                .append(", ").append(year).append(", mean over replications with 95% intervals. Headline definition: ")
                .append("<strong>retention of own graduates</strong>, the share of a region's own graduates (those whose ")
                .append("home region it is) who live there; lowest first, so the first row loses most. The other two ")
                .append("columns answer other questions: the share of its graduates living abroad (lost to Kazakhstan), ")
                .append("and the net gain, graduates living there minus its own graduates (persons; a city that draws ")
                .append("graduates from every region gains even when it keeps few of its own). n/a: not recorded. Where the ")
                .append("others live, place by place with intervals: <code>kosh regions</code>.</p>\n");
        h.append("<table>\n<thead><tr><th>Region</th><th>Retention of own graduates</th>")
                .append("<th>Own graduates living abroad</th><th>Net gain of graduates (persons)</th></tr></thead>\n<tbody>\n");
        for (Region r : regions) {
            h.append("<tr><td>").append(Formats.html(r.name())).append(" <code>").append(r.id()).append("</code></td>")
                    .append(cell(kz.kosh.indicator.CoreIndicators.RETENTION_OWN_GRADUATES.name(), r.retention())).append(cell(kz.kosh.indicator.CoreIndicators.OWN_GRADUATES_ABROAD_SHARE.name(), r.abroad()))
                    .append(cell(kz.kosh.indicator.CoreIndicators.GRADUATE_NET_GAIN.name(), r.gain())).append("</tr>\n");
        }
        return h.append("</tbody>\n</table>\n").toString();
    }

    /**
     * One line for the top of the report: the region of the reference that keeps the smallest share
     * of its own graduates (the headline definition), the next two, and the region with the largest
     * net loss in persons, when it is another; empty without the regional indicators.
     */
    static String line(Path dir, ExperimentData d) {
        Integer year = d.reportYear();
        Path places = dir.resolve(Places.FILE);
        if (year == null || d.reference == null || !Files.isRegularFile(places)) {
            return "";
        }
        String retention = kz.kosh.indicator.CoreIndicators.RETENTION_OWN_GRADUATES.name();
        String gain = kz.kosh.indicator.CoreIndicators.GRADUATE_NET_GAIN.name();
        List<Object[]> regions = new ArrayList<>();
        for (Map<String, String> p : ExperimentData.readCsv(places, List.of("id", "name", "type"))) {
            String type = p.get("type").trim();
            if (type.equals("region") || type.equals("city")) {
                ExperimentData.Cell r = d.cell(d.reference, retention, p.get("id").trim(), year);
                if (r != null && !Double.isNaN(r.mean())) {
                    regions.add(new Object[]{p.get("name"), r, d.cell(d.reference, gain, p.get("id").trim(), year)});
                }
            }
        }
        if (regions.isEmpty()) {
            return "";
        }
        regions.sort(Comparator.comparingDouble(o -> ((ExperimentData.Cell) o[1]).mean()));
        StringBuilder sb = new StringBuilder("Which regions lose most (").append(d.label(d.reference)).append(", ")
                .append(year).append("): ");
        for (int i = 0; i < Math.min(3, regions.size()); i++) {
            ExperimentData.Cell c = (ExperimentData.Cell) regions.get(i)[1];
            sb.append(i == 0 ? "" : ", ").append(regions.get(i)[0]).append(' ')
                    .append(Formats.interval(retention, c.mean(), c.lo(), c.hi(), false));
        }
        sb.append(" of their own graduates live there (the lowest retention)");
        Object[] mostLost = null;
        for (Object[] o : regions) {
            ExperimentData.Cell g = (ExperimentData.Cell) o[2];
            if (g != null && !Double.isNaN(g.mean())
                    && (mostLost == null || g.mean() < ((ExperimentData.Cell) mostLost[2]).mean())) {
                mostLost = o;
            }
        }
        if (mostLost != null && ((ExperimentData.Cell) mostLost[2]).mean() < 0) {
            ExperimentData.Cell g = (ExperimentData.Cell) mostLost[2];
            sb.append("; the largest net loss in persons: ").append(mostLost[0]).append(' ')
                    .append(Formats.interval(gain, g.mean(), g.lo(), g.hi(), true));
        }
        return "<p class=\"where\">" + Formats.html(sb.toString()) + ". Where their graduates live: the section below and "
                + "<code>kosh regions</code>.</p>\n";
    }

    private static String cell(String indicator, ExperimentData.Cell c) {
        return "<td class=\"num\">" + (c == null ? Formats.NA
                : Formats.html(Formats.interval(indicator, c.mean(), c.lo(), c.hi(), false))) + "</td>";
    }
}
