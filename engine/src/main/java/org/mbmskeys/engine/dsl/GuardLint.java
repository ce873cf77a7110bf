package org.mbmskeys.engine.dsl;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PostfixExpression;
import org.codehaus.groovy.ast.expr.PrefixExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.syntax.Types;
import org.mbmskeys.engine.model.Problem;

/**
 * Guards only read, in both compilation modes: a {@code guard { ... }} body that assigns a procedure
 * variable ({@code tries = tries + 1}, {@code tries++}, {@code tries += 1}) or calls a keyword that changes
 * the instance or acts ({@code set}, {@code send}, {@code reply}, {@code start}, {@code signal},
 * {@code emit}, {@code restartTimer}) is reported at load time. Otherwise a guard that says no could still
 * leave a change behind, kept or lost depending on the store. The runtime refuses the same calls (a guard
 * gets a read-only context), which covers what this check cannot see, such as a Java helper called from
 * the guard.
 *
 * <p>Nested closures in a guard are checked too: they run while the guard runs. Local variables the guard
 * declares may be assigned freely.
 */
final class GuardLint extends BodyLint {

    /** The action keywords that change the instance or act on the world; keep in line with {@link ActionScope}. */
    static final Set<String> CHANGING_KEYWORDS = Stream.of(Keyword.SET, Keyword.SEND, Keyword.REPLY, Keyword.START,
            Keyword.SIGNAL, Keyword.EMIT, Keyword.RESTART_TIMER).map(Keyword::word).collect(Collectors.toUnmodifiableSet());

    GuardLint(String file, List<Problem> problems) {
        super(file, problems);
    }

    @Override
    boolean checks(String keyword) {
        return Keyword.GUARD.word().equals(keyword) || Keyword.DELAY.word().equals(keyword);
    }

    @Override
    CodeVisitorSupport checker(ModuleNode module) {
        return new BodyChecker();
    }

    /** The message for a guard that assigns {@code variable}. */
    static String assigns(String variable) {
        return "a guard cannot assign variable '" + variable + "': guards only read and decide whether the transition "
                + "fires; change it in the transition's action { ... } instead";
    }

    /** The message for a guard that calls {@code keyword}. */
    static String calls(String keyword) {
        return "a guard cannot " + keyword + ": guards only read and decide whether the transition fires; "
                + keyword + " in the transition's action { ... } instead";
    }

    /** The same message for a {@code delay { ... }} body, which only reads as a guard does. */
    static String asDelay(String guardMessage) {
        return guardMessage.replace("a guard cannot", "a delay cannot")
                .replace("guards only read and decide whether the transition fires", "a delay only reads and gives the timer's delay")
                .replace("in the transition's action { ... } instead", "in an action { ... } instead");
    }

    private final class BodyChecker extends CodeVisitorSupport {

        @Override
        public void visitBinaryExpression(BinaryExpression expression) {
            if (!(expression instanceof DeclarationExpression) && Types.isAssignment(expression.getOperation().getType())
                    && expression.getLeftExpression() instanceof VariableExpression v && isProcedureVariable(v)) {
                report(expression.getLeftExpression(), assigns(v.getName()));
            }
            super.visitBinaryExpression(expression);
        }

        @Override
        public void visitPostfixExpression(PostfixExpression expression) {
            if (expression.getExpression() instanceof VariableExpression v && isProcedureVariable(v)) {
                report(expression, assigns(v.getName()));
            }
            super.visitPostfixExpression(expression);
        }

        @Override
        public void visitPrefixExpression(PrefixExpression expression) {
            if (expression.getExpression() instanceof VariableExpression v && isProcedureVariable(v)) {
                report(expression, assigns(v.getName()));
            }
            super.visitPrefixExpression(expression);
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            String name = call.getMethodAsString();
            if (call.isImplicitThis() && name != null && CHANGING_KEYWORDS.contains(name)) {
                report(call, calls(name));
            }
            super.visitMethodCallExpression(call);
        }

        /** A name the guard did not declare: in a guard it can only be a procedure variable (or a typo, reported elsewhere). */
        private boolean isProcedureVariable(VariableExpression v) {
            return v.getAccessedVariable() instanceof DynamicVariable;
        }

        private void report(Expression at, String message) {
            GuardLint.this.report(at.getLineNumber(), at.getColumnNumber(), Keyword.DELAY.is(keyword) ? asDelay(message) : message);
        }
    }
}
