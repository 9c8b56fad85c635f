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

    private static String cell(String indicator, ExperimentData.Cell c) {
        return "<td class=\"num\">" + (c == null ? Formats.NA
                : Formats.html(Formats.interval(indicator, c.mean(), c.lo(), c.hi(), false))) + "</td>";
    }
}
