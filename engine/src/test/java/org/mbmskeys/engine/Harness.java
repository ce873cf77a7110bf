package org.mbmskeys.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.runtime.EngineBuilder;
import org.mbmskeys.engine.spi.ChannelMessage;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.InstanceStore;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.testkit.TraceRecorder;
import org.mbmskeys.engine.testkit.TransitionTrace;

/**
 * A deterministic engine for runtime tests: virtual time, everything on the test thread, every listener
 * call journaled, every send captured (channels not bound otherwise), random bytes counting up from 0.
 * The factories that take a backend name run it on that backend ({@link OnBothBackends}); the others use
 * the engine's default.
 */
public final class Harness {

    public final ManualScheduler time;
    public final Journal journal = new Journal();
    public final TraceRecorder traces = new TraceRecorder();
    public final List<ChannelMessage> sent = Collections.synchronizedList(new ArrayList<>());
    public final InstanceStore store;
    public final Engine engine;
    /** The backend asked for, or null for the engine's default. */
    public final String backend;

    private Harness(String backend, ManualScheduler time, InstanceStore store, Consumer<EngineBuilder> more,
                    ProcedureDefinition... definitions) {
        this.backend = backend;
        this.time = time;
        this.store = store;
        int[] counter = {0};
        EngineBuilder builder = Engine.builder()
                .deterministic()
                .lanes(4)
                .scheduler(time)
                .store(store)
                .random(length -> {
                    byte[] out = new byte[length];
                    for (int i = 0; i < length; i++) {
                        out[i] = (byte) counter[0]++;
                    }
                    return Bytes.wrap(out);
                })
                .defaultChannel(sent::add)
                .listener(journal)
                .listener(traces);
        if (backend != null) {
            builder.backend(backend);
        }
        for (ProcedureDefinition d : definitions) {
            builder.procedure(d);
        }
        more.accept(builder);
        this.engine = builder.build();
    }

    public static Harness of(ProcedureDefinition... definitions) {
        return new Harness(null, new ManualScheduler(), InstanceStore.inMemory(), b -> { }, definitions);
    }

    public static Harness of(Consumer<EngineBuilder> more, ProcedureDefinition... definitions) {
        return new Harness(null, new ManualScheduler(), InstanceStore.inMemory(), more, definitions);
    }

    public static Harness of(String backend, ProcedureDefinition... definitions) {
        return new Harness(backend, new ManualScheduler(), InstanceStore.inMemory(), b -> { }, definitions);
    }

    public static Harness of(String backend, Consumer<EngineBuilder> more, ProcedureDefinition... definitions) {
        return new Harness(backend, new ManualScheduler(), InstanceStore.inMemory(), more, definitions);
    }

    /** A second engine on the same store and clock and the same backend, as after a restart. */
    public static Harness restartOn(Harness before, ProcedureDefinition... definitions) {
        return restartOn(before, before.backend, definitions);
    }

    /** A second engine on the same store and clock, on {@code backend}, as after a restart. */
    public static Harness restartOn(Harness before, String backend, ProcedureDefinition... definitions) {
        before.engine.close();
        return new Harness(backend, before.time, before.store, b -> { }, definitions);
    }

    /** A second engine on the same store, clock and backend, with more settings, as after a restart. */
    public static Harness restartOn(Harness before, Consumer<EngineBuilder> more, ProcedureDefinition... definitions) {
        before.engine.close();
        return new Harness(before.backend, before.time, before.store, more, definitions);
    }

    public static Harness on(ManualScheduler time, InstanceStore store, ProcedureDefinition... definitions) {
        return new Harness(null, time, store, b -> { }, definitions);
    }

    public static Harness on(String backend, ManualScheduler time, InstanceStore store, ProcedureDefinition... definitions) {
        return new Harness(backend, time, store, b -> { }, definitions);
    }

    /** The instance's current leaf state, or "(none)" if it is not running. */
    public String state(String procedure, Object key) {
        return engine.instance(procedure, key).map(InstanceRecord::state).orElse("(none)");
    }

    public TransitionTrace trace(String procedure, Object key) {
        return traces.trace(new InstanceRef(procedure, key));
    }

    public List<Object> sent(String channel) {
        synchronized (sent) {
            return sent.stream().filter(m -> m.channel().equals(channel)).map(ChannelMessage::payload).toList();
        }
    }
}
