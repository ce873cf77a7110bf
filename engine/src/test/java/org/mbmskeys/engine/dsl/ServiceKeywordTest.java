package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.dsl.events.Ack;
import org.mbmskeys.engine.dsl.events.Greeter;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.testkit.ProcedureTestKit;

/** {@code service(Type)}: a script reaches the role code the embedder registered, by type, in actions and guards. */
class ServiceKeywordTest {

    private static final String SCRIPT = Scripts.around("""
                state('a') {
                    onEntry { send 'out', service(Greeter).greet(key) }
                    on(Ack) { guard { service(Greeter).knows(key) }; goTo 'done' }
                }
                errorState 'failed'
            """);

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anActionAndAGuardCallTheRegisteredService(boolean statically) {
        ProcedureDefinition definition = Scripts.define(statically, SCRIPT);
        Greeter greeter = who -> "hello " + who;
        ProcedureTestKit kit = ProcedureTestKit.of(definition, b -> b.service(Greeter.class, greeter));

        kit.start("ue-1", Map.of()).expectState("a");
        assertThat(kit.sent("out")).containsExactly("hello ue-1");
        kit.send(new Ack(true)).expectEnded("done");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aGuardThatReadsTheServiceDecides(boolean statically) {
        ProcedureDefinition definition = Scripts.define(statically, SCRIPT);
        Greeter stranger = new Greeter() {
            @Override
            public String greet(Object who) {
                return "who are you";
            }

            @Override
            public boolean knows(Object who) {
                return false;
            }
        };
        ProcedureTestKit kit = ProcedureTestKit.of(definition, b -> b.service(Greeter.class, stranger));

        kit.start("ue-1", Map.of()).send(new Ack(true)).expectState("a");
        assertThat(kit.rejections()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aServiceNobodyRegisteredFailsTheStepNamingTheType(boolean statically) {
        ProcedureDefinition definition = Scripts.define(statically, SCRIPT);
        ProcedureTestKit kit = ProcedureTestKit.of(definition, b -> b.service(Runnable.class, () -> { }));

        kit.start("ue-1", Map.of()).expectEnded("failed");
        assertThat(kit.failure()).get().asString()
                .contains("no service of type " + Greeter.class.getName())
                .contains("registered: java.lang.Runnable");
    }

    @Test
    void aServiceIsRegisteredOncePerTypeAndMustBeOfThatType() {
        Greeter greeter = who -> "hi";
        assertThatThrownBy(() -> Engine.builder().service(Greeter.class, greeter).service(Greeter.class, greeter))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("service Greeter");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Object> raw = (Class) Greeter.class;
        assertThatThrownBy(() -> Engine.builder().service(raw, "not a greeter"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a " + Greeter.class.getName());
    }
}
