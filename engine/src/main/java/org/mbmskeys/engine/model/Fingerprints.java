package org.mbmskeys.engine.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable identity of a definition, kept in every instance record beside the version number: the
 * first 16 hex digits (64 bits) of a SHA-256. Version numbers restart at 1 whenever a repository is
 * built, so after a restart with an edited script only the fingerprint tells which definition a stored
 * instance started on.
 *
 * <p>A script's fingerprint is taken from its text (line endings normalised to {@code \n}), so any edit
 * changes it, a closure body included. A definition built in Java has no text: unless its builder gives
 * one, the fingerprint is taken from its structure (name, inputs and their types, correlation key,
 * variables with their types and initial values, states with kind, nesting, initial child and the
 * number of entry and exit actions, timers and delays, transitions with trigger, guard label, number of
 * actions, target and retry bound, initial and error state). What closures do is not covered: give such
 * a definition a fingerprint of your own ({@link ProcedureDefinition#withFingerprint}) when only a
 * closure body changed.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** The fingerprint of a script text; {@code \r\n} and {@code \r} count as {@code \n}. */
    public static String ofText(String text) {
        return digest(text.replace("\r\n", "\n").replace('\r', '\n'));
    }

    /** The fingerprint of a definition's structure; see the class comment for what it covers. */
    static String ofStructure(String name, List<InputDefinition> inputs, Optional<String> correlationKey,
                              List<VariableDefinition> variables, Map<String, StateDefinition> states,
                              String initialState, Optional<String> errorState) {
        StringBuilder b = new StringBuilder("procedure ").append(name).append('\n');
        for (InputDefinition input : inputs) {
            b.append("input ").append(input.name()).append(' ').append(input.type().getName()).append('\n');
        }
        correlationKey.ifPresent(k -> b.append("correlateBy ").append(k).append('\n'));
        for (VariableDefinition v : variables) {
            b.append("variable ").append(v.name()).append(' ').append(v.type().getName()).append(' ')
                    .append(v.initialValue()).append('\n');
        }
        b.append("initial ").append(initialState).append('\n');
        errorState.ifPresent(e -> b.append("errorState ").append(e).append('\n'));
        for (StateDefinition s : states.values()) {
            b.append("state ").append(s.name()).append(' ').append(s.kind()).append(" in ").append(s.parent().orElse("-"))
                    .append(" initial ").append(s.initialChild().orElse("-")).append(" entry ").append(s.onEntry().size())
                    .append(" exit ").append(s.onExit().size()).append('\n');
            for (TimerDefinition t : s.timers()) {
                b.append("  after ").append(t.computed().map(c -> "delay '" + c.label() + "'").orElse(t.delay().toMillis() + "ms"))
                        .append(' ').append(t.name()).append('\n');
            }
            for (TransitionDefinition t : s.transitions()) {
                b.append("  on ").append(trigger(t.trigger()))
                        .append(" guard ").append(t.guard().isEmpty() ? "-" : t.guardLabel().orElse("(unlabelled)"))
                        .append(" actions ").append(t.actions().size())
                        .append(" goTo ").append(t.target().orElse("-"))
                        .append(" retry ").append(t.retry().map(r -> String.valueOf(r.maxAttempts())).orElse("-"))
                        .append('\n');
            }
        }
        return digest(b.toString());
    }

    private static String trigger(Trigger trigger) {
        return trigger instanceof Trigger.OnEvent e ? "event " + e.type().getName() : trigger.toString();
    }

    private static String digest(String canonical) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
