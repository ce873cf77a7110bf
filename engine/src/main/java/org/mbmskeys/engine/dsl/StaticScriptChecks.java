package org.mbmskeys.engine.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCall;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.transform.stc.AbstractTypeCheckingExtension;
import org.codehaus.groovy.transform.stc.StaticTypeCheckingSupport;
import org.codehaus.groovy.transform.stc.StaticTypeCheckingVisitor;
import org.mbmskeys.engine.model.Signal;
import org.mbmskeys.engine.model.TimerFired;

/**
 * Compiler hook, not API: the type-checking extension used when scripts are compiled statically
 * ({@code @CompileStatic} applied by {@link ProcedureCompiler}). Groovy instantiates it by name, which is
 * why it is public.
 *
 * <p>What it adds to plain static type checking:
 * <ul>
 *   <li>a word that is no keyword of its block is reported with the same text the dynamic path uses
 *       (where, what is allowed instead, "did you mean");</li>
 *   <li>{@code event} is typed by the block it is in: the event class in {@code on(Ack)}, {@code Signal} in
 *       {@code on(signal(...))}, {@code TimerFired} in {@code after(...)};</li>
 *   <li>{@code input('name')}, {@code get('name')} and bare variable names have the type the script
 *       declared for them;</li>
 *   <li>a property or method of a value whose type is unknown ({@code Object}) is looked up at run time,
 *       so only those lookups are dynamic.</li>
 * </ul>
 */
public final class StaticScriptChecks extends AbstractTypeCheckingExtension {

    private static final Object UNRESOLVED = StaticScriptChecks.class.getName() + ".unresolved";

    private ScriptFacts facts;

    public StaticScriptChecks(StaticTypeCheckingVisitor visitor) {
        super(visitor);
    }

    @Override
    public void setup() {
        facts = ScriptFacts.of(context.getSource().getAST());
    }

    @Override
    public List<MethodNode> handleMissingMethod(ClassNode receiver, String name, ArgumentListExpression arguments,
                                                ClassNode[] argumentTypes, MethodCall call) {
        if (call instanceof MethodCallExpression m && m.isImplicitThis()) {
                if (mentionsUnresolved(arguments, blockOf(m)) || insideFailedKeyword(m)) {
                // the unresolved name is the problem and is reported on its own; stay silent inside its block
                return List.of(makeDynamic(call));
            }
            BlockKind block = blockOf(m);
            addStaticTypeError(Keywords.unknownCall(block, name, typeNames(argumentTypes)), m);
            // a keyword with wrong arguments: carry on as if it were right, so its block is still checked
            for (Class<?> type : block.keywordClasses()) {
                List<MethodNode> candidates = ClassHelper.make(type).getMethods(name);
                if (!candidates.isEmpty()) {
                    return List.of(candidates.get(0));
                }
            }
            // no keyword at all: what it gives is unknown, and a keyword it is given to must not be reported for it
            m.putNodeMetaData(UNRESOLVED, Boolean.TRUE);
            return List.of(makeDynamic(call));
        }
        if (call instanceof MethodCallExpression m && isUnknownType(m.getObjectExpression())) {
            return List.of(makeDynamic(call));
        }
        if (call instanceof MethodCallExpression m && receiver != null) {
            // a static call (Signal.foo()) is looked up on the class, not on Class
            ClassNode type = m.getObjectExpression() instanceof ClassExpression c ? c.getType() : receiver;
            addStaticTypeError(TypeMembers.noMethod(name, typeNames(argumentTypes), type), m);
            return List.of(makeDynamic(call)); // reported in the DSL's words, not again in the type checker's
        }
        return List.of();
    }

    /**
     * {@code on(null)} fits every form of {@code on}: take the first, whose null check reports it in the
     * DSL's words when the build runs, instead of the type checker's list of Java signatures.
     */
    @Override
    public List<MethodNode> handleAmbiguousMethods(List<MethodNode> nodes, Expression origin) {
        if (origin instanceof MethodCallExpression m && m.isImplicitThis() && Keyword.named(m.getMethodAsString()).isPresent()) {
            return List.of(nodes.get(0));
        }
        return nodes;
    }

    @Override
    public boolean handleUnresolvedVariableExpression(VariableExpression variable) {
        BlockKind block = blockOf(variable);
        ClassNode declared = facts.variables.get(variable.getName());
        if (block == BlockKind.ACTION && declared != null) {
            makeDynamic(variable, declared);
            return true;
        }
        addStaticTypeError(Keywords.unknownName(block, variable.getName(), facts.variables.keySet()), variable);
        variable.putNodeMetaData(UNRESOLVED, Boolean.TRUE);
        makeDynamic(variable);
        return true;
    }

    @Override
    public boolean handleUnresolvedProperty(PropertyExpression property) {
        if (isUnknownType(property.getObjectExpression())) {
            makeDynamic(property);
            return true;
        }
        ClassNode type = getType(property.getObjectExpression());
        if (property.getPropertyAsString() != null && !property.isSpreadSafe()) {
            if (property.getObjectExpression() instanceof ClassExpression c) {
                type = c.getType(); // a static property: look on the class, not on Class
            }
            addStaticTypeError(TypeMembers.noProperty(property.getPropertyAsString(), type), property);
            makeDynamic(property);
            return true;
        }
        return false;
    }

    @Override
    public boolean handleIncompatibleAssignment(ClassNode lhsType, ClassNode rhsType, Expression assignment) {
        String target = assignment instanceof BinaryExpression b && b.getLeftExpression() instanceof VariableExpression v
                ? v.getName() : null;
        Expression value = assignment instanceof BinaryExpression b ? b.getRightExpression() : assignment;
        addStaticTypeError(TypeMembers.incompatibleAssignment(target, lhsType, rhsType), value);
        return true;
    }

    @Override
    public void onMethodSelection(Expression expression, MethodNode target) {
        if (!target.getDeclaringClass().getName().equals(ActionScope.class.getName())) {
            return;
        }
        Keyword keyword = Keyword.named(target.getName()).or(() -> Keyword.named(Keywords.propertyOf(target.getName())))
                .orElse(null);
        if (keyword == Keyword.EVENT) {
            ClassNode type = eventType(expression);
            if (type != null) {
                storeType(expression, type);
            }
        } else if (keyword == Keyword.INPUT) {
            typeByName(expression, facts.inputs);
        } else if (keyword == Keyword.GET) {
            typeByName(expression, facts.variables);
        } else if (keyword == Keyword.SET) {
            checkValueFits(expression);
        }
        // other keywords have their declared types
    }

    /**
     * An argument is a bare name that resolves nowhere. Structural blocks declare {@code propertyMissing}
     * (so that a dynamic build reports such names with their position), which makes the type checker
     * accept any bare name there as an Object; so in those blocks every dynamic name is an unknown one.
     * It is reported when the build runs; here the call is left dynamic and the checker stays silent.
     */
    private boolean mentionsUnresolved(ArgumentListExpression arguments, BlockKind block) {
        for (Expression e : arguments.getExpressions()) {
            if (e instanceof MethodCallExpression failed && failed.getNodeMetaData(UNRESOLVED) != null) {
                return true;
            }
            if (e instanceof VariableExpression v && (v.getNodeMetaData(UNRESOLVED) != null
                    || v.getAccessedVariable() instanceof DynamicVariable && block != BlockKind.ACTION)) {
                return true;
            }
        }
        return false;
    }

    private boolean insideFailedKeyword(ASTNode node) {
        for (Expression e : getEnclosingMethodCalls()) {
            if (e != node && e instanceof MethodCallExpression call && call.isImplicitThis() && inBody(call, node)
                    && call.getArguments() instanceof ArgumentListExpression args && mentionsUnresolved(args, blockOf(call))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code set('attempts', value)}, written so or rewritten from {@code attempts = value} ({@link VariableAccess}):
     * the value must fit the variable's declared type, as for an assignment.
     */
    private void checkValueFits(Expression expression) {
        if (!(expression instanceof MethodCallExpression call)) {
            return;
        }
        List<Expression> args = ScriptFacts.arguments(call);
        if (args.size() == 2 && args.get(0) instanceof ConstantExpression c && c.getValue() instanceof String name
                && facts.variables.containsKey(name)) {
            ClassNode declared = facts.variables.get(name);
            ClassNode valueType = getType(args.get(1));
            if (!StaticTypeCheckingSupport.checkCompatibleAssignmentTypes(declared, valueType, args.get(1))) {
                addStaticTypeError(TypeMembers.incompatibleAssignment(name, declared, valueType), args.get(1));
            }
        }
    }

    private void typeByName(Expression expression, Map<String, ClassNode> declared) {
        if (expression instanceof MethodCallExpression call) {
            List<Expression> args = ScriptFacts.arguments(call);
            if (args.size() == 1 && args.get(0) instanceof ConstantExpression c && c.getValue() instanceof String name
                    && declared.containsKey(name)) {
                storeType(expression, declared.get(name));
            }
        }
    }

    /** The event type of the transition block {@code node} is in, or null to leave it Object. */
    private ClassNode eventType(ASTNode node) {
        for (Expression e : getEnclosingMethodCalls()) {
            if (!(e instanceof MethodCallExpression call) || !call.isImplicitThis() || !inBody(call, node)) {
                continue;
            }
            Keyword keyword = Keyword.named(call.getMethodAsString()).orElse(null);
            List<Expression> args = ScriptFacts.arguments(call);
            if (keyword == null) {
                continue;
            }
            switch (keyword.trigger()) {
                case EVENT_OR_SIGNAL:
                    if (!args.isEmpty() && args.get(0) instanceof ClassExpression type) {
                        return type.getType();
                    }
                    if (!args.isEmpty() && args.get(0) instanceof MethodCallExpression signal && Keyword.SIGNAL.is(signal.getMethodAsString())) {
                        return ClassHelper.make(Signal.class);
                    }
                    return null;
                case TIMER:
                    return ClassHelper.make(TimerFired.class);
                case ANY:
                    return null;
                default:
                    // a block inside a transition: the transition's trigger says
            }
        }
        return null;
    }

    /** The block {@code node} is written in: the innermost keyword call whose closure argument holds it. */
    private BlockKind blockOf(ASTNode node) {
        for (Expression e : getEnclosingMethodCalls()) {
            if (e != node && e instanceof MethodCallExpression call && call.isImplicitThis()
                    && BlockKind.openedBy(call.getMethodAsString()) != null && inBody(call, node)) {
                return BlockKind.openedBy(call.getMethodAsString());
            }
        }
        return BlockKind.TOP;
    }

    private static boolean inBody(MethodCallExpression call, ASTNode node) {
        List<Expression> args = ScriptFacts.arguments(call);
        return !args.isEmpty() && args.get(args.size() - 1) instanceof ClosureExpression body && ScriptFacts.contains(body, node);
    }

    private boolean isUnknownType(Expression receiver) {
        ClassNode type = getType(receiver);
        return type == null || ClassHelper.OBJECT_TYPE.equals(type) || ClassHelper.isDynamicTyped(type);
    }

    private static List<String> typeNames(ClassNode[] types) {
        List<String> out = new ArrayList<>();
        for (ClassNode t : types) {
            if (t == null) {
                out.add("null");
            } else if (ClassHelper.isPrimitiveType(t)) {
                out.add(ClassHelper.getWrapper(t).getNameWithoutPackage());
            } else if (ClassHelper.CLOSURE_TYPE.equals(t.redirect()) || t.getName().equals("groovy.lang.Closure")) {
                out.add("Closure");
            } else if (t.getName().equals("groovy.lang.GString")) {
                out.add("String");
            } else if (t.getName().equals("java.lang.Class")) {
                out.add("Class");
            } else {
                out.add(t.getNameWithoutPackage().replace('$', '.').replaceAll("^.*\\.", ""));
            }
        }
        return out;
    }
}
