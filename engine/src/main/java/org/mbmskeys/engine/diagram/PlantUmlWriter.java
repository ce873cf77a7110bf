package org.mbmskeys.engine.diagram;

import java.util.List;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.StateDefinition;

/** PlantUML state diagram; see {@link DiagramWriter} for what is drawn. */
final class PlantUmlWriter implements DiagramWriter {

    static final PlantUmlWriter INSTANCE = new PlantUmlWriter();

    private static final String ERROR_COLOR = "#FFDDDD";

    private PlantUmlWriter() {
    }

    @Override
    public DiagramFormat format() {
        return DiagramFormat.PLANTUML;
    }

    @Override
    public String write(ProcedureDefinition definition) {
        Chart chart = Chart.of(definition);
        Lines out = new Lines();
        out.line("@startuml");
        out.line("title " + text(chart.heading()));
        if (!chart.description().isBlank()) {
            out.line("caption " + text(chart.description()));
        }
        out.line("hide empty description");
        declare(chart, chart.topLevel(), out);
        out.line("[*] --> " + chart.id(definition.initialState()));
        arrows(chart, chart.topLevelArrows(), out);
        for (StateDefinition s : chart.terminals()) {
            out.line(chart.id(s.name()) + " --> [*]");
        }
        out.line("@enduml");
        return out.toString();
    }

    private static void declare(Chart chart, List<StateDefinition> states, Lines out) {
        for (StateDefinition s : states) {
            String id = chart.id(s.name());
            String head = (id.equals(s.name()) ? "state " + id : "state \"" + text(s.name()) + "\" as " + id)
                    + (chart.isErrorState(s) ? " " + ERROR_COLOR : "");
            if (!chart.isComposite(s)) {
                out.line(head);
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
     * Text safe in a label, a quoted state name, the title or the caption. PlantUML reads {@code \n} as a
     * line break and Creole markup in all text: {@code ~} escapes the next character, so the tilde itself
     * and the first character of every doubled marker ({@code --}, {@code __}, {@code **}, {@code //},
     * {@code [[}) and of tags ({@code <}) are escaped. A double quote would end a quoted name, so it is
     * written as an HTML entity.
     */
    static String text(String plain) {
        StringBuilder out = new StringBuilder(plain.length() + 8);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            char next = i + 1 < plain.length() ? plain.charAt(i + 1) : 0;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    // dropped: a CR LF pair becomes one line break
                }
                case '"' -> out.append("&#34;");
                case '~' -> out.append("~~");
                case '<' -> out.append("~<");
                case '-', '_', '*', '/', '[' -> out.append(next == c ? "~" : "").append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
