package kz.kosh.docs;

import kz.kosh.experiment.report.KeyIndicator;
import kz.kosh.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The answer printed in docs/tutorial.md is what {@code compare} prints today: the same heading,
 * the indicators each scenario's {@code headline:} names in that order and with the labels the
 * code gives them, each line in the form of its kind (a flow per year, in total and in the steady
 * state, a stock or a share in the steady state with both levels), and the closing legend. The numbers themselves
 * change with the model; the tutorial states the command and the date of the run they come from.
 */
class TutorialOutputTest {
    private static final String NUMBER = "[-+]?[0-9][0-9,.]*";
    private static final String CI = NUMBER + "(?: pp)? \\[" + NUMBER + "; " + NUMBER + "\\](?: (?:bn|m) KZT)?";
    private static final String MARK = "(?: \\*)?";
    private static final Pattern HEADING = Pattern.compile(
            "Answer: ([a-z0-9.-]+) against ([a-z0-9.-]+), policy period (\\d{4})\u2013(\\d{4}), 95% CI over (\\d+) paired replications:");
    private static final String PERIOD = "\\d{4}\u2013\\d{4}";
    /** A steady state that has not settled says so. */
    private static final String DRIFT = "(?: \\(not yet steady: " + CI + " per 5 years\\))?";
    /** The end of a flow's line: the steady state (a period of ten years or more) or the last year. */
    private static final String FLOW = "(?: persons)? per year" + MARK + ", " + CI + "(?: persons)? in total " + PERIOD
            + MARK + "; (?:(?:steady state )?" + PERIOD + ": " + CI + " per year" + MARK + DRIFT + "|" + CI + " in \\d{4}"
            + MARK + ")";
    /** A stock or share: the steady state (or the last year) with both levels, a steady state not settled saying so. */
    private static final String LEVEL = "(?: persons)? (?:in the steady state " + PERIOD + "|on average " + PERIOD
            + "|in \\d{4})" + MARK + " \\([^();]* \u2192 [^();]*(?:; not yet steady: " + CI + " per 5 years)?\\); " + CI
            + " on average " + PERIOD + MARK;
    /** With a parameter ensemble and enough replications per set, the split of the variance. */
    private static final String VARIANCE = "(?: \\[variance: \\d+% parameter spread, \\d+% seed noise\\])?";
    private static final Pattern LINE = Pattern.compile("  (.+?): " + CI + "(" + FLOW + "|" + LEVEL + ")" + VARIANCE);

    @Test
    void theTutorialsAnswerHasTheFormAndLeadsOfTodaysCompare() throws IOException {
        String md = Files.readString(Path.of("docs/tutorial.md"));
        int section = md.indexOf("## Reading the answer");
        assertTrue(section > 0, "the tutorial has a section 'Reading the answer'");
        int open = md.indexOf("```\n", section);
        int close = md.indexOf("```", open + 4);
        List<String> lines = List.of(md.substring(open + 4, close).strip().split("\n"));
        int i = 0;
        int answers = 0;
        while (i < lines.size() && lines.get(i).startsWith("Answer: ")) {
            Matcher h = HEADING.matcher(lines.get(i));
            assertTrue(h.matches(), "heading as compare prints it: " + lines.get(i));
            answers++;
            List<String> expected = new ArrayList<>();
            for (String code : ScenarioLoader.load(Path.of("scenarios", h.group(1) + ".yaml")).scenario().headline()) {
                expected.add(KeyIndicator.parse(code).shortLabel());
            }
            assertTrue(!expected.isEmpty(), h.group(1) + " names its headline, so the tutorial's lines are fixed");
            List<String> shown = new ArrayList<>();
            i++;
            while (i < lines.size() && lines.get(i).startsWith("  ")) {
                Matcher l = LINE.matcher(lines.get(i).replace('\u2212', '-'));
                assertTrue(l.matches(), "a line in the form compare prints: " + lines.get(i));
                shown.add(l.group(1));
                i++;
            }
            assertEquals(expected, shown, "the leads of " + h.group(1) + ", in the order of its headline");
            assertTrue(shown.size() <= 4, "at most five lines per scenario");
        }
        assertTrue(answers >= 2, "the tutorial shows the answer of both policies");
        assertTrue(i < lines.size() && lines.get(i).startsWith("(* significant with the false discovery rate controlled at 5%"),
                "the legend closes the answer");
    }
}
