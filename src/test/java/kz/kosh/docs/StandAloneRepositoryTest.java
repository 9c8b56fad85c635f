package kz.kosh.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository stands alone: a user has only the clone, so no document, scenario, calibration
 * or experiment file, source or resource points to a machine path ({@code /work/...},
 * {@code /home/...}, a Windows drive), to a folder beside the repository ({@code ../shared},
 * {@code shared/data}, {@code shared/evidence}) or to files that are not in it (EVIDENCE.md; a
 * bare "policies.md" meaning the compiled programme rules, now [PR] in docs/evidence.md; a link to
 * {@code docs/policies.md} or {@code [policies.md](policies.md)} is the repository's own page).
 * Every {@code [KEY]} source key cited in the documents is defined in docs/evidence.md.
 */
class StandAloneRepositoryTest {
    private static final Pattern OUTSIDE = Pattern.compile(
            "/work/|/home/|[A-Z]:\\\\[A-Za-z]|\\.\\./shared|shared/data|shared/evidence|EVIDENCE\\.md"
                    + "|(?<!docs/)(?<!\\[)(?<!]\\()policies\\.md");
    private static final List<String> ROOTS = List.of("README.md", "docs", "calibration", "scenarios", "experiments",
            "src/main", "kosh");

    @Test
    void nothingPointsOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : files()) {
            String text = read(f);
            if (text == null) {
                continue;
            }
            int line = 1;
            int from = 0;
            Matcher m = OUTSIDE.matcher(text);
            while (m.find()) {
                for (int i = from; i < m.start(); i++) {
                    line += text.charAt(i) == '\n' ? 1 : 0;
                }
                from = m.start();
                found.add(f + ":" + line + ": " + m.group());
            }
        }
        assertTrue(found.isEmpty(), "paths outside the repository (a user has only the clone):\n  " + String.join("\n  ", found));
    }

    @Test
    void everyCitedSourceKeyIsDefinedOnTheEvidencePage() throws IOException {
        String evidence = Files.readString(Path.of("docs/evidence.md"), StandardCharsets.UTF_8);
        for (String key : List.of("N24", "B22", "K", "AI25", "IS26", "PR")) {
            assertTrue(evidence.contains("- **[" + key + "]**"), "docs/evidence.md defines [" + key + "]");
        }
        Pattern cite = Pattern.compile("\\[(N24|B22|AI25|IS26|PR)[],]");
        int cited = 0;
        for (Path f : files()) {
            String text = read(f);
            if (text != null && cite.matcher(text).find()) {
                cited++;
            }
        }
        assertTrue(cited > 10, "the sources are cited by key (" + cited + " files)");
    }

    private static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String r : ROOTS) {
            Path p = Path.of(r);
            if (Files.isRegularFile(p)) {
                out.add(p);
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(StandAloneRepositoryTest::text).forEach(out::add);
                }
            }
        }
        return out;
    }

    private static boolean text(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".md") || n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".java") || n.endsWith(".csv")
                || n.endsWith(".txt") || n.endsWith(".py") || n.endsWith(".R") || n.endsWith(".sh") || n.endsWith(".html");
    }

    private static String read(Path f) throws IOException {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return null;
        }
    }
}
