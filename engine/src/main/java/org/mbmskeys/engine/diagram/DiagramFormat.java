package org.mbmskeys.engine.diagram;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The diagram formats {@link DiagramWriter} produces, with their usual file extensions. Closed: a new
 * format is a new constant and a new writer.
 *
 * <p>Example: {@code DiagramWriter.of(DiagramFormat.parse("puml")).write(definition)}.
 */
public enum DiagramFormat {

    /** Mermaid {@code stateDiagram-v2}. */
    MERMAID("mmd", "mermaid"),
    /** PlantUML state diagram. */
    PLANTUML("puml", "plantuml"),
    /** Graphviz DOT. */
    DOT("dot", "graphviz");

    private final String fileExtension;
    private final String alias;

    DiagramFormat(String fileExtension, String alias) {
        this.fileExtension = fileExtension;
        this.alias = alias;
    }

    /** The usual file extension, without the dot: {@code mmd}, {@code puml}, {@code dot}. */
    public String fileExtension() {
        return fileExtension;
    }

    /** The writer for this format. */
    public DiagramWriter writer() {
        return DiagramWriter.of(this);
    }

    /**
     * The format named {@code name}, ignoring case: the constant's name, its file extension, or
     * {@code graphviz} (e.g. from a command-line option).
     *
     * @throws IllegalArgumentException if no format has that name; the message lists the accepted names
     */
    public static DiagramFormat parse(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (DiagramFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(key) || f.fileExtension.equals(key) || f.alias.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown diagram format '" + name + "'; use one of: "
                + Arrays.stream(values()).map(f -> f.alias + " (" + f.fileExtension + ")")
                        .collect(Collectors.joining(", ")));
    }
}
