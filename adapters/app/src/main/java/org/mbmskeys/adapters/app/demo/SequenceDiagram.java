package org.mbmskeys.adapters.app.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.mbmskeys.adapters.app.node.BmscServer;
import org.mbmskeys.adapters.app.node.Tapped;

/**
 * The demo's messages as a sequence diagram: Mermaid text (GitHub and most Markdown viewers draw it) and an
 * SVG drawn by PlantUML in pure Java. Chapters are dividers; every arrow is one message that crossed a socket.
 */
final class SequenceDiagram {

    private SequenceDiagram() {
    }

    static String mermaid(List<Demo.Chapter> chapters, List<Tapped> wire) {
        StringBuilder sb = new StringBuilder("sequenceDiagram\n");
        for (String p : participants(wire)) {
            sb.append("    participant ").append(id(p)).append(" as ").append(p).append('\n');
        }
        forEach(chapters, wire, title -> sb.append("    Note over ").append(id(BmscServer.NAME)).append(": ")
                        .append(title.replace(";", ",")).append('\n'),
                t -> sb.append("    ").append(id(t.from())).append(t.kind() == Tapped.Kind.RESPONSE ? "-->>" : "->>")
                        .append(id(t.to())).append(": ").append(MessageLabels.of(t).replace(";", ",")).append('\n'));
        return sb.toString();
    }

    static String plantUml(List<Demo.Chapter> chapters, List<Tapped> wire) {
        StringBuilder sb = new StringBuilder("@startuml\n!pragma layout smetana\nskinparam shadowing false\n");
        for (String p : participants(wire)) {
            sb.append("participant \"").append(p).append("\" as ").append(id(p)).append('\n');
        }
        forEach(chapters, wire, title -> sb.append("== ").append(title).append(" ==\n"),
                t -> sb.append(id(t.from())).append(t.kind() == Tapped.Kind.RESPONSE ? " --> " : " -> ").append(id(t.to()))
                        .append(" : ").append(MessageLabels.of(t)).append('\n'));
        return sb.append("@enduml\n").toString();
    }

    static byte[] svg(String plantUml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new SourceStringReader(plantUml).outputImage(out, new FileFormatOption(FileFormat.SVG));
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("PlantUML could not draw the sequence diagram: " + e.getMessage(), e);
        }
    }

    /** The BM-SC first, then the others in the order they first appear. */
    private static Set<String> participants(List<Tapped> wire) {
        Set<String> all = new LinkedHashSet<>();
        all.add(BmscServer.NAME);
        for (Tapped t : wire) {
            all.add(t.from());
            all.add(t.to());
        }
        return all;
    }

    private static void forEach(List<Demo.Chapter> chapters, List<Tapped> wire,
                                java.util.function.Consumer<String> chapter, java.util.function.Consumer<Tapped> message) {
        int next = 0;
        for (Tapped t : wire) {
            while (next < chapters.size() && !t.at().isBefore(chapters.get(next).began())) {
                chapter.accept((next + 1) + ". " + chapters.get(next).title());
                next++;
            }
            message.accept(t);
        }
    }

    private static String id(String participant) {
        return participant.replaceAll("[^A-Za-z0-9]", "_");
    }
}
