package org.mbmskeys.engine.diagram;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.StateDefinition;

/** Mermaid {@code stateDiagram-v2}; see {@link DiagramWriter} for what is drawn. */
final class MermaidWriter implements DiagramWriter {

    static final MermaidWriter INSTANCE = new MermaidWriter();

    private static final String ERROR_CLASS = "errorState";

    /**
     * Mermaid's lexer reads "direction" followed by whitespace (a line break included) and TB, BT, RL or LR,
     * in any case and anywhere, as a layout statement, even inside a label; so the word never appears as is.
     */
    private static final Pattern DIRECTION = Pattern.compile("(?i)(d)(irection)");

    private MermaidWriter() {
    }

    @Override
    public DiagramFormat format() {
        return DiagramFormat.MERMAID;
    }

    @Override
    public String write(ProcedureDefinition definition) {
        Chart chart = Chart.of(definition);
        Lines out = new Lines();
        String title = chart.description().isBlank() ? chart.heading()
                : chart.heading() + " — " + chart.description();
        out.line("---");
        // Entities first, then YAML: the title is a double-quoted YAML scalar inside Mermaid text.
        out.line("title: \"" + text(title).replace("\\", "\\\\") + "\"");
        out.line("---");
        out.line("stateDiagram-v2");
        out.indent();
        declare(chart, chart.topLevel(), out);
        out.line("[*] --> " + chart.id(definition.initialState()));
        arrows(chart, chart.topLevelArrows(), out);
        for (StateDefinition s : chart.terminals()) {
            out.line(chart.id(s.name()) + " --> [*]");
        }
        List<String> errorIds = definition.states().values().stream().filter(chart::isErrorState)
                .map(s -> chart.id(s.name())).toList();
        if (!errorIds.isEmpty()) {
            out.line("classDef " + ERROR_CLASS + " fill:#fdd,stroke:#c00,color:#600");
            out.line("class " + String.join(",", errorIds) + " " + ERROR_CLASS);
        }
        return out.toString();
    }

    private static void declare(Chart chart, List<StateDefinition> states, Lines out) {
        for (StateDefinition s : states) {
            String id = chart.id(s.name());
            String head = id.equals(s.name()) ? "state " + id : "state \"" + text(s.name()) + "\" as " + id;
            if (!chart.isComposite(s)) {
                out.line(id.equals(s.name()) ? id : head);
                continue;
            }
            out.line(head + " {").indent();
            declare(chart, chart.children(s), out);
            s.initialChild().ifPresent(c -> out.line("[*] --> " + chart.id(c)));
            arrows(chart, chart.arrowsInside(s), out);
            out.outdent().line("}");
        }
    }

    private static void arrows(Chart chart, List<Chart.Arrow> arrows, Lines out) {
        for (Chart.Arrow a : arrows) {
            out.line(chart.id(a.from()) + " --> " + chart.id(a.to()) + " : " + text(a.label()));
        }
    }

    /**
     * Text safe in a label, a quoted state name or the title. Mermaid replaces {@code #name;} and
     * {@code #123;} entity codes before it parses, so characters that end a label ({@code :}, {@code ;}),
     * close a quoted name ({@code "}), start a comment ({@code #}, {@code %%}) or are markup (state names
     * are Markdown in recent Mermaid: {@code *}, a backtick; and {@code <}, {@code >}) are written as
     * entity codes.
     */
    static String text(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + 8);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '#' -> out.append("#35;");
                case ';' -> out.append("#59;");
                case ':' -> out.append("#58;");
                case '%' -> out.append("#37;");
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '`' -> out.append("#96;");
                case '*' -> out.append("#42;");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(c);
            }
        }
        Matcher m = DIRECTION.matcher(out);
        StringBuilder safe = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(safe, Matcher.quoteReplacement("#" + (int) m.group(1).charAt(0) + ";" + m.group(2)));
        }
        m.appendTail(safe);
        return safe.toString();
    }
}
