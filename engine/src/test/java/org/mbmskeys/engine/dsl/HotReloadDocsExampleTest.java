package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.spi.InstanceStore;

/**
 * The hot-reload and restart examples of docs/dsl.md are the code between the {@code docs:} markers
 * below, compiled and run here, and quoted verbatim by the page, so the page cannot drift from the code.
 */
class HotReloadDocsExampleTest {

    private static final String SCRIPT = """
            procedure('example.push') {
                initial 'waiting'
                state('waiting') { on(String) { goTo '%s' } }
                finalState '%s'
            }
            """;

    @TempDir
    Path scriptDirectory;

    @TempDir
    Path archiveDirectory;

    private final InstanceStore store = InstanceStore.inMemory();

    private Path write(Path directory, String last) throws IOException {
        return Files.writeString(directory.resolve("push.groovy"), SCRIPT.formatted(last, last));
    }

    @Test
    void theHotReloadExampleFollowsReloadsAndDeletions() throws IOException {
        Path push = write(scriptDirectory, "sent");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            // docs:hot-reload
            ProcedureRepository procedures = ProcedureRepository.builder()
                    .directory(scriptDirectory)
                    .build();
            Engine engine = Engine.builder()
                    .procedures(procedures)       // deploys the scripts, then follows every reload
                    .store(store)
                    .build();
            scheduler.scheduleWithFixedDelay(procedures::reloadChanged, 10, 10, TimeUnit.SECONDS);
            // docs:end

            write(scriptDirectory, "delivered");
            procedures.reloadChanged();
            assertThat(engine.definition("example.push").orElseThrow().version()).isEqualTo(2);
            Files.delete(push);
            procedures.reloadChanged();
            assertThat(engine.procedures()).isEmpty();
            engine.close();
        } finally {
            scheduler.shutdownNow();
        }
        assertQuoted("hot-reload");
    }

    @Test
    void theRestartExampleFinishesAStoredInstanceOnTheArchivedText() throws IOException {
        write(scriptDirectory, "sent");
        Engine before = Engine.builder().procedures(ProcedureRepository.builder().directory(scriptDirectory).build())
                .store(store).build();
        before.start("example.push", "ue-1", Map.of());
        String startedOn = before.instance("example.push", "ue-1").orElseThrow().fingerprint().orElseThrow();
        before.close();
        Files.move(scriptDirectory.resolve("push.groovy"), archiveDirectory.resolve("push.groovy"));
        write(scriptDirectory, "delivered");

        // docs:restart
        ProcedureRepository procedures = ProcedureRepository.builder().directory(scriptDirectory).build();
        ProcedureRepository archive = ProcedureRepository.builder().directory(archiveDirectory).build();
        Engine engine = Engine.builder()
                .procedures(procedures)
                .retired(archive.definitions())   // old texts, for stored instances that started on them
                .store(store)
                .build();
        // docs:end

        assertThat(engine.instance("example.push", "ue-1").orElseThrow().fingerprint()).contains(startedOn);
        engine.start("example.push", "ue-2", Map.of());
        assertThat(engine.instance("example.push", "ue-2").orElseThrow().fingerprint()).isNotEqualTo(startedOn);
        engine.close();
        assertQuoted("restart");
    }

    /** The snippet between {@code // docs:name} and {@code // docs:end} appears in dsl.md as a java block. */
    private static void assertQuoted(String name) throws IOException {
        Path page = Path.of("../docs/dsl.md");
        Path self = Path.of("src/test/java/org/mbmskeys/engine/dsl/HotReloadDocsExampleTest.java");
        assertTrue(Files.exists(page) && Files.exists(self), "docs/ is next to engine/ in a source checkout");
        List<String> lines = Files.readAllLines(self, StandardCharsets.UTF_8);
        int from = lines.indexOf(lines.stream().filter(l -> l.strip().equals("// docs:" + name)).findFirst().orElseThrow());
        int indent = lines.get(from).indexOf('/');
        StringBuilder snippet = new StringBuilder("```java\n");
        for (String line : lines.subList(from + 1, lines.size())) {
            if (line.strip().equals("// docs:end")) {
                break;
            }
            snippet.append(line.substring(Math.min(indent, line.length()))).append('\n');
        }
        assertThat(Files.readString(page, StandardCharsets.UTF_8)).contains(snippet.append("```\n"));
    }
}
