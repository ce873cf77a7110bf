package org.mbmskeys.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs every test of the class once per execution backend. The class declares the backend's name as a
 * field and hands it to every engine it builds:
 *
 * <pre>{@code
 * @OnBothBackends
 * class TimerTest {
 *     @Parameter
 *     String backend;
 *
 *     @Test
 *     void ...() {
 *         Harness h = Harness.of(backend, definition);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedClass(name = "on the {0} backend")
@ValueSource(strings = {"native", "spring"})
public @interface OnBothBackends {
}
