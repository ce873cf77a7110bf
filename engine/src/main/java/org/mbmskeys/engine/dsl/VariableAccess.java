package org.mbmskeys.engine.dsl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PostfixExpression;
import org.codehaus.groovy.ast.expr.PrefixExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.syntax.Types;

/**
 * For statically compiled scripts: in action blocks, a bare procedure variable read ({@code push}) becomes
 * {@code get('push')}, and a statement assigning one ({@code push = next.get()}) becomes
 * {@code set('push', next.get())}: direct calls, typed by the variable's declaration, where Groovy would
 * otherwise go through the closure's property look-up (Groovy 5.0.8 calls {@code Class.getMethod} at every
 * such write, about 1 % of a whole re-key). What a script means does not change: {@link ActionScope#get} and
 * {@link ActionScope#set} are what the dynamic look-up ends in. A value of the wrong type is still refused
 * when the script loads ({@link StaticScriptChecks} checks {@code set}'s value against the declaration).
 *
 * <p>Left as they are (and so dynamic): a name declared in the block itself (a local variable or parameter of
 * that name hides the procedure variable), compound assignments ({@code attempts += 1}, {@code attempts++}), and
 * an assignment used as a value ({@code if ((push = next()) != null)}).
 */
final class VariableAccess extends ScriptRewrite {

    @Override
    ClassCodeExpressionTransformer transformer(SourceUnit source) {
        Set<String> variables = ScriptFacts.of(source.getAST()).variables.keySet();
        return variables.isEmpty() ? null : new Rewriter(source, variables);
    }

    private static final class Rewriter extends ClassCodeExpressionTransformer {
        private final SourceUnit source;
        private final Set<String> variables;
        /** The kinds of the blocks the transformer is in, innermost first. */
        private final Deque<BlockKind> blocks = new ArrayDeque<>();

        Rewriter(SourceUnit source, Set<String> variables) {
            this.source = source;
            this.variables = variables;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public void visitExpressionStatement(ExpressionStatement statement) {
            if (inAction() && statement.getExpression() instanceof BinaryExpression b
                    && b.getOperation().getType() == Types.ASSIGN && isVariable(b.getLeftExpression())) {
                String name = ((VariableExpression) b.getLeftExpression()).getName();
                statement.setExpression(call("set", b, new ConstantExpression(name), transform(b.getRightExpression())));
                return;
            }
            super.visitExpressionStatement(statement);
        }

        @Override
        public Expression transform(Expression expression) {
            if (expression instanceof MethodCallExpression call && call.isImplicitThis()) {
                BlockKind opened = BlockKind.openedBy(call.getMethodAsString());
                if (opened != null) {
                    blocks.push(opened);
                    try {
                        return super.transform(expression);
                    } finally {
                        blocks.pop();
                    }
                }
            }
            if (expression instanceof ClosureExpression closure) {
                closure.getCode().visit(this);
                return closure;
            }
            if (!inAction()) {
                return super.transform(expression);
            }
            if (expression instanceof BinaryExpression b && Types.ofType(b.getOperation().getType(), Types.ASSIGNMENT_OPERATOR)
                    && isVariable(b.getLeftExpression())) {
                b.setRightExpression(transform(b.getRightExpression()));
                return b;   // a compound assignment, or one used as a value: stays as Groovy compiles it
            }
            if ((expression instanceof PostfixExpression p && isVariable(p.getExpression()))
                    || (expression instanceof PrefixExpression q && isVariable(q.getExpression()))) {
                return expression;
            }
            if (isVariable(expression)) {
                return call("get", expression, new ConstantExpression(((VariableExpression) expression).getName()));
            }
            return super.transform(expression);
        }

        private boolean inAction() {
            return blocks.peek() == BlockKind.ACTION;
        }

        /** A bare name that resolves to nothing in the script but a declared procedure variable. */
        private boolean isVariable(Expression e) {
            return e instanceof VariableExpression v && v.getAccessedVariable() instanceof DynamicVariable
                    && variables.contains(v.getName());
        }

        private static MethodCallExpression call(String keyword, Expression at, Expression... arguments) {
            MethodCallExpression call = new MethodCallExpression(VariableExpression.THIS_EXPRESSION, keyword,
                    new ArgumentListExpression(arguments));
            call.setImplicitThis(true);
            call.setSourcePosition(at);
            return call;
        }
    }
}
