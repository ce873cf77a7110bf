package org.mbmskeys.mbms.profile;

/**
 * The numeric code points of the project wire profile (PROFILE.md §10) that no available 3GPP or IETF
 * text confirms. Each is one constant here; the structural choices (CSB ID content, AES-CM IV with a
 * COUNTER, verification MAC input, MUK/MRK derivation) are strategies in their own packages, each marked
 * {@link Unconfirmed}.
 */
public final class InterimProfile {

    private InterimProfile() {
    }

    /** RFC 4563 General Extension type "Key ID". */
    @Unconfirmed("RFC 4563 / IANA General Extension type number for Key ID; PROFILE.md §2, §9 item 1")
    public static final int KEY_ID_EXTENSION_TYPE = 3;

    /** RFC 4563 Key ID Type: MUK. */
    @Unconfirmed("RFC 4563 Key ID Type values; PROFILE.md §2, §9 item 1")
    public static final int KEY_ID_TYPE_MUK = 0;

    /** RFC 4563 Key ID Type: MSK (carries the 4-byte MSK ID). */
    @Unconfirmed("RFC 4563 Key ID Type values; PROFILE.md §2, §9 item 1")
    public static final int KEY_ID_TYPE_MSK = 1;

    /** RFC 4563 Key ID Type: MTK (carries the 2-byte MTK ID). */
    @Unconfirmed("RFC 4563 Key ID Type values; PROFILE.md §2, §9 item 1")
    public static final int KEY_ID_TYPE_MTK = 2;

    /** Length of the RAND payload the BM-SC sends (RFC 3830 recommends at least 16 bytes). */
    public static final int RAND_LENGTH = 16;

    /** MSK length in bytes: the profile uses 128-bit MSKs and MTKs and a 112-bit MTK salt. */
    @Unconfirmed("MSK/MTK/salt lengths; PROFILE.md §5.2, §10 'Keys'")
    public static final int MSK_LENGTH = 16;

    /** MTK length in bytes. */
    @Unconfirmed("MSK/MTK/salt lengths; PROFILE.md §5.2, §10 'Keys'")
    public static final int MTK_LENGTH = 16;

    /** MTK salt length in bytes when a salt is sent. */
    @Unconfirmed("MSK/MTK/salt lengths; PROFILE.md §5.2, §10 'Keys'")
    public static final int MTK_SALT_LENGTH = 14;

    /** UDP port of MIKEY (IANA "mikey"; TS 33.246 §6.3.3.2.2). Confirmed, kept here with its peers. */
    public static final int MIKEY_UDP_PORT = 2269;
}
