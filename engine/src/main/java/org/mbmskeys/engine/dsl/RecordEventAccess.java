package org.mbmskeys.engine.dsl;

import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.control.SourceUnit;
import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.model.TimerFired;

/**
 * For statically compiled scripts: {@code event.name} on an event that is a Java record becomes
 * {@code event.name()}. Groovy's static type checker sees a record component only as a private field
 * ("Access to Signal#name is forbidden"), while a script author reasonably writes property syntax, as
 * the dynamic mode allows. Only {@code event} itself is rewritten, in blocks whose trigger type is known
 * (on(Type), on(signal(...)), after(...)); deeper paths need the accessor call written out.
 */
final class RecordEventAccess extends ScriptRewrite {

    @Override
    ClassCodeExpressionTransformer transformer(SourceUnit source) {
        return new Rewriter(source);
    }

    private static final class Rewriter extends ClassCodeExpressionTransformer {
        private final SourceUnit source;
        private final Deque<Class<?>> eventTypes = new ArrayDeque<>();

        Rewriter(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public Expression transform(Expression expression) {
            if (expression instanceof MethodCallExpression call && call.isImplicitThis()) {
                Class<?> type = triggerType(call);
                if (type != null) {
                    eventTypes.push(type);
                    try {
                        return super.transform(expression);
                    } finally {
                        eventTypes.pop();
                    }
                }
            }
            if (expression instanceof ClosureExpression closure) {
                closure.getCode().visit(this);
                return closure;
            }
            if (expression instanceof PropertyExpression property && !eventTypes.isEmpty()
                    && property.getObjectExpression() instanceof VariableExpression v && "event".equals(v.getName())
                    && v.getAccessedVariable() instanceof DynamicVariable && isComponent(eventTypes.peek(), property.getPropertyAsString())) {
                MethodCallExpression accessor = new MethodCallExpression(v, property.getPropertyAsString(), ArgumentListExpression.EMPTY_ARGUMENTS);
                accessor.setImplicitThis(false);
                accessor.setSafe(property.isSafe());
                accessor.setSourcePosition(property);
                return accessor;
            }
            return super.transform(expression);
        }

        private static Class<?> triggerType(MethodCallExpression call) {
            List<Expression> args = ScriptFacts.arguments(call);
            Keyword.Trigger trigger = Keyword.named(call.getMethodAsString()).map(Keyword::trigger).orElse(Keyword.Trigger.NONE);
            if (trigger == Keyword.Trigger.TIMER) {
                return TimerFired.class;
            }
            if (trigger != Keyword.Trigger.EVENT_OR_SIGNAL || args.isEmpty()) {
                return null;
            }
            if (args.get(0) instanceof ClassExpression c && c.getType().isResolved()) {
                try {
                    return c.getType().getTypeClass();
                } catch (RuntimeException | LinkageError notLoadable) {
                    return null; // declared in the script itself: Groovy records have properties anyway
                }
            }
            if (args.get(0) instanceof MethodCallExpression m && Keyword.SIGNAL.is(m.getMethodAsString())) {
                return Signal.class;
            }
            return null;
        }

        private static boolean isComponent(Class<?> type, String name) {
            if (type == null || !type.isRecord() || name == null) {
                return false;
            }
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }
}
