package kz.kosh.experiment.report;

import kz.kosh.output.Indicators;
import java.util.ArrayList;
import java.util.List;

/**
 * The top of report.html: the answer of each scenario (the lines the terminal prints, then the
 * folded table of every indicator with levels and intervals) and, with a parameter ensemble, the
 * split of each difference's variance into parameter spread and seed noise.
 */
final class AnswerSection {
    private AnswerSection() {
    }

    /**
     * The answer on top: per scenario, its short answer (the lines the terminal prints,
     * {@link HeadlineText#answer}) and, folded below it, the table of every key indicator over the
     * policy period (headline.csv).
     */
    static void answer(StringBuilder h, ExperimentData d, List<Headline.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        h.append("<h2>The answer</h2>\n");
        Headline.Row first = rows.get(0);
        // the answers first, so that the first screen holds them; how to read them follows
        h.append("<p>Each scenario minus <strong>").append(Formats.html(d.label(first.reference())))
                .append("</strong>, paired by replication, 95% confidence intervals [low; high]; * significant with the ")
                .append("false discovery rate controlled (how to read them: below the answers).</p>\n");
        for (String s : HeadlineText.scenarios(rows)) {
            String period = HeadlineText.period(HeadlineText.periodRow(rows, s));
            h.append("<h3>").append(Formats.html(d.label(s))).append(" <small>(policy period ").append(period)
                    .append(")</small></h3>\n");
            List<String> lines = HeadlineText.answer(d.label(s), relabel(rows, s, d));
            h.append("<div class=\"answer\"><p>").append(Formats.html(lines.isEmpty() ? s : lines.get(0))).append("</p>\n<ul>\n");
            for (String l : lines.subList(Math.min(1, lines.size()), lines.size())) {
                h.append("<li>").append(Formats.html(l.trim())).append("</li>\n");
            }
            h.append("</ul>").append(whereLine(s)).append("</div>\n");
            List<KeyIndicator> series = seriesOf(rows, s);
            // the end column: the steady state (mean of the last five years) when the policy period is long enough
            Headline.Row anySteady = null;
            for (Headline.Row r : rows) {
                if (r.scenario().equals(s) && r.measure() == Headline.Measure.STEADY_STATE) {
                    anySteady = r;
                    break;
                }
            }
            Headline.Measure endMeasure = anySteady != null ? Headline.Measure.STEADY_STATE : Headline.Measure.LAST_YEAR;
            String endHeading = anySteady != null ? "Difference, steady state " + HeadlineText.period(anySteady)
                    + " (mean)" : "Difference in " + first.toYear();
            h.append("<details><summary>All ").append(series.size()).append(" indicators of ")
                    .append(Formats.html(d.label(s))).append(" with levels and intervals</summary>\n");
            h.append("<table class=\"answer\">\n<thead><tr><th>Key indicator</th><th>")
                    .append(Formats.html(first.reference())).append(", mean ").append(period).append("</th><th>")
                    .append(Formats.html(s)).append(", mean ").append(period).append("</th><th>Difference, period mean (per year for flows)")
                    .append("</th><th>Difference, total ").append(period).append("</th><th>")
                    .append(Formats.html(endHeading)).append("</th></tr></thead>\n<tbody>\n");
            for (KeyIndicator k : series) {
                Headline.Row mean = find(rows, s, k, Headline.Measure.PERIOD_MEAN);
                if (mean == null) {
                    continue;
                }
                Headline.Row total = find(rows, s, k, Headline.Measure.PERIOD_TOTAL);
                Headline.Row last = find(rows, s, k, endMeasure);
                String ind = k.indicator();
                h.append("<tr><td>").append(Formats.html(k.shortLabel())).append(" <code>").append(Formats.html(k.code()))
                        .append("</code></td>");
                if (mean.n() == 0) {
                    h.append("<td colspan=\"5\">").append(Formats.html(HeadlineText.NOT_DEFINED)).append("</td></tr>\n");
                    continue;
                }
                h.append("<td class=\"num\">")
                        .append(Formats.html(Formats.interval(ind, mean.referenceMean(), mean.referenceLo(),
                                mean.referenceHi(), false)))
                        .append(drBand(k, mean.referenceMean()))
                        .append("</td><td class=\"num\">")
                        .append(Formats.html(Formats.interval(ind, mean.mean(), mean.lo(), mean.hi(), false)))
                        .append(drBand(k, mean.mean()))
                        .append("</td>");
                for (Headline.Row r : new Headline.Row[]{mean, total, last}) {
                    h.append("<td class=\"num\">");
                    if (r == null) {
                        h.append("\u2014");
                    } else {
                        String text = Formats.html(Formats.interval(ind, r.difference(), r.differenceLo(),
                                r.differenceHi(), true));
                        h.append(r.discovery() ? "<strong>" + text + "</strong> <span class=\"sig\">\u2713</span>" : text);
                    }
                    h.append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n</details>\n");
        }
        h.append("<p class=\"how\">How to read the answers: each scenario minus <strong>").append(Formats.html(d.label(first.reference())))
                .append("</strong>, paired by replication, with 95% confidence intervals [low; high], over the ")
                .append("scenario's own <em>policy period</em>: from the first year in which its parameters in force ")
                .append("differ from the reference's to the last recorded year (the whole recorded period when they ")
                .append("never differ), so that a policy from 2026 is not diluted by the years before it. Each answer leads ")
                .append("with the indicators the scenario's <code>headline:</code> names (else up to four key ")
                .append("indicators in persons or KZT whose change is clearest): flows per year and in total over the ")
                .append("period, then the <em>steady state</em> (the mean of the period's last five years, once five or ")
                .append("more years of transition have passed; a period under ten years gives ").append(first.toYear())
                .append(" instead), stocks and shares in the steady state with both levels; a steady state whose trend ")
                .append("within those five years is clearly not zero says \u201cnot yet steady\u201d. The folded table has ")
                .append("every key indicator: the yearly mean over the period, for flows also the total, then the steady ")
                .append("state. * in the answer and <span class=\"sig\">\u2713</span> in the table mark differences that "
                        + "stay significant with the false discovery rate controlled at 5% over all rows \u00d7 scenarios "
                        + "(Benjamini\u2013Hochberg, one family per measure).</p>\n<p class=\"fdr\">")
                .append(Formats.html(Headline.falseDiscoverySummary(rows, Headline.Measure.PERIOD_MEAN)
                        .replace("paired differences shown", "period-mean differences")))
                .append("</p>\n");
    }

    /** Where {@link ReportWriter} puts the one line on the regions that lose most ({@link RegionsSection#line}). */
    static final String REGIONS_LINE = "<!-- regions line -->\n";

    /** Where {@link ReportWriter} puts a scenario's one line on where people go ({@link #whereTheyGo}). */
    static String whereLine(String scenario) {
        return "<!-- where they go: " + scenario.replace("--", "- -") + " -->";
    }

    /**
     * "Where they go, 2045 (largest changes, persons): students Russia −38,425 [..], Almaty +12,345 [..], ...;
     * graduates living there ...": the three largest changes of each measure of redistribution.csv,
     * so that the first screen says where people go; empty without changes.
     */
    static String whereTheyGo(ExperimentData d, List<Redistribution.Place> redistribution, String scenario) {
        Integer year = d.reportYear();
        StringBuilder sb = new StringBuilder();
        for (String measure : List.of(Redistribution.STUDENTS, Redistribution.GRADUATES)) {
            List<Redistribution.Place> top = new java.util.ArrayList<>();
            for (Redistribution.Place r : Redistribution.largest(redistribution, scenario, measure, 3)) {
                if (r.diff().mean() != 0) { // no change anywhere (students of a policy that never moves them): nothing to name
                    top.add(r);
                }
            }
            if (top.isEmpty()) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "; ").append(measure.equals(Redistribution.STUDENTS) ? "students " : "graduates living there ");
            for (int i = 0; i < top.size(); i++) {
                Redistribution.Place r = top.get(i);
                sb.append(i == 0 ? "" : ", ").append(r.name()).append(' ').append(Formats.interval(
                        kz.kosh.indicator.CoreIndicators.GRADUATES_LIVING.name(), r.diff().mean(), r.diff().lo(),
                        r.diff().hi(), true));
            }
        }
        return sb.length() == 0 || year == null ? "" : "<p class=\"where\">Where they go, " + year
                + " (largest changes by place, persons; more below): " + Formats.html(sb.toString()) + "</p>";
    }

    /** The indicators with rows for a scenario, in the order of the rows (key indicators first). */
    static List<KeyIndicator> seriesOf(List<Headline.Row> rows, String scenario) {
        List<KeyIndicator> out = new ArrayList<>();
        for (Headline.Row r : rows) {
            if (r.scenario().equals(scenario) && !out.contains(r.key())) {
                out.add(r.key());
            }
        }
        return out;
    }

    /**
     * The Docquier-Rapoport band of a mean graduates-abroad share, as HTML after the value
     * ("<br><small>DR band 15-20%: ...</small>"); empty for other indicators.
     */
    static String drBand(KeyIndicator k, double share) {
        if (k != KeyIndicator.GRADUATES_ABROAD_SHARE || Double.isNaN(share)) {
            return "";
        }
        String band = kz.kosh.output.Indicators.docquierRapoportBand(share);
        return "<br><small class=\"band\">Docquier\u2013Rapoport band " + Formats.html(band) + ": "
                + Formats.html(kz.kosh.output.Indicators.docquierRapoportMeaning(band)) + "</small>";
    }

    /**
     * With a parameter ensemble: per scenario, the period-mean difference of each key indicator
     * with its total interval and the split of its variance into parameter spread and seed noise.
     */
    static void variance(StringBuilder h, ExperimentData d, List<VarianceSplit.Row> splits) {
        if (splits.isEmpty()) {
            return;
        }
        VarianceSplit.Row first = splits.stream().filter(r -> r.measure() == Headline.Measure.PERIOD_MEAN).findFirst()
                .orElse(splits.get(0));
        h.append("<h2>Parameter spread and seed noise</h2>\n");
        h.append("<p>The replications ran over ").append(first.sets()).append(" parameter sets that fit the ")
                .append("calibration targets (by default the baseline's posterior draws from history matching, ")
                .append("calibration/baseline-posterior.csv; else the --parameter-ensemble file named in manifest.json; ")
                .append("replication r used set r mod ").append(first.sets())
                .append(", the same in every scenario, so the differences stay paired). The interval of each difference ")
                .append("is over all replications and so includes parameter uncertainty. Its variance is split by a ")
                .append("one-way random-effects ANOVA over the sets: <em>seed noise</em> is the variance within a set ")
                .append("(different seeds, same parameters), <em>parameter spread</em> the variance of the set means ")
                .append("beyond what seed noise explains. A large parameter share means the answer depends on which ")
                .append("plausible parameters are true; more replications will not narrow it.</p>\n");
        for (String s : splits.stream().map(VarianceSplit.Row::scenario).distinct().toList()) {
            h.append("<h3>").append(Formats.html(d.label(s))).append("</h3>\n");
            h.append("<table class=\"answer\">\n<thead><tr><th>Key indicator</th><th>Difference, period mean ")
                    .append(first.fromYear() == first.toYear() ? String.valueOf(first.toYear())
                            : first.fromYear() + "\u2013" + first.toYear())
                    .append(" [95% CI]</th><th>Parameter spread</th><th>Seed noise</th><th>Set means</th></tr></thead>\n<tbody>\n");
            for (KeyIndicator k : KeyIndicator.values()) {
                VarianceSplit.Row r = VarianceSplit.find(splits, s, k, Headline.Measure.PERIOD_MEAN);
                if (r == null) {
                    continue;
                }
                String ind = k.indicator();
                boolean split = !Double.isNaN(r.parameterShare());
                h.append("<tr><td>").append(Formats.html(k.shortLabel())).append("</td><td class=\"num\">")
                        .append(Formats.html(Formats.interval(ind, r.difference(), r.lo(), r.hi(), true)))
                        .append("</td><td class=\"num\">")
                        .append(split ? Math.round(100 * r.parameterShare()) + "% (sd "
                                + Formats.html(VarianceSplit.value(ind, Math.sqrt(r.between()), false)) + ")" : "\u2014")
                        .append("</td><td class=\"num\">")
                        .append(split ? (100 - Math.round(100 * r.parameterShare())) + "% (sd "
                                + Formats.html(VarianceSplit.value(ind, Math.sqrt(r.within()), false)) + ")" : "\u2014")
                        .append("</td><td class=\"num\">")
                        .append(Formats.html(VarianceSplit.value(ind, r.setMeanMin(), true))).append(" to ")
                        .append(Formats.html(VarianceSplit.value(ind, r.setMeanMax(), true)))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
    }

    private static List<Headline.Row> relabel(List<Headline.Row> rows, String scenario, ExperimentData d) {
        List<Headline.Row> out = new ArrayList<>();
        for (Headline.Row r : rows) {
            if (r.scenario().equals(scenario)) {
                out.add(r.named(d.label(r.scenario()), d.label(r.reference())));
            }
        }
        return out;
    }

    private static Headline.Row find(List<Headline.Row> rows, String s, KeyIndicator k, Headline.Measure m) {
        for (Headline.Row r : rows) {
            if (r.scenario().equals(s) && r.key() == k && r.measure() == m) {
                return r;
            }
        }
        return null;
    }

}
