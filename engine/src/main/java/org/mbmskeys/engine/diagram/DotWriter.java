package org.mbmskeys.engine.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.StateDefinition;

/**
 * Graphviz DOT; see {@link DiagramWriter} for what is drawn. A composite state is a cluster. DOT cannot
 * point an edge at a cluster, so each cluster holds a small initial dot ({@code X__start}, the composite's
 * {@code [*]}) that stands for the composite: edges into or out of the composite attach to it and are
 * clipped at the cluster border ({@code compound=true} with {@code lhead}/{@code ltail}).
 */
final class DotWriter implements DiagramWriter {

    static final DotWriter INSTANCE = new DotWriter();

    private static final String ERROR_FILL = "\"#ffdddd\"";
    private static final String ERROR_LINE = "\"#cc0000\"";

    private DotWriter() {
    }

    @Override
    public DiagramFormat format() {
        return DiagramFormat.DOT;
    }

    @Override
    public String write(ProcedureDefinition definition) {
        Chart chart = Chart.of(definition);
        Lines out = new Lines();
        String label = chart.description().isBlank() ? chart.heading()
                : chart.heading() + "\n" + chart.description();
        out.line("digraph " + quote(definition.name()) + " {").indent();
        out.line("label=" + quote(label) + ";");
        out.line("labelloc=t;");
        out.line("compound=true;");
        out.line("node [shape=box, style=rounded];");
        out.line("__start [shape=point, width=0.2];");
        declare(chart, chart.topLevel(), out);
        if (!chart.terminals().isEmpty()) {
            out.line("__end [shape=doublecircle, width=0.15, label=\"\", style=filled, fillcolor=black];");
        }
        End first = head(chart, null, definition.initialState());
        out.line("__start -> " + first.node() + first.attributes() + ";");
        for (Chart.Arrow a : chart.allArrows()) {
            edge(chart, a.from(), a.to(), a.label(), out);
        }
        for (StateDefinition s : chart.terminals()) {
            End tail = tail(chart, s.name(), null);
            out.line(tail.node() + " -> __end" + tail.attributes() + ";");
        }
        out.outdent().line("}");
        return out.toString();
    }

    private static void declare(Chart chart, List<StateDefinition> states, Lines out) {
        for (StateDefinition s : states) {
            String id = chart.id(s.name());
            boolean error = chart.isErrorState(s);
            if (!chart.isComposite(s)) {
                out.line(id + " [label=" + quote(s.name())
                        + (error ? ", style=\"rounded,filled\", fillcolor=" + ERROR_FILL + ", color=" + ERROR_LINE : "")
                        + "];");
                continue;
            }
            out.line("subgraph cluster_" + id + " {").indent();
            out.line("label=" + quote(s.name()) + ";");
            out.line(error ? "style=\"rounded,filled\"; fillcolor=" + ERROR_FILL + "; color=" + ERROR_LINE + ";"
                    : "style=rounded;");
            // Without an initial child nothing starts at the anchor, so it is kept for edges but not shown.
            out.line(anchor(id) + " [shape=point, width=0.15" + (s.initialChild().isPresent() ? "" : ", style=invis")
                    + "];");
            declare(chart, chart.children(s), out);
            s.initialChild().ifPresent(c -> {
                End head = head(chart, s.name(), c);
                out.line(anchor(id) + " -> " + head.node() + head.attributes() + ";");
            });
            out.outdent().line("}");
        }
    }

    private static void edge(Chart chart, String from, String to, String label, Lines out) {
        List<String> attributes = new ArrayList<>();
        attributes.add("label=" + quote(label));
        End tail = tail(chart, from, to);
        End head = head(chart, from, to);
        tail.clip().ifPresent(attributes::add);
        head.clip().ifPresent(attributes::add);
        out.line(tail.node() + " -> " + head.node() + " [" + String.join(", ", attributes) + "];");
    }

    /** One end of an edge: the node it attaches to and, for a composite, the clip at its cluster border. */
    private record End(String node, Optional<String> clip) {

        /** The clip as an attribute list for an edge with no label, or nothing. */
        String attributes() {
            return clip.map(c -> " [" + c + "]").orElse("");
        }
    }

    /** Where an edge from {@code from} to {@code to} (null: the end pseudo-state) starts. */
    private static End tail(Chart chart, String from, String to) {
        if (!chart.isComposite(chart.definition().state(from))) {
            return new End(chart.id(from), Optional.empty());
        }
        // An edge that stays inside the composite starts from its anchor like any other node.
        boolean leaves = to == null || !chart.definition().path(to).contains(from);
        return new End(anchor(chart.id(from)), Optional.of("ltail=cluster_" + chart.id(from)).filter(c -> leaves));
    }

    /** Where an edge from {@code from} (null: the start pseudo-state) to {@code to} ends. */
    private static End head(Chart chart, String from, String to) {
        if (!chart.isComposite(chart.definition().state(to))) {
            return new End(chart.id(to), Optional.empty());
        }
        boolean enters = from == null || !chart.definition().path(from).contains(to);
        return new End(anchor(chart.id(to)), Optional.of("lhead=cluster_" + chart.id(to)).filter(c -> enters));
    }

    private static String anchor(String compositeId) {
        return compositeId + "__start";
    }

    /** A DOT double-quoted string: backslash and quote escaped, line breaks as {@code \n}. */
    static String quote(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + 2).append('"');
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    // dropped: a CR LF pair becomes one line break
                }
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
