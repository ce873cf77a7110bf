package org.mbmskeys.engine.dsl;

import java.util.List;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.mbmskeys.engine.model.Problem;

/**
 * For dynamically compiled scripts: finds unknown words in action bodies at load time. Action bodies run
 * only when an instance steps, so without this check a typo there ({@code sned 'x', y}) would surface as
 * an instance failing in production. Statically compiled scripts get the same check from the type
 * checker ({@link StaticScriptChecks}).
 *
 * <p>Only the body's own statements are checked, not closures nested in it: those may resolve names
 * against their own delegate ({@code list.each { ... }}, {@code obj.with { ... }}).
 */
final class ActionLint extends BodyLint {

    ActionLint(String file, List<Problem> problems) {
        super(file, problems);
    }

    @Override
    boolean checks(String keyword) {
        return BlockKind.openedBy(keyword) == BlockKind.ACTION;
    }

    @Override
    CodeVisitorSupport checker(ModuleNode module) {
        return new BodyChecker(ScriptFacts.of(module));
    }

    private final class BodyChecker extends CodeVisitorSupport {
        private final ScriptFacts facts;

        BodyChecker(ScriptFacts facts) {
            this.facts = facts;
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            String name = call.getMethodAsString();
            if (call.isImplicitThis() && name != null && !Keywords.of(BlockKind.ACTION).contains(name)) {
                report(call.getLineNumber(), call.getColumnNumber(), Keywords.unknownCall(BlockKind.ACTION, name, List.of()));
            }
            super.visitMethodCallExpression(call);
        }

        @Override
        public void visitVariableExpression(VariableExpression variable) {
            String name = variable.getName();
            if (variable.getAccessedVariable() instanceof DynamicVariable && !Keywords.actionProperties().contains(name)
                    && !facts.variables.containsKey(name)) {
                report(variable.getLineNumber(), variable.getColumnNumber(),
                        Keywords.unknownName(BlockKind.ACTION, name, facts.variables.keySet()));
            }
        }

        @Override
        public void visitClosureExpression(ClosureExpression expression) {
            // nested closures may have their own delegate; see the class comment
        }
    }
}
