package org.mbmskeys.mbms.profile;

/**
 * The numeric code points and lengths of the MBMS MIKEY messages, each citing the clause of TS 33.246 or
 * the RFC that sets it. (The name is historical: these started as interim choices.) Choices the texts do
 * not settle are strategies in their own classes, each marked {@link Unconfirmed}.
 */
public final class InterimProfile {

    private InterimProfile() {
    }

    /** RFC 4563 General Extension type "Key ID" (RFC 4563 §4 Table 1, IANA registration §8). */
    public static final int KEY_ID_EXTENSION_TYPE = 3;

    /** RFC 4563 Key ID Type: MBMS Key Domain ID, 3 bytes (RFC 4563 §4 Table 2; TS 33.246 §6.4.4). */
    public static final int KEY_ID_TYPE_KEY_DOMAIN = 0;

    /** RFC 4563 Key ID Type: MSK ID, 4 bytes (RFC 4563 §4 Table 2; TS 33.246 §6.4.4). */
    public static final int KEY_ID_TYPE_MSK = 1;

    /** RFC 4563 Key ID Type: MTK ID, 2 bytes (RFC 4563 §4 Table 2; TS 33.246 §6.4.4). */
    public static final int KEY_ID_TYPE_MTK = 2;

    /** Length of the RAND payload the BM-SC sends (RFC 3830 recommends at least 16 bytes). */
    public static final int RAND_LENGTH = 16;

    /**
     * Length of the MSK the BM-SC sends. TS 33.246 §4.2 only asks that the MSK be at least as long as the
     * MTK; receivers accept 16, 24 and 32 bytes.
     */
    public static final int MSK_LENGTH = 16;

    /**
     * Length of the MTK the BM-SC sends: a 128-bit SRTP master key; receivers also accept 192 and 256 bits
     * (TS 33.246 §4.2).
     */
    public static final int MTK_LENGTH = 16;

    /** MTK salt length in bytes: 112 bits, the SRTP master salt of a streaming MTK (TS 33.246 §6.4.5.3). */
    public static final int MTK_SALT_LENGTH = 14;

    /** MSK and MTK lengths receivers accept (TS 33.246 §4.2: SRTP master keys of 128, 192 or 256 bits). */
    public static final java.util.Set<Integer> ACCEPTED_KEY_LENGTHS = java.util.Set.of(16, 24, 32);

    /** UDP port of MIKEY (IANA "mikey"; TS 33.246 §6.3.3.2.2). Confirmed, kept here with its peers. */
    public static final int MIKEY_UDP_PORT = 2269;
}
