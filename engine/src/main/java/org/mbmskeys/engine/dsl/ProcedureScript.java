package org.mbmskeys.engine.dsl;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.util.DelegatingScript;
import org.mbmskeys.engine.model.SourceRef;

/**
 * The base class of every procedure script. A script declares one procedure; {@link ProcedureCompiler}
 * compiles it with this base class, runs it once and turns what it declared into a verified
 * {@link org.mbmskeys.engine.model.ProcedureDefinition}.
 *
 * <pre>{@code
 * procedure('example.push') {
 *     description 'Pushes a key and waits for the acknowledgement'
 *     spec 'TS 33.246 §6.3.2.3'
 *     input 'ue', String
 *     correlateBy 'ue'
 *     initial 'sending'
 *     state('sending') {
 *         onEntry { send 'mikey', "key for ${input('ue')}" }
 *         on(Ack) { goTo 'done' }
 *         after(seconds(5)) { retry 3; goTo 'failed' }
 *     }
 *     finalState 'done'
 *     errorState 'failed'
 * }
 * }</pre>
 *
 * <p>Keywords are Java methods with {@code @DelegatesTo}, so an IDE completes them once it knows the
 * script's base class: either through the descriptor shipped with the engine ({@code procedures.gdsl} for
 * IntelliJ IDEA, {@code dsld/procedures.dsld} for Eclipse) or by declaring it in the script:
 * {@code @groovy.transform.BaseScript org.mbmskeys.engine.dsl.ProcedureScript script}.
 */
public abstract class ProcedureScript extends DelegatingScript {

    // $: a script's bare words resolve to the script's fields, whatever their visibility
    private BuildContext $context;

    /**
     * Declares procedure {@code name}: letters, digits, '.', '_' and '-', unique among the loaded
     * procedures, e.g. {@code 'ue.msk-request'}.
     */
    public void procedure(String name, @DelegatesTo(value = ProcedureSpec.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
        if ($context == null) {
            throw new IllegalStateException("procedure scripts are run by ProcedureCompiler, which prepares them");
        }
        SourceRef at = $context.here("procedure");
        if (name == null || !Keywords.PROCEDURE_NAME.matcher(name).matches()) {
            $context.report(at, "procedure name '" + (name == null ? "" : name) + "' is not valid: use letters, digits, "
                    + "'.', '_' and '-', as in procedure('example.push') { ... }");
            name = "unnamed";
        }
        ProcedureSpec spec = new ProcedureSpec($context, name, at);
        if (!$context.procedures().isEmpty()) {
            ProcedureSpec first = $context.procedures().get(0);
            $context.report(at, "a script declares one procedure, but '" + name + "' follows '" + first.$name + "' (declared at "
                    + first.$at + "); move '" + name + "' to its own file");
        }
        $context.procedures().add(spec);
        spec.evaluate(body, spec);
    }

    void attach(BuildContext buildContext) {
        this.$context = buildContext;
        buildContext.script(this);
        setDelegate(new TopLevelBlock(buildContext));
    }

    /** After the build: the closures kept in the model hold this script, not the build's bookkeeping. */
    void detach() {
        this.$context = null;
        setDelegate(new Object());
    }
}
