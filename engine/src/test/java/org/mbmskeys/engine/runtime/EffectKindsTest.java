package org.mbmskeys.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of effect is carried out: the handler has one abstract method per kind, so a new kind does
 * not compile until the code that carries effects out handles it (instead of being dropped silently).
 */
class EffectKindsTest {

    @Test
    void theHandlerHasAnAbstractMethodForEveryKindOfEffect() {
        List<Class<?>> kinds = Arrays.asList(Effect.class.getPermittedSubclasses());
        List<Class<?>> handled = Arrays.stream(Effect.Handler.class.getDeclaredMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 1)
                .<Class<?>>map(m -> m.getParameterTypes()[0])
                .toList();

        assertThat(kinds).isNotEmpty();
        assertThat(handled).containsExactlyInAnyOrderElementsOf(kinds);
    }

    @Test
    void everyKindOfEffectCallsItsOwnHandlerMethod() throws Exception {
        for (Class<?> kind : Effect.class.getPermittedSubclasses()) {
            Method accept = kind.getMethod("accept", Effect.Handler.class);
            assertThat(Modifier.isAbstract(accept.getModifiers())).as(kind.getSimpleName()).isFalse();
        }
        Effect.Handler<String> names = new Effect.Handler<>() {
            @Override
            public String send(Effect.Send send) {
                return "send";
            }

            @Override
            public String reply(Effect.Reply reply) {
                return "reply";
            }

            @Override
            public String start(Effect.Start start) {
                return "start";
            }

            @Override
            public String signal(Effect.SignalTo signal) {
                return "signal";
            }

            @Override
            public String emit(Effect.Emit emit) {
                return "emit";
            }
        };
        assertThat(new Effect.Send("c", "x").accept(names)).isEqualTo("send");
        assertThat(new Effect.Reply(null, "x").accept(names)).isEqualTo("reply");
        assertThat(new Effect.Start(null, "k", new Object[0]).accept(names)).isEqualTo("start");
        assertThat(new Effect.SignalTo("p", "k", org.mbmskeys.engine.model.Signal.of("s")).accept(names)).isEqualTo("signal");
        assertThat(new Effect.Emit("o").accept(names)).isEqualTo("emit");
    }
}
