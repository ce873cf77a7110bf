package org.mbmskeys.adapters.app.node;

import java.util.function.Supplier;

/**
 * Opens a socket at an address a setting names. When the address cannot be bound (in use, not on this host), the
 * failure names the setting first, so an operator knows which line of the configuration to change: the transports
 * themselves know only the address.
 */
public final class Bound {

    private Bound() {
    }

    /**
     * {@code open}'s socket; its {@link IllegalStateException} (the transports' "cannot bind" and "cannot listen")
     * again, its message led by {@code setting}. Keep {@code open} to the binding alone: any other failure inside it
     * would be told as the setting's too.
     */
    public static <T> T by(String setting, Supplier<T> open) {
        try {
            return open.get();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(setting + ": " + e.getMessage(), e);
        }
    }
}
