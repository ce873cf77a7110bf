package org.mbmskeys.mbms.gba.simulated;


import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The MILENAGE authentication and key generation functions f1, f1*, f2, f3, f4, f5 and f5*
 * (TS 35.206 §4.1), over AES-128 as the kernel, with the default rotation and constant values
 * r1..r5 = 64, 0, 32, 64, 96 and c1..c5 = 0, 1, 2, 4, 8 (in the last byte).
 *
 * <p>Built from the subscriber key K and OPc (or OP, from which OPc = OP ⊕ E_K(OP) is computed).
 * Stateless apart from the two keys and thread-safe. Verified against TS 35.208 Test Sets 1 and 2.
 *
 * <pre>{@code
 * Milenage m = Milenage.withOpc(k, opc);
 * Bytes macA = m.f1(rand, sqn.toBytes(), amf);   // 8 bytes
 * SecretBytes ck = m.f3(rand);                    // 16 bytes
 * }</pre>
 */
public final class Milenage {

    private static final int BLOCK = 16;
    private static final String AES = "AES";
    private static final String AES_BLOCK = "AES/ECB/NoPadding";

    private final SecretBytes k;
    private final SecretBytes opc;

    private Milenage(SecretBytes k, SecretBytes opc) {
        this.k = requireBlock("K", k);
        this.opc = requireBlock("OPc", opc);
    }

    /**
     * @throws IllegalArgumentException if K or OPc is not 16 bytes
     */
    public static Milenage withOpc(SecretBytes k, SecretBytes opc) {
        return new Milenage(k, opc);
    }

    /**
     * @throws IllegalArgumentException if K or OP is not 16 bytes
     */
    public static Milenage withOp(SecretBytes k, SecretBytes op) {
        return new Milenage(k, opc(k, op));
    }

    /** OPc = OP ⊕ E_K(OP) (TS 35.206 §4.1). */
    public static SecretBytes opc(SecretBytes k, SecretBytes op) {
        requireBlock("K", k);
        requireBlock("OP", op);
        byte[] out = aes(k, op.unsafeArray());
        xorInto(out, op.unsafeArray());
        return SecretBytes.wrap(out);
    }

    /** f1: network authentication code MAC-A, 8 bytes (OUT1 bits 0..63). */
    public Bytes f1(Bytes rand, Bytes sqn, Bytes amf) {
        byte[] out1 = out1(rand, sqn, amf);
        return Bytes.of(out1, 0, 8);
    }

    /** f1*: resynchronisation code MAC-S, 8 bytes (OUT1 bits 64..127). */
    public Bytes f1Star(Bytes rand, Bytes sqn, Bytes amf) {
        byte[] out1 = out1(rand, sqn, amf);
        return Bytes.of(out1, 8, 8);
    }

    /** f2: RES, 8 bytes (OUT2 bits 64..127). */
    public Bytes f2(Bytes rand) {
        byte[] out2 = out(rand, 0, 1);
        Bytes res = Bytes.of(out2, 8, 8);
        Arrays.fill(out2, (byte) 0);
        return res;
    }

    /** f3: cipher key CK, 16 bytes (OUT3). */
    public SecretBytes f3(Bytes rand) {
        return SecretBytes.wrap(out(rand, 4, 2));
    }

    /** f4: integrity key IK, 16 bytes (OUT4). */
    public SecretBytes f4(Bytes rand) {
        return SecretBytes.wrap(out(rand, 8, 4));
    }

    /** f5: anonymity key AK, 6 bytes (OUT2 bits 0..47). */
    public SecretBytes f5(Bytes rand) {
        return firstSixBytes(out(rand, 0, 1));
    }

    /** f5*: resynchronisation anonymity key AK, 6 bytes (OUT5 bits 0..47). */
    public SecretBytes f5Star(Bytes rand) {
        return firstSixBytes(out(rand, 12, 8));
    }

    private static SecretBytes firstSixBytes(byte[] out) {
        SecretBytes ak = SecretBytes.of(Arrays.copyOf(out, 6));
        Arrays.fill(out, (byte) 0);
        return ak;
    }

    // OUT1 = E_K(TEMP ⊕ rot(IN1 ⊕ OPc, r1) ⊕ c1) ⊕ OPc, IN1 = SQN ‖ AMF ‖ SQN ‖ AMF, r1 = 64 bits, c1 = 0.
    private byte[] out1(Bytes rand, Bytes sqn, Bytes amf) {
        requireLength("SQN", sqn, Sqn.LENGTH);
        requireLength("AMF", amf, 2);
        byte[] in1 = new byte[BLOCK];
        sqn.copyTo(in1, 0);
        amf.copyTo(in1, 6);
        sqn.copyTo(in1, 8);
        amf.copyTo(in1, 14);
        xorInto(in1, opc.unsafeArray());
        byte[] block = rotateLeftBytes(in1, 8);
        byte[] temp = temp(rand);
        xorInto(block, temp);
        byte[] out = aes(k, block);
        xorInto(out, opc.unsafeArray());
        Arrays.fill(temp, (byte) 0);
        Arrays.fill(block, (byte) 0);
        return out;
    }

    // OUTn = E_K(rot(TEMP ⊕ OPc, rn) ⊕ cn) ⊕ OPc for n = 2..5; rotation given in whole bytes, cn in the last byte.
    private byte[] out(Bytes rand, int rotateBytes, int constant) {
        byte[] temp = temp(rand);
        xorInto(temp, opc.unsafeArray());
        byte[] block = rotateLeftBytes(temp, rotateBytes);
        block[BLOCK - 1] ^= (byte) constant;
        byte[] out = aes(k, block);
        xorInto(out, opc.unsafeArray());
        Arrays.fill(temp, (byte) 0);
        Arrays.fill(block, (byte) 0);
        return out;
    }

    // TEMP = E_K(RAND ⊕ OPc)
    private byte[] temp(Bytes rand) {
        requireLength("RAND", rand, BLOCK);
        byte[] in = rand.toByteArray();
        xorInto(in, opc.unsafeArray());
        byte[] temp = aes(k, in);
        Arrays.fill(in, (byte) 0);
        return temp;
    }

    private static byte[] rotateLeftBytes(byte[] in, int bytes) {
        byte[] out = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            out[i] = in[(i + bytes) % BLOCK];
        }
        return out;
    }

    private static void xorInto(byte[] target, byte[] mask) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= mask[i];
        }
    }

    private static byte[] aes(SecretBytes key, byte[] block) {
        try {
            // ECB over exactly one block is the raw AES permutation MILENAGE is defined on.
            Cipher cipher = Cipher.getInstance(AES_BLOCK);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.unsafeArray(), AES));
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide " + AES_BLOCK + " with 128-bit keys (Java SE requirement)", e);
        }
    }

    private static SecretBytes requireBlock(String name, SecretBytes key) {
        Objects.requireNonNull(key, name);
        if (key.length() != BLOCK) {
            throw new IllegalArgumentException("MILENAGE " + name + " is " + BLOCK + " bytes, got " + key.length());
        }
        return key;
    }

    private static void requireLength(String name, Bytes value, int length) {
        Objects.requireNonNull(value, name);
        if (value.length() != length) {
            throw new IllegalArgumentException("MILENAGE " + name + " is " + length + " bytes, got " + value.length());
        }
    }

    @Override
    public String toString() {
        return "Milenage[K " + k + ", OPc " + opc + "]";
    }
}
