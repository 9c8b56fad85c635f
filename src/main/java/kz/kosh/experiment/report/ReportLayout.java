package kz.kosh.experiment.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page layout of report.html: its style sheet and the rules that keep every table inside a
 * 1366 px wide window (the laptop screen an analyst reads it on). The content column is at most
 * {@link #CONTENT_PX} wide; a number cell may break between a value and its interval and
 * inside the interval after its semicolon ("4.54", "[4.22;" and "4.85] bn KZT" each stay whole), an indicator name may break after an underscore, and every table sits in a box that scrolls sideways rather than cut anything
 * when a window is narrower still. ReportLayoutTest checks the widths the tables need.
 */
final class ReportLayout {
    /** Widest content column (CSS body max-width); with the margins it fits 1366 px and less. */
    static final int CONTENT_PX = 1000;

    static final String CSS = """
            body { font-family: -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: #222;
                   max-width: 1000px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
            h1 { font-size: 1.7em; margin-bottom: 0.2em; }
            h2 { font-size: 1.3em; margin-top: 1.8em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
            .settings { color: #555; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
            th, td { padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
            thead th { border-bottom: 2px solid #444; }
            tr.group th { background: #f0f3f7; font-weight: 600; border-top: 1px solid #ccc; }
            tr.group th code { font-weight: normal; color: #666; font-size: 0.85em; }
            td.num { font-variant-numeric: tabular-nums; }
            .nw { white-space: nowrap; }
            div.wide { overflow-x: auto; max-width: 100%; }
            td.num small.band { display: block; white-space: normal; min-width: 12em; color: #555; }
            .ref { color: #666; font-size: 0.85em; }
            .sig { color: #0a6b2f; font-weight: 600; white-space: nowrap; }
            figure { margin: 1.5em 0; }
            figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: #444; font-size: 0.92em; margin-top: 0.3em; }
            .notes li { color: #7a4b00; }
            h3 { font-size: 1.1em; margin-bottom: 0.3em; }
            div.answer { background: #f4f8fb; border-left: 4px solid #1F77B4; padding: 0.4em 0.8em; }
            div.answer p { margin: 0.2em 0; font-weight: 600; }
            div.answer ul { margin: 0.2em 0; padding-left: 1.2em; }
            details { margin: 0.4em 0 1em; }
            summary { cursor: pointer; color: #1F77B4; }
            table.answer td, table.answer th { font-size: 0.92em; }
            dl.glossary dt { font-weight: 600; margin-top: 0.5em; }
            dl.glossary dd { margin-left: 1.2em; }
            """;

    private static final Pattern CODE = Pattern.compile("<code>([^<]*)</code>");
    private static final Pattern NUM_CELL = Pattern.compile("(<td class=\"num\"[^>]*>)(.*?)(</td>)", Pattern.DOTALL);
    private static final Pattern INTERVAL = Pattern.compile("\\[[^\\[\\]<]*\\]( (?:bn|m) KZT)?");

    private ReportLayout() {
    }

    /** "[lo; hi] unit" as two pieces that each stay whole: "[lo;" and "hi] unit". */
    private static String halves(String interval) {
        int cut = interval.indexOf("; ");
        if (cut < 0) {
            return "<span class=\"nw\">" + interval + "</span>";
        }
        return "<span class=\"nw\">" + interval.substring(0, cut + 1) + "</span> <span class=\"nw\">"
                + interval.substring(cut + 2) + "</span>";
    }

    /**
     * The page with every table in a sideways-scrolling box and every number cell breakable
     * between a value and its interval (intervals kept whole, with their unit).
     */
    static String fit(String html) {
        String wrapped = html.replace("<table", "<div class=\"wide\"><table").replace("</table>", "</table></div>");
        // long indicator names may break after an underscore
        wrapped = CODE.matcher(wrapped).replaceAll(r -> Matcher.quoteReplacement("<code>" + r.group(1).replace("_", "_<wbr>")
                + "</code>"));
        Matcher m = NUM_CELL.matcher(wrapped);
        StringBuilder sb = new StringBuilder(wrapped.length() + 1024);
        while (m.find()) {
            String cell = INTERVAL.matcher(m.group(2)).replaceAll(r -> Matcher.quoteReplacement(halves(r.group())));
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + cell + m.group(3)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
