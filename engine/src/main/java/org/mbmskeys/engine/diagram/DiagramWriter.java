package org.mbmskeys.engine.diagram;

import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * Renders a procedure definition as the text of a state diagram, in Mermaid ({@code stateDiagram-v2}),
 * PlantUML or Graphviz DOT. Used by the {@code mbms-keys diagram} command and the docs.
 *
 * <p>What every format shows, in the definition's declaration order (the same definition always gives
 * the same text, so diagrams can be checked in and diffed):
 * <ul>
 *   <li>the procedure's name and spec reference as the title, and its description (Mermaid: in the title;
 *       PlantUML: caption; DOT: second title line);</li>
 *   <li>every state, labelled with its real name. Names that are not plain identifiers get a safe id
 *       ({@code key-exchange.waiting} is drawn as {@code key_exchange_waiting} with the real name as
 *       label);</li>
 *   <li>nesting: a state with children is a composite ({@code state X { ... }}, a DOT cluster), with
 *       {@code [*] --> child} for its initial child;</li>
 *   <li>{@code [*] --> initial} for the procedure, and {@code x --> [*]} for each final and error state;
 *       the error state is also coloured red;</li>
 *   <li>each transition as an arrow labelled with its trigger: the event class's simple name
 *       ({@code MskRequest}), {@code signal 'stop'}, or {@code after 5s} for a timer with its delay;
 *       a bounded retry adds {@code , retry ≤3}, and its back-off {@code , ×2 up to 30s, ±10%} (factor, cap,
 *       jitter, each if given); a guard adds its label in brackets ({@code [ack is ok]};
 *       see {@link org.mbmskeys.engine.model.TransitionDefinition#guardLabel()}), or {@code [guarded]} when it
 *       has none; an internal transition is a self-loop marked {@code (internal)}.</li>
 * </ul>
 * Entry, exit and transition actions are code and are not drawn.
 *
 * <p>Example:
 * <pre>{@code
 * String mermaid = DiagramWriter.mermaid().write(definition);
 * Files.writeString(dir.resolve(definition.name() + "." + DiagramFormat.MERMAID.fileExtension()), mermaid);
 * }</pre>
 * For the definition {@code demo.flat} with states {@code idle -> running -> done} this gives:
 * <pre>
 * ---
 * title: "demo.flat (TS 00.000 §1)"
 * ---
 * stateDiagram-v2
 *     idle
 *     running
 *     done
 *     [*] --&gt; idle
 *     idle --&gt; running : Start
 *     running --&gt; done : Stop
 *     done --&gt; [*]
 * </pre>
 *
 * <p>Writers are stateless and thread-safe.
 */
public interface DiagramWriter {

    /**
     * The diagram of {@code definition}, lines ending in {@code \n}.
     *
     * @throws InvalidDefinitionException if the definition names a state it does not declare (as its
     *         initial or error state, a parent, an initial child or a transition target), or its states do
     *         not nest as a tree; such a definition cannot be drawn. Every problem is listed.
     */
    String write(ProcedureDefinition definition);

    /** The format this writer produces. */
    DiagramFormat format();

    /** Mermaid {@code stateDiagram-v2}, for Markdown pages (GitHub and most doc sites render it). */
    static DiagramWriter mermaid() {
        return MermaidWriter.INSTANCE;
    }

    /** PlantUML ({@code @startuml ... @enduml}). */
    static DiagramWriter plantUml() {
        return PlantUmlWriter.INSTANCE;
    }

    /** Graphviz DOT ({@code dot -Tsvg}). */
    static DiagramWriter dot() {
        return DotWriter.INSTANCE;
    }

    /** The writer for {@code format}. */
    static DiagramWriter of(DiagramFormat format) {
        return switch (format) {
            case MERMAID -> mermaid();
            case PLANTUML -> plantUml();
            case DOT -> dot();
        };
    }
}
