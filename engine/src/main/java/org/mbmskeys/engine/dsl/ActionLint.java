package org.mbmskeys.engine.dsl;

import java.util.List;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.SourceRef;

/**
 * For dynamically compiled scripts: finds unknown words in action bodies at load time. Action bodies run
 * only when an instance steps, so without this check a typo there ({@code sned 'x', y}) would surface as
 * an instance failing in production. Statically compiled scripts get the same check from the type
 * checker ({@link StaticScriptChecks}).
 *
 * <p>Only the body's own statements are checked, not closures nested in it: those may resolve names
 * against their own delegate ({@code list.each { ... }}, {@code obj.with { ... }}).
 */
final class ActionLint extends CompilationCustomizer {

    private final String file;
    private final List<Problem> problems;
    private boolean done;

    ActionLint(String file, List<Problem> problems) {
        super(CompilePhase.CANONICALIZATION);
        this.file = file;
        this.problems = problems;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (done) {
            return;
        }
        done = true;
        ScriptFacts facts = ScriptFacts.of(source.getAST());
        CodeVisitorSupport finder = new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                List<Expression> args = ScriptFacts.arguments(call);
                if (call.isImplicitThis() && BlockKind.openedBy(call.getMethodAsString()) == BlockKind.ACTION
                        && !args.isEmpty() && args.get(args.size() - 1) instanceof ClosureExpression body) {
                    body.getCode().visit(new BodyChecker(facts));
                    return;
                }
                super.visitMethodCallExpression(call);
            }
        };
        source.getAST().getStatementBlock().visit(finder);
        for (ClassNode type : source.getAST().getClasses()) {
            for (MethodNode method : type.getMethods()) {
                if (method.getCode() != null && !(type.isScript() && "run".equals(method.getName()))) {
                    method.getCode().visit(finder);
                }
            }
        }
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

        private void report(int line, int column, String message) {
            problems.add(new Problem(new SourceRef(file, line, column), message));
        }
    }
}
