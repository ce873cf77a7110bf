package org.mbmskeys.engine.backend.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Spring Statemachine is an optional dependency: an engine without it on the class path still lists the
 * {@code spring} backend through the service loader, runs on {@code native}, and refuses {@code spring}
 * with a message that says what to add. The test loads the engine in a class loader that hides Spring and
 * Reactor.
 */
class WithoutSpringTest {

    /** Loads {@code org.mbmskeys} classes itself (so they link against what it hides) and hides Spring and Reactor. */
    private static final class HidingSpring extends ClassLoader {
        HidingSpring(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("org.springframework.") || name.startsWith("reactor.")) {
                    throw new ClassNotFoundException(name + " is hidden by the test");
                }
                if (!name.startsWith("org.mbmskeys.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Test
    void theEngineRunsAndListsTheSpringBackendWithoutSpringAndRefusesToUseItSayingWhatToAdd() throws Exception {
        ClassLoader hiding = new HidingSpring(getClass().getClassLoader());
        @SuppressWarnings("unchecked")
        Supplier<List<String>> probe = (Supplier<List<String>>) hiding.loadClass(WithoutSpringProbe.class.getName())
                .getConstructor().newInstance();

        // As in an application whose class path lacks Spring: the service loader looks in the context loader.
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        List<String> seen;
        try {
            thread.setContextClassLoader(hiding);
            seen = probe.get();
        } finally {
            thread.setContextClassLoader(before);
        }

        assertThat(seen).containsExactly(
                "spring hidden: true",
                "service loader lists: [native, spring]",
                "native runs: b",
                "spring refused: the 'spring' backend cannot run procedure 'p': Spring Statemachine is not on the class "
                        + "path; add org.springframework.statemachine:spring-statemachine-core:4.0.2, or use the 'native' backend");
    }
}
