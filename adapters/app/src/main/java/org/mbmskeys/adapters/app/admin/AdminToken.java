package org.mbmskeys.adapters.app.admin;

import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The bearer token of the admin API (RFC 6750 {@code Authorization: Bearer <token>}). Only its SHA-256 digest is
 * kept; a presented token is hashed the same way and the two digests are compared in constant time
 * ({@link MessageDigest#isEqual}), so neither the content nor the length of the token leaks through timing. The
 * token never appears in {@link #toString()}, a log line or an exception.
 *
 * <p>A token is at least {@value #MIN_LENGTH} characters of the RFC 6750 {@code b64token} alphabet (letters,
 * digits, {@code - . _ ~ + /}, trailing {@code =}): what can travel in a header unchanged. {@code openssl rand
 * -base64 32} makes one.
 */
public final class AdminToken {

    /** The shortest token accepted: a guessable token would open key rotation to anyone on the host. */
    public static final int MIN_LENGTH = 16;

    private static final String SCHEME = "Bearer ";

    private final byte[] digest;

    private AdminToken(byte[] token) {
        requireUsable(token);
        this.digest = sha256(token);
    }

    /**
     * The token held in {@code file} (UTF-8, surrounding white space such as a final newline ignored): how a BM-SC
     * process's configuration names it ({@code admin.tokenFile}). The text read is cleared.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException as {@link #of(SecretBytes)}
     */
    public static AdminToken read(Path file) throws IOException {
        char[] token = Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        try {
            return of(token);
        } finally {
            Arrays.fill(token, '\0');
        }
    }

    /**
     * The token {@code token} (its bytes are copied, the caller keeps and may destroy it).
     *
     * @throws IllegalArgumentException if shorter than {@value #MIN_LENGTH} or outside the RFC 6750 alphabet
     */
    public static AdminToken of(SecretBytes token) {
        byte[] copy = Objects.requireNonNull(token, "token").copyBytes();
        try {
            return new AdminToken(copy);
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    /**
     * The token {@code token} (the caller keeps the array and may clear it).
     *
     * @throws IllegalArgumentException as {@link #of(SecretBytes)}
     */
    public static AdminToken of(char[] token) {
        var encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(Objects.requireNonNull(token, "token")));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            return new AdminToken(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** True if {@code authorization} (an {@code Authorization} header value, may be null) carries this token. */
    public boolean admits(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] presented = authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
        try {
            return MessageDigest.isEqual(digest, sha256(presented));
        } finally {
            Arrays.fill(presented, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }

    private static void requireUsable(byte[] token) {
        if (token.length < MIN_LENGTH) {
            // The length of a refused token is not secret enough to hide, and it is what the operator must fix.
            throw new IllegalArgumentException("the admin token is " + token.length + " characters long; it needs at least "
                    + MIN_LENGTH + " (e.g. the output of: openssl rand -base64 32)");
        }
        int end = token.length;
        while (end > 0 && token[end - 1] == '=') {
            end--;
        }
        for (int i = 0; i < end; i++) {
            int c = token[i] & 0xFF;
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~+/".indexOf(c) >= 0;
            if (!ok) {
                // Which character is wrong would reveal part of the token: say only where.
                throw new IllegalArgumentException("the admin token has a character outside letters, digits and - . _ ~ + / "
                        + "(trailing = allowed) at position " + (i + 1) + "; a bearer token must travel in a header as it is");
            }
        }
        if (end == 0) {
            throw new IllegalArgumentException("the admin token is only '=' characters");
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
