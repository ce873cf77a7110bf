package org.mbmskeys.mbms.mikey.crypto;

/**
 * RFC 3830 §4.2.3: {@code IV = (S XOR (0x0000 ‖ CSB ID ‖ T)) ‖ 0x0000}, S the 112-bit salt_key, T the
 * 64-bit timestamp. Layout of the 16 bytes: salt[0..1] ‖ salt[2..5]^CSB ID ‖ salt[6..13]^T ‖ 00 00.
 */
final class AesCmIv {

    private AesCmIv() {
    }

    static byte[] of(byte[] salt14, int csbId, long t64) {
        if (salt14.length != PrfInput.KEMAC_SALTING_KEY_LENGTH) {
            throw new IllegalArgumentException("AES-CM salt_key must be " + PrfInput.KEMAC_SALTING_KEY_LENGTH
                    + " bytes (112 bits, RFC 3830 §4.2.3), got " + salt14.length);
        }
        byte[] iv = new byte[CryptoSuite.AES_CTR_IV_LENGTH];
        iv[0] = salt14[0];
        iv[1] = salt14[1];
        for (int i = 0; i < 4; i++) {
            iv[2 + i] = (byte) (salt14[2 + i] ^ (csbId >>> (24 - 8 * i)));
        }
        for (int i = 0; i < 8; i++) {
            iv[6 + i] = (byte) (salt14[6 + i] ^ (t64 >>> (56 - 8 * i)));
        }
        return iv;
    }
}
