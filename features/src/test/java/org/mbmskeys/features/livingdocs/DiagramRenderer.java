package org.mbmskeys.features.livingdocs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.sourceforge.plantuml.ErrorUml;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.core.Diagram;
import net.sourceforge.plantuml.error.PSystemError;
import net.sourceforge.plantuml.version.Version;

/**
 * Renders PlantUML text to SVG in this JVM with PlantUML's own layout ({@code !pragma layout smetana}: pure
 * Java, no Graphviz on the machine), added to any diagram that does not choose a layout itself. The same
 * text is rendered once: ladders that are the same on both backends cost one rendering.
 *
 * <p>Rendering costs about 20-100 ms a diagram once PlantUML is warm (and a few seconds for the first);
 * {@link #renderAll} renders many on the machine's cores, after which {@link #svg} only looks them up.
 * With a cache folder, a diagram rendered by an earlier build (same text, same PlantUML version) is read
 * from there instead: the file is named by a hash of both, so it cannot be stale.
 */
final class DiagramRenderer {

    static final String SMETANA = "!pragma layout smetana";

    private final Map<String, String> rendered = new ConcurrentHashMap<>();
    private final AtomicInteger renderings = new AtomicInteger();
    private final Optional<Path> cache;

    /** A renderer that keeps what it renders in memory only. */
    DiagramRenderer() {
        this.cache = Optional.empty();
    }

    /** A renderer that also keeps every SVG in {@code cache}, for the next build. */
    DiagramRenderer(Path cache) {
        this.cache = Optional.of(cache);
    }

    static {
        // PlantUML measures text with AWT fonts; never open a display for it
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * The SVG of {@code plantUml}.
     *
     * @throws IllegalArgumentException if PlantUML cannot read the text, with its error and the line
     */
    String svg(String plantUml) {
        String source = withLayout(plantUml);
        String svg = rendered.get(source);
        if (svg == null) {
            // not computeIfAbsent: a rendering takes long, and would hold a lock other threads need
            svg = cached(source);
            String earlier = rendered.putIfAbsent(source, svg);
            if (earlier != null) {
                svg = earlier;
            }
        }
        return svg;
    }

    /**
     * Renders every diagram of {@code plantUml} not rendered yet, on up to as many threads as there are
     * cores (PlantUML keeps no state between diagrams).
     *
     * @throws IllegalArgumentException for the first text PlantUML cannot read
     */
    void renderAll(Collection<String> plantUml) {
        List<String> todo = new ArrayList<>();
        for (String text : new LinkedHashSet<>(plantUml)) {
            String source = withLayout(text);
            if (!rendered.containsKey(source)) {
                todo.add(source);
            }
        }
        int threads = Math.min(todo.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            todo.forEach(this::svg);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "living-docs-diagrams");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<String>> futures = todo.stream().map(source -> pool.submit(() -> svg(source))).toList();
            for (Future<String> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("rendering failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering diagrams", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private String cached(String source) {
        Path file = cache.map(dir -> dir.resolve(hash(Version.versionString() + "\n" + source) + ".svg")).orElse(null);
        try {
            if (file != null && Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            String svg = render(source);
            renderings.incrementAndGet();
            if (file != null) {
                Files.createDirectories(file.getParent());
                // written whole, then moved: a build stopped half way leaves no half file
                Path partial = Files.createTempFile(file.getParent(), "partial-", ".svg");
                Files.writeString(partial, svg, StandardCharsets.UTF_8);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return svg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the diagram cache " + file, e);
        }
    }

    /** The first 16 hex digits of the SHA-256 of {@code text}. */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** How many diagrams were really rendered (not taken from memory or the cache folder). */
    int renderings() {
        return renderings.get();
    }

    /** {@code plantUml} with the smetana layout chosen after {@code @startuml}, unless it chooses a layout. */
    static String withLayout(String plantUml) {
        if (plantUml.contains("!pragma layout")) {
            return plantUml;
        }
        int start = plantUml.indexOf("@startuml");
        if (start < 0) {
            throw new IllegalArgumentException("not a PlantUML diagram (no @startuml): "
                    + plantUml.lines().findFirst().orElse(""));
        }
        int lineEnd = plantUml.indexOf('\n', start);
        if (lineEnd < 0) {
            return plantUml + "\n" + SMETANA + "\n";
        }
        return plantUml.substring(0, lineEnd + 1) + SMETANA + "\n" + plantUml.substring(lineEnd + 1);
    }

    private static String render(String source) {
        SourceStringReader reader = new SourceStringReader(source);
        if (reader.getBlocks().isEmpty()) {
            throw new IllegalArgumentException("PlantUML found no diagram in:\n" + source);
        }
        Diagram diagram = reader.getBlocks().get(0).getDiagram();
        if (diagram instanceof PSystemError error) {
            String problems = error.getErrorsUml().stream().map(ErrorUml::getError).collect(Collectors.joining("; "));
            String line = error.getLineLocation() == null ? "?" : String.valueOf(error.getLineLocation().getPosition() + 1);
            throw new IllegalArgumentException("PlantUML cannot read the diagram (line " + line + "): " + problems
                    + "\n" + numbered(source));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            reader.outputImage(out, new FileFormatOption(FileFormat.SVG));
        } catch (IOException e) {
            throw new UncheckedIOException("PlantUML failed to write SVG", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String numbered(String source) {
        String[] lines = source.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return out.toString();
    }
}
