package org.mbmskeys.engine.bytes;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * Key material (MUK, MRK, MSK, MTK, Ks_NAF, derived session keys, Digest passwords).
 *
 * <p>Never prints its content: {@code toString()} is {@code SecretBytes[16 bytes]}. Equality is
 * constant-time over the content; {@link #hashCode()} depends on the length only, so a secret put in a
 * hash table leaks nothing through its bucket. {@link #destroy()} zeroes the content; using a destroyed
 * secret throws {@link IllegalStateException}.
 *
 * <p>Reading the content is deliberate and greppable: {@link #copyBytes()} and {@link #revealHex()}
 * ({@link #copy()} keeps it secret). A test sees which secrets a block of code left undestroyed with
 * {@link SecretAudit}.
 */
public final class SecretBytes {

    private final byte[] data;
    private volatile boolean destroyed;

    private SecretBytes(byte[] data) {
        this.data = data;
        SecretAudit.created(this);
    }

    /** A copy of {@code data}. */
    public static SecretBytes of(byte... data) {
        return new SecretBytes(data.clone());
    }

    /** Takes ownership of {@code data}; the caller drops its reference. */
    public static SecretBytes wrap(byte[] data) {
        return new SecretBytes(Objects.requireNonNull(data, "data"));
    }

    /** Parses hex digits (either case); white space is ignored. */
    public static SecretBytes ofHex(CharSequence hex) {
        return wrap(Hex.decode(hex));
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    /** A fresh copy of the key material. The caller should zero it after use. */
    public byte[] copyBytes() {
        checkAlive();
        return data.clone();
    }

    /**
     * A new secret holding a copy of this key material, owned by the caller (who destroys it): what a key store
     * hands out, so that the caller's wipe leaves the store's own copy intact.
     */
    public SecretBytes copy() {
        return wrap(copyBytes());
    }

    /** {@code length} bytes from {@code offset} as a new secret. */
    public SecretBytes slice(int offset, int length) {
        checkAlive();
        Objects.checkFromIndexSize(offset, length, data.length);
        return wrap(Arrays.copyOfRange(data, offset, offset + length));
    }

    /**
     * The key material as hex, for the few places that must show it on purpose (the CLI's decrypted
     * output, test assertions). Never log it.
     */
    public String revealHex() {
        checkAlive();
        return Hex.encode(data);
    }

    /** Zeroes the content. Idempotent. */
    public void destroy() {
        destroyed = true;
        Arrays.fill(data, (byte) 0);
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    /**
     * Internal fast path for crypto code of this project: the live array, not a copy. Callers must not
     * modify or retain it.
     */
    public byte[] unsafeArray() {
        checkAlive();
        return data;
    }

    private void checkAlive() {
        if (destroyed) {
            throw new IllegalStateException("secret was destroyed");
        }
    }

    /** Constant-time content comparison. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SecretBytes other && MessageDigest.isEqual(data, other.data);
    }

    @Override
    public int hashCode() {
        return data.length;
    }

    @Override
    public String toString() {
        return "SecretBytes[" + data.length + " bytes]";
    }
}
