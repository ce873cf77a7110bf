package org.mbmskeys.engine.dsl;

import java.util.List;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Fills a {@link PositionIndex} with every implicit-this call and bare name of the script, and the source
 * text of every {@code guard} condition ({@link GuardSource}), right after parsing.
 */
final class PositionRecorder extends CompilationCustomizer {

    private final PositionIndex index;

    PositionRecorder(PositionIndex index) {
        super(CompilePhase.CONVERSION);
        this.index = index;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        CodeVisitorSupport visitor = new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                if (call.isImplicitThis() && call.getMethodAsString() != null) {
                    index.add(call.getMethodAsString(), call.getLineNumber(), call.getColumnNumber(), call.getLastLineNumber());
                    if (Keyword.GUARD.is(call.getMethodAsString()) || Keyword.DELAY.is(call.getMethodAsString())) {
                        List<Expression> args = ScriptFacts.arguments(call);
                        if (!args.isEmpty() && args.get(args.size() - 1) instanceof ClosureExpression condition) {
                            GuardSource.of(condition, index).ifPresent(text ->
                                    index.addGuardSource(call.getLineNumber(), call.getColumnNumber(), text));
                        }
                    }
                }
                super.visitMethodCallExpression(call);
            }

            @Override
            public void visitVariableExpression(VariableExpression variable) {
                if (!variable.isThisExpression() && !variable.isSuperExpression()) {
                    index.add(variable.getName(), variable.getLineNumber(), variable.getColumnNumber(), variable.getLineNumber());
                }
            }
        };
        if (classNode.isScript()) {
            source.getAST().getStatementBlock().visit(visitor);
        }
        for (MethodNode method : classNode.getMethods()) {
            if (method.getCode() != null) {
                method.getCode().visit(visitor);
            }
        }
    }
}
