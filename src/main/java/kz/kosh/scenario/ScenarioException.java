package kz.kosh.scenario;

import java.util.List;

/**
 * A scenario file (or one of the files it extends) is invalid. Carries every problem found in
 * one pass, each naming the file, the field path and what is allowed.
 */
public final class ScenarioException extends RuntimeException {
    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(problems.size() + " problem(s) in scenario:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems, one line each, in the order they were found. */
    public List<String> problems() {
        return problems;
    }
}
