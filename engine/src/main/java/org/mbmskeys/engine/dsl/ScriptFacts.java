package org.mbmskeys.engine.dsl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;

/**
 * What a script declares that its action bodies may use by name, read from the syntax tree before the
 * script runs: {@code variable 'name', Type} and {@code input 'name', Type} with literal names. Used to
 * check names and to give them their declared types when a script is compiled statically.
 */
final class ScriptFacts {

    final Map<String, ClassNode> variables = new LinkedHashMap<>();
    final Map<String, ClassNode> inputs = new LinkedHashMap<>();

    static ScriptFacts of(ModuleNode module) {
        ScriptFacts cached = module.getNodeMetaData(ScriptFacts.class);
        if (cached == null) {
            cached = new ScriptFacts();
            cached.scan(module);
            module.putNodeMetaData(ScriptFacts.class, cached);
        }
        return cached;
    }

    private void scan(ModuleNode module) {
        CodeVisitorSupport visitor = new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                Keyword.Declares declares = Keyword.named(call.getMethodAsString()).map(Keyword::declares).orElse(Keyword.Declares.NOTHING);
                if (call.isImplicitThis() && declares != Keyword.Declares.NOTHING) {
                    List<Expression> args = arguments(call);
                    if (args.size() >= 2 && args.get(0) instanceof ConstantExpression c && c.getValue() instanceof String s) {
                        // a type that is no class (an unimported one) is reported where it is written; the name
                        // is still declared, as an Object, so that its uses are not reported as unknown too
                        ClassNode type = args.get(1) instanceof ClassExpression t ? ClassHelper.getWrapper(t.getType()) : ClassHelper.OBJECT_TYPE;
                        (declares == Keyword.Declares.VARIABLE ? variables : inputs).putIfAbsent(s, type);
                    }
                }
                super.visitMethodCallExpression(call);
            }
        };
        module.getStatementBlock().visit(visitor);
        for (ClassNode type : module.getClasses()) {
            for (MethodNode method : type.getMethods()) {
                if (method.getCode() != null) {
                    method.getCode().visit(visitor);
                }
            }
        }
    }

    static List<Expression> arguments(MethodCallExpression call) {
        return call.getArguments() instanceof ArgumentListExpression list ? list.getExpressions() : List.of();
    }

    /** Whether {@code inner} starts inside {@code outer}'s source range. */
    static boolean contains(ASTNode outer, ASTNode inner) {
        if (inner.getLineNumber() < 1) {
            return true; // made up by the compiler; the enclosing-call stack already says where it is
        }
        if (outer.getLineNumber() < 1) {
            return false;
        }
        long start = position(outer.getLineNumber(), outer.getColumnNumber());
        long end = position(outer.getLastLineNumber(), outer.getLastColumnNumber());
        long at = position(inner.getLineNumber(), inner.getColumnNumber());
        return start <= at && at <= end;
    }

    private static long position(int line, int column) {
        return ((long) line << 20) + column;
    }
}
