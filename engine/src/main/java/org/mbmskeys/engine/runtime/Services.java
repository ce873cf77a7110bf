package org.mbmskeys.engine.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The role services an embedder registered ({@code EngineBuilder.service(type, service)}), by the type a
 * script asks for. Looked up by exact type: a script names the interface it was written against, so the
 * binding is explicit and a missing one is reported by name rather than matched by accident.
 */
final class Services {

    private final Map<Class<?>, Object> byType;

    Services(Map<Class<?>, Object> byType) {
        this.byType = new LinkedHashMap<>(byType);
    }

    <T> T get(Class<T> type) {
        Object service = byType.get(type);
        if (service == null) {
            throw new IllegalArgumentException("no service of type " + type.getName() + " is registered with this engine; "
                    + (byType.isEmpty() ? "none is (EngineBuilder.service(type, service) registers one)"
                    : "registered: " + byType.keySet().stream().map(Class::getName).collect(Collectors.joining(", "))));
        }
        return type.cast(service);
    }
}
