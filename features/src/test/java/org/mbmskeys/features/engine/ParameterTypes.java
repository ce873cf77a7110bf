package org.mbmskeys.features.engine;

import io.cucumber.java.ParameterType;
import java.time.Duration;
import org.mbmskeys.engine.spi.InstanceRef;
import org.mbmskeys.engine.spi.InstanceStore;
import org.mbmskeys.engine.spi.RejectionReason;

/**
 * The words features use for engine things:
 * <ul>
 *   <li>{@code {duration}}: {@code 5s}, {@code 4.999s}, {@code 250ms}, {@code 2min}, {@code 1h}, {@code 5 seconds};</li>
 *   <li>{@code {event}}: an event of package {@code events}, as {@code Go} or {@code Answer "yes"}
 *       ({@code {message}}: the same, kept as text to put in an envelope);</li>
 *   <li>{@code {state}}: a state name in single quotes, as scripts write it: {@code 'idle'};</li>
 *   <li>{@code {instance}}: {@code the instance} (the one started last), or {@code procedure[key]} as the
 *       engine prints instances: {@code order[alice]};</li>
 *   <li>{@code {store}}: {@code the in-memory store} (the default), {@code a durable store}, one that keeps
 *       copies by name like a database ({@link CopyingStore}), or {@code the H2 store}, the JDBC adapter's on an
 *       H2 file, reopened when the engine starts again ({@link H2Store});</li>
 *   <li>{@code {reason}}: a {@link RejectionReason} such as {@code NO_TRANSITION}.</li>
 * </ul>
 */
public class ParameterTypes {

    private final World world;

    public ParameterTypes(World world) {
        this.world = world;
    }

    @ParameterType(Times.SYNTAX)
    public Duration duration(String text) {
        return Times.parse(text);
    }

    @ParameterType(Events.SYNTAX)
    public Object event(String text) {
        return Events.parse(text);
    }

    /** An event as text, for envelopes (which carry the text, not the object); same syntax as {@code {event}}. */
    @ParameterType(Events.SYNTAX)
    public String message(String text) {
        Events.parse(text);   // fail here, at the step, if it names no event
        return text;
    }

    @ParameterType("'([^']+)'")
    public String state(String name) {
        return name;
    }

    @ParameterType("the instance|[a-z][\\w.-]*\\[[^\\]\\s]+\\]")
    public InstanceRef instance(String text) {
        if (text.equals("the instance")) {
            return world.current();
        }
        int open = text.indexOf('[');
        return new InstanceRef(text.substring(0, open), text.substring(open + 1, text.length() - 1));
    }

    @ParameterType("the in-memory store|a durable store|the H2 store")
    public InstanceStore store(String kind) {
        return switch (kind) {
            case "a durable store" -> new CopyingStore();
            case "the H2 store" -> new H2Store();
            default -> InstanceStore.inMemory();
        };
    }

    @ParameterType("NO_TRANSITION|GUARD_REJECTED|NO_INSTANCE|ALREADY_RUNNING|UNKNOWN_PROCEDURE")
    public RejectionReason reason(String name) {
        return RejectionReason.valueOf(name);
    }
}
