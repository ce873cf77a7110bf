package org.mbmskeys.engine.dsl;

import java.util.List;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.SourceRef;

/**
 * A load-time check of the closure bodies a script gives to some keywords, wherever it writes them (its
 * top-level statements and its own methods), once per script: the compiler calls a customizer for every
 * class of the script. Subclasses say which keywords' bodies they check and how.
 */
abstract class BodyLint extends CompilationCustomizer {

    private final String file;
    private final List<Problem> problems;
    private boolean done;
    /** The keyword whose body is being checked. */
    String keyword = "";

    BodyLint(String file, List<Problem> problems) {
        super(CompilePhase.CANONICALIZATION);
        this.file = file;
        this.problems = problems;
    }

    /** Whether the body given to keyword {@code keyword} is checked. */
    abstract boolean checks(String keyword);

    /** The visitor that checks one body of {@code module}'s script; used for every body of it. */
    abstract CodeVisitorSupport checker(ModuleNode module);

    final void report(int line, int column, String message) {
        problems.add(new Problem(new SourceRef(file, Math.max(1, line), Math.max(1, column)), message));
    }

    @Override
    public final void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (done) {
            return;
        }
        done = true;
        CodeVisitorSupport checker = checker(source.getAST());
        CodeVisitorSupport finder = new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                List<Expression> args = ScriptFacts.arguments(call);
                if (call.isImplicitThis() && call.getMethodAsString() != null && checks(call.getMethodAsString())
                        && !args.isEmpty() && args.get(args.size() - 1) instanceof ClosureExpression body) {
                    keyword = call.getMethodAsString();
                    body.getCode().visit(checker);
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
}
