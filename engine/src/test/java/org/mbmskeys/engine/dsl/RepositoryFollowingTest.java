package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.mbmskeys.engine.OnBothBackends;
import org.mbmskeys.engine.dsl.events.Ack;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.ProcedureListener;

/** Issue 6.4: {@code Engine.builder().procedures(repository)} deploys the scripts and follows their reloads. */
@OnBothBackends
class RepositoryFollowingTest {

    @Parameter
    String backend;

    @TempDir
    Path dir;

    private final List<String> ended = new ArrayList<>();

    private static String script(String name, String last) {
        return """
                procedure('%s') {
                    initial 'a'
                    state('a') { on(Ack) { goTo '%s' } }
                    finalState '%s'
                }
                """.formatted(name, last, last);
    }

    private Path write(String file, String text) throws IOException {
        return Files.writeString(dir.resolve(file), text);
    }

    private Engine engineFollowing(ProcedureRepository repository) {
        return Engine.builder()
                .procedures(repository)
                .backend(backend)
                .deterministic()
                .scheduler(new ManualScheduler())
                .listener(new ProcedureListener() {
                    @Override
                    public void ended(InstanceRef instance, InstanceRecord last) {
                        ended.add(instance + " v" + last.version() + " " + last.state());
                    }
                })
                .build();
    }

    @Test
    void aReloadedScriptIsDeployedForNewInstancesWhileRunningOnesFinishOnTheirs() throws IOException {
        write("a.groovy", script("dir.a", "done"));
        ProcedureRepository repository = ProcedureRepository.builder().directory(dir).compiler(Scripts.STATIC).build();
        Engine engine = engineFollowing(repository);
        engine.start("dir.a", "old", Map.of());

        write("a.groovy", script("dir.a", "finished"));
        repository.reloadChanged();
        engine.start("dir.a", "new", Map.of());
        engine.send("dir.a", "old", new Ack(true));
        engine.send("dir.a", "new", new Ack(true));

        assertThat(engine.definition("dir.a").orElseThrow().version()).isEqualTo(2);
        assertThat(ended).containsExactly("dir.a[old] v1 done", "dir.a[new] v2 finished");
    }

    @Test
    void aDeletedScriptIsUndeployedAndARestoredOneDeployedAgain() throws IOException {
        Path a = write("a.groovy", script("dir.a", "done"));
        write("b.groovy", script("dir.b", "done"));
        ProcedureRepository repository = ProcedureRepository.builder().directory(dir).compiler(Scripts.STATIC).build();
        Engine engine = engineFollowing(repository);
        engine.start("dir.a", "running", Map.of());

        Files.delete(a);
        assertThat(repository.reloadChanged().removed()).containsExactly("dir.a");

        assertThat(engine.procedures()).containsExactly("dir.b");
        assertThatThrownBy(() -> engine.start("dir.a", "new", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("procedure 'dir.a' was undeployed: its running instances finish, new ones are refused; "
                        + "deployed are [dir.b]");
        engine.send("dir.a", "running", new Ack(true));
        assertThat(ended).containsExactly("dir.a[running] v1 done");

        write("a.groovy", script("dir.a", "done"));
        repository.reloadChanged();
        engine.start("dir.a", "again", Map.of());
        assertThat(engine.instance("dir.a", "again").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aClosedEngineNoLongerFollows() throws IOException {
        write("a.groovy", script("dir.a", "done"));
        ProcedureRepository repository = ProcedureRepository.builder().directory(dir).compiler(Scripts.STATIC).build();
        Engine first = engineFollowing(repository);
        first.close();
        Engine second = engineFollowing(repository);

        write("a.groovy", script("dir.a", "finished"));
        repository.reloadChanged();

        assertThat(second.definition("dir.a").orElseThrow().version()).isEqualTo(2);
        second.close();
    }
}
