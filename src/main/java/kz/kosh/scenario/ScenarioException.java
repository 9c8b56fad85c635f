package kz.kosh.scenario;

import java.util.List;

/**
 * An input file (a scenario or one of the files it extends, an experiment, calibration,
 * targets or patterns file, an ensemble CSV) is invalid. Carries every problem found in
 * one pass, each naming the file, the field path and what is allowed.
 */
public final class ScenarioException extends RuntimeException {
    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Longest list printed; a file with thousands of problems is summarised after these. */
    static final int MAX_LISTED = 40;

    private static String message(List<String> problems) {
        List<String> shown = problems.size() > MAX_LISTED ? problems.subList(0, MAX_LISTED) : problems;
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the input:\n  - " + String.join("\n  - ", shown)
                + (problems.size() > MAX_LISTED ? "\n  ... and " + (problems.size() - MAX_LISTED) + " more" : "");
    }

    /** The problems, one line each, in the order they were found. */
    public List<String> problems() {
        return problems;
    }
}
