package org.mbmskeys.engine.model;

import java.time.Duration;

/**
 * The delay of a timer computed when it is armed, for delays that depend on the instance or the world: an
 * announced back-off (TS 33.246 §6.3.2.2.1), a server's Retry-After. It reads the instance through a
 * read-only context, like a guard, and must return a positive duration; what it throws fails the step.
 */
@FunctionalInterface
public interface TimerDelay {

    Duration delay(ActionContext context) throws Exception;
}
