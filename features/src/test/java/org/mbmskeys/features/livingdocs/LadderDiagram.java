package org.mbmskeys.features.livingdocs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mbmskeys.steps.Ladder;

/**
 * A {@link Ladder} as a PlantUML sequence diagram: one lifeline per node (UEs, BM-SC, BSF, others), one
 * arrow per message in sending order. MIKEY datagrams are blue, HTTP requests solid, responses dashed,
 * exchanges with the (simulated, in-process) BSF over Ub and Zn grey and dashed; a
 * message that never arrived ends in a cross, with its fate in the label. When virtual time moves on
 * between two messages, a gap says by how much ({@code ... +2.5 s ...}).
 */
final class LadderDiagram {

    private static final String MIKEY_COLOR = "#1F5FA8";
    private static final String GBA_COLOR = "#7A7A7A";

    private LadderDiagram() {
    }

    static String plantUml(Ladder ladder) {
        StringBuilder out = new StringBuilder("@startuml\n").append(DiagramRenderer.SMETANA).append('\n')
                .append("skinparam shadowing false\nskinparam sequenceMessageAlign left\nhide footbox\n");
        Map<String, String> ids = new HashMap<>();
        List<String> participants = ladder.participants();
        for (int i = 0; i < participants.size(); i++) {
            String id = "P" + i;
            ids.put(participants.get(i), id);
            out.append("participant \"").append(name(participants.get(i))).append("\" as ").append(id).append('\n');
        }
        long time = 0;
        for (Ladder.Arrow a : ladder.arrows()) {
            if (a.at() > time) {
                out.append("... +").append(duration(a.at() - time)).append(" (at ").append(duration(a.at())).append(") ...\n");
                time = a.at();
            }
            out.append(ids.get(a.from())).append(' ').append(arrow(a)).append(' ').append(ids.get(a.to()))
                    .append(" : ").append(label(a)).append('\n');
        }
        return out.append("@enduml\n").toString();
    }

    private static String arrow(Ladder.Arrow a) {
        String line = switch (a.kind()) {
            case MIKEY -> "-[" + MIKEY_COLOR + "]";
            case HTTP_REQUEST -> "-";
            case HTTP_RESPONSE -> "--";
            case GBA -> "-[" + GBA_COLOR + "]-";
        };
        return line + (a.fate() == Ladder.Fate.DELIVERED ? ">" : ">x");
    }

    private static String label(Ladder.Arrow a) {
        StringBuilder label = new StringBuilder();
        if (a.kind() == Ladder.Kind.MIKEY && !a.label().startsWith("MIKEY")) {
            label.append("MIKEY ");
        }
        label.append(a.label());
        if (a.fate() != Ladder.Fate.DELIVERED) {
            label.append('\n').append(a.fate().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!a.note().isBlank()) {
            label.append(a.fate() == Ladder.Fate.DELIVERED ? "\n" : ": ").append(a.note());
        }
        return text(label.toString());
    }

    /** {@code 250 ms}, {@code 2 s}, {@code 2.5 s}, {@code 3 min}. */
    static String duration(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return String.valueOf(ms / 1000.0).replaceFirst("0+$", "") + " s";
    }

    /** A quoted participant name: a double quote would end it. */
    private static String name(String node) {
        return text(node).replace("\"", "'");
    }

    /**
     * Text safe in a PlantUML message label: line breaks become {@code \n}, and Creole markup is escaped
     * with {@code ~} (the tilde itself, tags, and the first character of doubled markers), as the engine's
     * PlantUML writer does for state diagrams.
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
                    // dropped: CR LF is one break
                }
                case '~' -> out.append("~~");
                case '<' -> out.append("~<");
                case '-', '_', '*', '/', '[', '"', '=' -> out.append(next == c ? "~" : "").append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
