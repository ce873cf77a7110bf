package org.mbmskeys.mbms.mikey.crypto;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The inputs of one MIKEY-1 PRF evaluation (RFC 3830 §4.1.2): inkey, label and output length. Built only
 * through the named factories, one per key RFC 3830 derives, so no caller assembles a label by hand.
 *
 * <p>Label layouts and constants (RFC 3830 §4.1.3, §4.1.4):
 * <ul>
 *   <li>keys protecting a MIKEY message from a pre-shared key (§4.1.4; in MBMS the MUK for MSK messages,
 *       the MSK for MTK messages): {@code constant ‖ 0xFF ‖ CSB ID (4) ‖ RAND};</li>
 *   <li>keys derived from a TGK (§4.1.3): {@code constant ‖ CS ID (1) ‖ CSB ID (4) ‖ RAND}.</li>
 * </ul>
 * RAND is the RAND payload of the message being processed; MTK messages carry none and use the RAND stored
 * with their MSK (TS 33.246 §6.5.4). It may be empty (a solicited pull without RAND, U13 in docs/wire-profile.md).
 *
 * <pre>{@code
 * PrfInput in = PrfInput.kemacAuthenticationKey(muk, 0x01020304, rand);
 * SecretBytes authKey = MikeyPrf.mikey1(CryptoSuite.jca()).derive(in);   // 20 bytes
 * }</pre>
 *
 * <p>The inkey is referenced, not copied; {@code toString} shows the label (public data) and lengths only.
 */
public final class PrfInput {

    /** encr_key from a pre-shared/envelope key, RFC 3830 §4.1.4. */
    static final int KEMAC_ENCRYPTION_CONSTANT = 0x150533E1;
    /** auth_key from a pre-shared/envelope key, RFC 3830 §4.1.4. */
    static final int KEMAC_AUTHENTICATION_CONSTANT = 0x2D22AC75;
    /** salt_key from a pre-shared/envelope key, RFC 3830 §4.1.4. */
    static final int KEMAC_SALTING_CONSTANT = 0x29B88916;
    static final int TGK_TEK_CONSTANT = 0x2AD01C64;
    static final int TGK_ENCRYPTION_CONSTANT = 0x15798CEF;
    static final int TGK_AUTHENTICATION_CONSTANT = 0x1B5C7973;
    static final int TGK_SALTING_CONSTANT = 0x39A2C14B;

    /** encr_key length for AES-CM-128. */
    public static final int KEMAC_ENCRYPTION_KEY_LENGTH = 16;
    /** auth_key length for HMAC-SHA-1-160. */
    public static final int KEMAC_AUTHENTICATION_KEY_LENGTH = 20;
    /** salt_key length for the AES-CM IV (112 bits). */
    public static final int KEMAC_SALTING_KEY_LENGTH = 14;

    /** The byte between the constant and the CSB ID in §4.1.4 labels (where §4.1.3 has the CS ID). */
    private static final int PRE_SHARED_KEY_MARKER = 0xFF;

    private final SecretBytes inkey;
    private final Bytes label;
    private final int outputBytes;

    private PrfInput(SecretBytes inkey, Bytes label, int outputBytes) {
        Objects.requireNonNull(inkey, "inkey");
        if (inkey.isEmpty()) {
            throw new IllegalArgumentException("MIKEY-1 PRF inkey is empty; the PRF needs at least one key byte");
        }
        if (outputBytes <= 0) {
            throw new IllegalArgumentException("PRF output length must be at least 1 byte, got " + outputBytes);
        }
        this.inkey = inkey;
        this.label = label;
        this.outputBytes = outputBytes;
    }

    /** encr_key for the KEMAC (RFC 3830 §4.1.4): constant 0x150533E1, 16 bytes for AES-CM-128. */
    public static PrfInput kemacEncryptionKey(SecretBytes psk, int csbId, Bytes rand) {
        return new PrfInput(psk, preSharedLabel(KEMAC_ENCRYPTION_CONSTANT, csbId, rand), KEMAC_ENCRYPTION_KEY_LENGTH);
    }

    /** auth_key for the KEMAC and V MACs (RFC 3830 §4.1.4): constant 0x2D22AC75, 20 bytes for HMAC-SHA-1-160. */
    public static PrfInput kemacAuthenticationKey(SecretBytes psk, int csbId, Bytes rand) {
        return new PrfInput(psk, preSharedLabel(KEMAC_AUTHENTICATION_CONSTANT, csbId, rand),
                KEMAC_AUTHENTICATION_KEY_LENGTH);
    }

    /** salt_key for the AES-CM IV (RFC 3830 §4.1.4, §4.2.3): constant 0x29B88916, 14 bytes. */
    public static PrfInput kemacSaltingKey(SecretBytes psk, int csbId, Bytes rand) {
        return new PrfInput(psk, preSharedLabel(KEMAC_SALTING_CONSTANT, csbId, rand), KEMAC_SALTING_KEY_LENGTH);
    }

    /**
     * TEK from a TGK (RFC 3830 §4.1.3): constant 0x2AD01C64. The length is the security protocol's TEK
     * length. Not used by the MBMS profile; here for completeness.
     *
     * @param csId the crypto session ID, 0..255
     */
    public static PrfInput tekFromTgk(SecretBytes tgk, int csId, int csbId, Bytes rand, int lengthBytes) {
        return new PrfInput(tgk, tgkLabel(TGK_TEK_CONSTANT, csId, csbId, rand), lengthBytes);
    }

    /**
     * Encryption key from a TGK (RFC 3830 §4.1.3): constant 0x15798CEF. The MBMS profile derives the DCF encryption
     * key of a download MTK so (TS 33.246 §6.5.4, {@code traffic.DcfKeys}).
     */
    public static PrfInput encryptionKeyFromTgk(SecretBytes tgk, int csId, int csbId, Bytes rand, int lengthBytes) {
        return new PrfInput(tgk, tgkLabel(TGK_ENCRYPTION_CONSTANT, csId, csbId, rand), lengthBytes);
    }

    /**
     * Authentication key from a TGK (RFC 3830 §4.1.3): constant 0x1B5C7973. The MBMS profile derives the DCF
     * authentication key of a download MTK so (TS 33.246 §6.5.4, {@code traffic.DcfKeys}).
     */
    public static PrfInput authenticationKeyFromTgk(SecretBytes tgk, int csId, int csbId, Bytes rand,
                                                    int lengthBytes) {
        return new PrfInput(tgk, tgkLabel(TGK_AUTHENTICATION_CONSTANT, csId, csbId, rand), lengthBytes);
    }

    /** Salting key from a TGK (RFC 3830 §4.1.3): constant 0x39A2C14B. Not used by the MBMS profile. */
    public static PrfInput saltingKeyFromTgk(SecretBytes tgk, int csId, int csbId, Bytes rand, int lengthBytes) {
        return new PrfInput(tgk, tgkLabel(TGK_SALTING_CONSTANT, csId, csbId, rand), lengthBytes);
    }

    /** The label (public data: constant, CSB ID, RAND). */
    public Bytes label() {
        return label;
    }

    /** Number of key bytes the PRF returns. */
    public int outputBytes() {
        return outputBytes;
    }

    SecretBytes inkey() {
        return inkey;
    }

    private static Bytes preSharedLabel(int constant, int csbId, Bytes rand) {
        return label(constant, PRE_SHARED_KEY_MARKER, csbId, rand);
    }

    private static Bytes tgkLabel(int constant, int csId, int csbId, Bytes rand) {
        if ((csId & ~0xFF) != 0) {
            throw new IllegalArgumentException("CS ID is one byte (0..255), got " + csId);
        }
        return label(constant, csId, csbId, rand);
    }

    private static Bytes label(int constant, int fifthByte, int csbId, Bytes rand) {
        Objects.requireNonNull(rand, "rand (use Bytes.empty() when the message has no RAND)");
        byte[] out = new byte[9 + rand.length()];
        putInt(out, 0, constant);
        out[4] = (byte) fifthByte;
        putInt(out, 5, csbId);
        rand.copyTo(out, 9);
        return Bytes.wrap(out);
    }

    private static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    @Override
    public String toString() {
        return "PrfInput[label=" + label.toHex() + ", inkey=" + inkey + ", output " + outputBytes + " bytes]";
    }
}
