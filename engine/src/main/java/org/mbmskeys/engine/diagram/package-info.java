/**
 * State diagrams of procedure definitions: start at {@link org.mbmskeys.engine.diagram.DiagramWriter}
 * ({@code DiagramWriter.mermaid().write(definition)}); {@link org.mbmskeys.engine.diagram.DiagramFormat}
 * names the formats (Mermaid, PlantUML, DOT). Reads only the {@code model}; knows no Groovy, no runtime.
 */
package org.mbmskeys.engine.diagram;
