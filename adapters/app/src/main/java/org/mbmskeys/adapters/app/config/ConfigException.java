package org.mbmskeys.adapters.app.config;

/**
 * A configuration file that cannot be used, with the key it is about and what is allowed there:
 * {@code bmsc.yaml: services[0].keyGroup: "01x1" is not 4 hex digits (a Key Group is 2 bytes, e.g. "0101")}.
 * Never carries the value of a secret key.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
