package org.mbmskeys.mbms.mikey;

import java.util.List;
import java.util.Objects;

/**
 * SP payload (RFC 3830 §6.10): Policy no (1) | Prot type (1) | Policy param length (2) | parameters, each
 * Type (1) | Length (1) | Value. MBMS receivers store it if present (TS 33.246 §6.4.6.1).
 */
public record SecurityPolicyPayload(int policyNo, ProtocolType protType, List<SpParameter> parameters)
        implements MikeyPayload {

    /**
     * @throws IllegalArgumentException if {@code policyNo} does not fit a byte or the parameters need more
     *                                  than 65535 bytes
     */
    public SecurityPolicyPayload {
        Objects.requireNonNull(protType, "protType");
        parameters = List.copyOf(parameters);
        if ((policyNo & ~0xFF) != 0) {
            throw new IllegalArgumentException("SP Policy no is one byte (0..255), got " + policyNo);
        }
        int length = parameters.stream().mapToInt(SpParameter::wireLength).sum();
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("SP parameters take at most 65535 bytes (Policy param length is 2 bytes), got "
                    + length);
        }
    }

    /** Policy param length: the bytes of all parameters. */
    public int parameterLength() {
        return parameters.stream().mapToInt(SpParameter::wireLength).sum();
    }

    @Override
    public PayloadType type() {
        return PayloadType.SP;
    }
}
