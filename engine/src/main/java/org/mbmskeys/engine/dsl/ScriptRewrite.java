package org.mbmskeys.engine.dsl;

import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * A rewrite of a script's syntax tree before it is type-checked: the subclass gives the transformer, this class runs
 * it once over the script's code (its statements and the methods it declares; the script's own {@code run} holds
 * the same statements). Groovy calls a customizer once per class of the source, hence the guard.
 */
abstract class ScriptRewrite extends CompilationCustomizer {

    private boolean done;

    ScriptRewrite() {
        super(CompilePhase.CANONICALIZATION);
    }

    /** The transformer for {@code source}, or null when it has nothing to rewrite. */
    abstract ClassCodeExpressionTransformer transformer(SourceUnit source);

    @Override
    public final void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (done) {
            return;
        }
        done = true;
        ClassCodeExpressionTransformer transformer = transformer(source);
        if (transformer == null) {
            return;
        }
        source.getAST().getStatementBlock().visit(transformer);
        for (ClassNode type : source.getAST().getClasses()) {
            for (MethodNode method : type.getMethods()) {
                if (method.getCode() != null && !(type.isScript() && "run".equals(method.getName()))) {
                    method.getCode().visit(transformer);
                }
            }
        }
    }
}
