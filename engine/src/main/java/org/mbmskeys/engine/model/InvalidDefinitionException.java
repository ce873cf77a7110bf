package org.mbmskeys.engine.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One or more procedure definitions are broken. The message lists every problem, one per line, as
 * {@code file:line:col: message}, then a count.
 */
public final class InvalidDefinitionException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidDefinitionException(List<Problem> problems) {
        super(format(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidDefinitionException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(List<Problem> problems) {
        long files = problems.stream().map(p -> p.where().file()).distinct().count();
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"))
                + "\n" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + files
                + (files == 1 ? " file" : " files");
    }
}
