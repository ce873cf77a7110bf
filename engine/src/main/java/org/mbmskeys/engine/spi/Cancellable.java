package org.mbmskeys.engine.spi;

/** A scheduled task that may still be called off. Cancelling twice, or after the task ran, does nothing. */
@FunctionalInterface
public interface Cancellable {

    void cancel();
}
