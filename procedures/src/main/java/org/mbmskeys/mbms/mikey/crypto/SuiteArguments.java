package org.mbmskeys.mbms.mikey.crypto;

import java.util.Objects;

/** Argument checks shared by both suites, so they reject exactly the same inputs with the same words. */
final class SuiteArguments {

    private SuiteArguments() {
    }

    static void hmacKey(byte[] key, String algorithm) {
        Objects.requireNonNull(key, "key");
        // RFC 2104 would allow an empty key, but JCA cannot key a Mac with zero bytes; both suites refuse it
        // so they stay interchangeable. MIKEY never needs one (minisip's empty last chunk is a bug).
        if (key.length == 0) {
            throw new IllegalArgumentException(algorithm + " key is empty; give at least one key byte");
        }
    }

    static void slice(byte[] data, int offset, int length) {
        Objects.requireNonNull(data, "data");
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("slice offset " + offset + ", length " + length
                    + " lies outside the " + data.length + "-byte input; need 0 <= offset <= offset + length <= "
                    + data.length);
        }
    }

    static void parts(byte[][] parts) {
        Objects.requireNonNull(parts, "parts");
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == null) {
                throw new IllegalArgumentException("HMAC input part " + i + " of " + parts.length + " is null");
            }
        }
    }

    static void aesCtr(byte[] key16, byte[] iv16, byte[] data, int offset, int length) {
        Objects.requireNonNull(key16, "key16");
        Objects.requireNonNull(iv16, "iv16");
        if (key16.length != CryptoSuite.AES128_KEY_LENGTH) {
            throw new IllegalArgumentException("AES-128 key must be " + CryptoSuite.AES128_KEY_LENGTH
                    + " bytes, got " + key16.length);
        }
        if (iv16.length != CryptoSuite.AES_CTR_IV_LENGTH) {
            throw new IllegalArgumentException("AES-CTR initial counter block must be "
                    + CryptoSuite.AES_CTR_IV_LENGTH + " bytes, got " + iv16.length);
        }
        slice(data, offset, length);
    }
}
