package org.mbmskeys.engine.spi;

import java.util.Map;
import java.util.Objects;

/**
 * Where a routed envelope goes: the instance {@code key} of {@code procedure}, as {@code event}. With
 * {@code createIfAbsent}, a missing instance is started first with {@code inputs} (the first message of
 * a procedure a peer opens, such as a registration request).
 *
 * <pre>{@code
 * Route.to("bmsc.msk-push", ueId, verificationMessage);
 * Route.createIfAbsent("bmsc.registration", ueId, request, Map.of("ue", ueId));
 * }</pre>
 */
public record Route(String procedure, Object key, Object event, boolean createIfAbsent, Map<String, Object> inputs) {

    public Route {
        Objects.requireNonNull(procedure, "procedure");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(event, "event");
        inputs = Map.copyOf(inputs);
    }

    /** To an instance that must already be running. */
    public static Route to(String procedure, Object key, Object event) {
        return new Route(procedure, key, event, false, Map.of());
    }

    /** To the instance, starting it with {@code inputs} if it is not running. */
    public static Route createIfAbsent(String procedure, Object key, Object event, Map<String, ?> inputs) {
        return new Route(procedure, key, event, true, Map.copyOf(inputs));
    }
}
