package org.mbmskeys.mbms.keymanagement;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * <b>Project extension</b> (not in TS 33.246): a registration's Request-URI may name the UDP port the UE receives
 * MIKEY on, {@code /keymanagement?requesttype=register&mikeyport=40001}. TS 33.246 §6.3.1 sends MIKEY to the
 * source address of the registration on port 2269; several UEs behind one address (a lab, a load test, a
 * simulator) cannot all take that port. G.2.1 lets a UE add URI parameters, and a BM-SC that does not know this
 * one ignores it, so a conforming peer on either side is unaffected. The parameter is in the request target,
 * which Digest's {@code uri} and response cover, so it cannot be changed on the way without failing the check.
 *
 * <pre>{@code
 * MikeyPortParameter.registrationTarget(40001);   // /keymanagement?requesttype=register&mikeyport=40001
 * MikeyPortParameter.read("/keymanagement?requesttype=register&mikeyport=40001");   // OptionalInt[40001]
 * }</pre>
 */
public final class MikeyPortParameter {

    /** The query parameter's name. */
    public static final String NAME = "mikeyport";

    private MikeyPortParameter() {
    }

    /** The registration request target stating {@code port}. */
    public static String registrationTarget(int port) {
        return KeyManagementRequest.REGISTER.requestTarget() + "&" + NAME + "=" + requirePort(port);
    }

    /**
     * The port {@code requestTarget} states, or empty when it states none.
     *
     * @throws IllegalArgumentException if the parameter is repeated, has no value, or is not a port 1..65535
     */
    public static OptionalInt read(String requestTarget) {
        Optional<List<String>> values = KeyManagementRequest.parameterValues(Objects.requireNonNull(requestTarget,
                "requestTarget"), NAME);
        if (values.isEmpty() || values.get().isEmpty()) {
            return OptionalInt.empty();
        }
        if (values.get().size() > 1) {
            throw new IllegalArgumentException(NAME + " is given " + values.get().size() + " times; at most once");
        }
        String value = values.get().get(0);
        if (value == null || !value.matches("[0-9]{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) {
            throw new IllegalArgumentException(NAME + " must be a UDP port 1..65535, got '"
                    + (value == null ? "" : value.length() > 20 ? value.substring(0, 20) + "…" : value) + "'");
        }
        return OptionalInt.of(Integer.parseInt(value));
    }

    private static int requirePort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a MIKEY port must be 1..65535, got " + port);
        }
        return port;
    }
}
