package kz.kosh.experiment.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * report.html fits a 1366 px window without cutting anything, checked on its structure (no
 * browser here): the content column is at most {@link ReportLayout#CONTENT_PX} wide, only short
 * marks and value/interval units refuse to wrap, every table scrolls sideways inside its own box
 * rather than overflow the page, and the narrowest width each table can take (the sum over its
 * columns of the widest unbreakable piece of text, at a pessimistic 9 px a character, plus the
 * cell padding) is within the content column.
 */
class ReportLayoutTest {
    /** A pessimistic average character width of the report's sans-serif font at 16 px (about 0.55 em). */
    private static final double PX_PER_CHAR = 9.0;
    /** Cell padding: 0.6 em left and right. */
    private static final double PADDING_PX = 2 * 0.6 * 16;
    private static final int SCREEN_PX = 1366;

    @Test
    void theReportFitsA1366PixelWindow(@TempDir Path dir) throws IOException {
        // a comparison with wide numbers: billions of KZT and hundreds of thousands of persons
        HeadlineCollector c = HeadlineTest.constructed();
        List<Headline.Row> rows = new ArrayList<>(Headline.compute(c, List.of("baseline", "no-bolashak-obligation-from-2026")));
        rows.add(new Headline.Row("no-bolashak-obligation-from-2026", "baseline", KeyIndicator.FISCAL_LOSS_BOLASHAK,
                Headline.Measure.PERIOD_TOTAL, 2026, 2045, -1.2345e11, -1.3345e11, -1.1345e11, 1.37654e12, 1.25e12, 1.5e12,
                -1.38e12, -1.5e12, -1.25e12, 10));
        rows.add(new Headline.Row("no-bolashak-obligation-from-2026", "baseline", KeyIndicator.GRADUATES_ABROAD_SHARE,
                Headline.Measure.PERIOD_MEAN, 2026, 2045, 0.112, 0.110, 0.114, 0.1131, 0.111, 0.115, 0.0013, 0.0011, 0.0014, 10));
        HeadlineCsv.write(dir, Headline.withFalseDiscoveryControl(rows));
        Files.writeString(dir.resolve("summary.csv"), "scenario,year,indicator,place,mean,sd,ci95_low,ci95_high,p05,p50,p95,n\n"
                + "baseline,2045,graduates_abroad,KZ,453189,1,453100,453300,453100,453189,453300,4\n"
                + "no-bolashak-obligation-from-2026,2045,graduates_abroad,KZ,-457633,1,-457700,-457500,457600,457633,457700,4\n"
                + "baseline,2045,docquier_rapoport_share,KZ,0.112,0.001,0.110,0.114,0.11,0.112,0.114,4\n",
                StandardCharsets.UTF_8);
        ReportWriter.write(dir);
        String html = Files.readString(dir.resolve("report.html"));

        Matcher body = Pattern.compile("body \\{[^}]*max-width: (\\d+)px").matcher(html);
        assertTrue(body.find(), "the page has a maximum content width");
        int content = Integer.parseInt(body.group(1));
        assertEquals(ReportLayout.CONTENT_PX, content);
        assertTrue(content + 2 * 32 <= SCREEN_PX, "content and margins fit " + SCREEN_PX + " px");
        // nothing refuses to wrap but the marks and the value/interval units
        Matcher nowrap = Pattern.compile("([^{}]+)\\{[^}]*white-space: nowrap").matcher(html.substring(0, html.indexOf("</style>")));
        while (nowrap.find()) {
            String selector = nowrap.group(1).trim();
            assertTrue(selector.equals(".nw") || selector.equals(".sig"), "a nowrap rule beyond the value units: " + selector);
        }
        int tables = 0;
        Matcher t = Pattern.compile("<table.*?</table>", Pattern.DOTALL).matcher(html);
        while (t.find()) {
            tables++;
            String before = html.substring(Math.max(0, t.start() - 30), t.start());
            assertTrue(before.endsWith("<div class=\"wide\">"), "a table scrolls in its own box: " + before);
            double px = minimumWidth(t.group());
            assertTrue(px <= content, "a table needs " + Math.round(px) + " px, the page has " + content + "; widest "
                    + "pieces by column: " + widestPieces(t.group()));
        }
        assertTrue(tables >= 2, tables + " tables");
        assertTrue(html.contains("<span class=\"nw\">[\u2212166;</span> <span class=\"nw\">+1,066]</span>"),
                "an interval breaks only after its semicolon");
        assertFalse(html.contains("nowrap;\" "), "no inline nowrap");
    }

    /** The narrowest width of a table: per column the widest unbreakable piece of its cells, summed, with padding. */
    static double minimumWidth(String table) {
        double px = 0;
        for (String cell : widestCells(table)) {
            px += widestPiece(cell) * PX_PER_CHAR + PADDING_PX;
        }
        return px;
    }

    /** The widest unbreakable piece of each column, as text (for messages). */
    static List<String> widestPieces(String table) {
        return widestCells(table).stream().map(ReportLayoutTest::text).toList();
    }

    /** Per column, the cell (HTML) with the widest unbreakable piece; cells spanning columns count for none. */
    private static List<String> widestCells(String table) {
        List<String> out = new ArrayList<>();
        Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table);
        while (row.find()) {
            Matcher cell = Pattern.compile("<(td|th)([^>]*)>(.*?)</\\1>", Pattern.DOTALL).matcher(row.group(1));
            int col = 0;
            while (cell.find()) {
                if (cell.group(2).contains("colspan")) {
                    col += Integer.parseInt(cell.group(2).replaceAll(".*colspan=\"(\\d+)\".*", "$1"));
                    continue;
                }
                while (out.size() <= col) {
                    out.add("");
                }
                if (widestPiece(cell.group(3)) > widestPiece(out.get(col))) {
                    out.set(col, cell.group(3));
                }
                col++;
            }
        }
        return out;
    }

    /** The longest piece of a cell that cannot wrap: a nowrap span whole, otherwise a word (or a hyphenated word's part). */
    static int widestPiece(String cell) {
        int widest = 0;
        Matcher nw = Pattern.compile("<span class=\"nw\">(.*?)</span>", Pattern.DOTALL).matcher(cell);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (nw.find()) {
            widest = Math.max(widest, text(nw.group(1)).length());
            rest.append(cell, last, nw.start()).append(' ');
            last = nw.end();
        }
        rest.append(cell.substring(last));
        // breaks: spaces, <wbr>, and after a hyphen before a letter (browsers break "no-bolashak" there)
        for (String word : text(rest.toString().replace("<wbr>", " ")).split("\\s+|(?<=-)(?=\\p{L})")) {
            widest = Math.max(widest, word.length());
        }
        return widest;
    }

    private static String text(String html) {
        return html.replaceAll("<br>", " ").replaceAll("<[^>]+>", " ").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replaceAll("\\s+", " ").trim();
    }
}
