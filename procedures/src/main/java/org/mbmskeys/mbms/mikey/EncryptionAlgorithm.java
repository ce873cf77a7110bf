package org.mbmskeys.mbms.mikey;

import java.util.Optional;

/**
 * KEMAC Encr alg (RFC 3830 §6.2; Wireshark packet-mikey.c). MBMS uses {@link #AES_CM_128}; {@link #NULL} is for
 * debugging and foreign messages. Closed code space.
 */
public enum EncryptionAlgorithm {
    NULL(0),
    AES_CM_128(1),
    AES_KW_128(2);

    static final CodeSpace<EncryptionAlgorithm> CODES =
            CodeSpace.of("KEMAC Encr alg", values(), EncryptionAlgorithm::code, Enum::name);

    private final int code;

    EncryptionAlgorithm(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<EncryptionAlgorithm> ofCode(int code) {
        return CODES.byCode(code);
    }
}
