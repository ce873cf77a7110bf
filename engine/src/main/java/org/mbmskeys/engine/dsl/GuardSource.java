package org.mbmskeys.engine.dsl;

import java.util.List;
import java.util.Optional;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;

/**
 * The label a guard gets when the script gives none: the source text of its condition, so that a diagram
 * shows {@code [event.ok() && attempt < 3]} rather than {@code [guarded]}.
 *
 * <p>Only a condition that is one expression is taken, and only what the parser says that expression spans,
 * with every run of white space (line breaks included) made one space. A guard of several statements
 * gets no label from its source (its last statement alone would misstate it), nor does one whose text
 * holds a comment marker (a comment inside a split expression would swallow the rest once joined).
 * Longer texts are cut to {@link #MAX_LENGTH} characters, ending in an ellipsis. The label form,
 * {@code guard('ack is ok') { ... }}, is for all of these.
 */
final class GuardSource {

    /** Long enough for a condition like {@code event.ok() && attempt < maxAttempts}, short enough for an arrow. */
    static final int MAX_LENGTH = 60;

    private GuardSource() {
    }

    static Optional<String> of(ClosureExpression condition, PositionIndex index) {
        if (!(condition.getCode() instanceof BlockStatement block)) {
            return Optional.empty();
        }
        List<Statement> statements = block.getStatements();
        if (statements.size() != 1 || !(statements.get(0) instanceof ExpressionStatement expression)) {
            return Optional.empty();
        }
        return index.text(expression.getLineNumber(), expression.getColumnNumber(), expression.getLastLineNumber(),
                        expression.getLastColumnNumber())
                .map(text -> text.strip().replaceAll("\\s+", " "))
                .filter(text -> !text.isEmpty() && !text.contains("//") && !text.contains("/*"))
                .map(GuardSource::shortened);
    }

    static String shortened(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1).stripTrailing() + "…";
    }
}
