package org.mbmskeys.mbms.ue.keys;

import java.util.Comparator;
import java.util.Map;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * Which of two stored MSKs of one Key Domain ID and Key Group is the newer, for the two-MSK rule of
 * TS 33.246 §6.5.3: "The MSK that was protected with the newer MUK is the newer MSK regardless of the value
 * of the Time Stamp. In case the MUK IDs are equal, the MSK with higher Time Stamp value is the newer MSK.
 * [...] In case the MUK ID values are not equal, the newer MUK is the last MUK successfully used by the
 * BM-SC". Each MSK is judged by the last accepted message that delivered, replaced or updated it
 * ({@link StoredMsk#protectedBy()}, {@link StoredMsk#lastCounter()}), so "updating an existing MSK [...] or
 * resending an MSK" makes it the newer.
 */
final class MskAge {

    /**
     * When the two MSKs were protected with different MUKs and neither (or each, for two BM-SCs) is the last
     * successfully used MUK of its IDi, the MUK installed later wins.
     */
    @Unconfirmed("U17: which of two stored MSKs is newer when neither, or both, were protected with the last "
            + "successfully used MUK of their IDi; TS 33.246 §6.5.3 names only the last used MUK as the newer, "
            + "so the MUK installed later (higher install generation) is taken as the newer")
    static final Comparator<StoredMsk> FALLBACK_BY_MUK_INSTALL_ORDER = Comparator.comparingLong(StoredMsk::mukGeneration);

    private MskAge() {
    }

    /** True if {@code a} is newer than {@code b} under §6.5.3, given the last used MUK of each IDi. */
    static boolean isNewer(StoredMsk a, StoredMsk b, Map<Bytes, StoredGbaKey> lastUsedMuks) {
        if (a.protectedBy().equals(b.protectedBy())) {
            return a.lastCounter().isNewerThan(b.lastCounter());
        }
        boolean aLastUsed = isLastUsed(a.protectedBy(), lastUsedMuks);
        boolean bLastUsed = isLastUsed(b.protectedBy(), lastUsedMuks);
        if (aLastUsed != bLastUsed) {
            return aLastUsed;
        }
        return FALLBACK_BY_MUK_INSTALL_ORDER.compare(a, b) > 0;
    }

    /**
     * The older of two MSKs of one Key Group under §6.5.3; when neither is newer, the lower Key Number. A plain call,
     * no comparator: it runs at every MSK a UE stores.
     */
    static StoredMsk older(StoredMsk a, StoredMsk b, Map<Bytes, StoredGbaKey> lastUsedMuks) {
        return compareAge(a, b, lastUsedMuks) <= 0 ? a : b;
    }

    /** Older first within each Key Group; groups by Key Domain ID, then Key Group. */
    static Comparator<StoredMsk> olderFirst(Map<Bytes, StoredGbaKey> lastUsedMuks) {
        Comparator<StoredMsk> byGroup = Comparator.comparing((StoredMsk m) -> m.ref().keyDomain().toString())
                .thenComparingInt(m -> m.ref().keyGroup().value());
        return byGroup.thenComparing((a, b) -> compareAge(a, b, lastUsedMuks));
    }

    /** Two MSKs of one Key Group, the older first: by §6.5.3, and when neither is newer by Key Number. */
    private static int compareAge(StoredMsk a, StoredMsk b, Map<Bytes, StoredGbaKey> lastUsedMuks) {
        if (isNewer(a, b, lastUsedMuks)) {
            return 1;
        }
        if (isNewer(b, a, lastUsedMuks)) {
            return -1;
        }
        return Integer.compare(a.ref().mskId().keyNumber(), b.ref().mskId().keyNumber());
    }

    private static boolean isLastUsed(MukId id, Map<Bytes, StoredGbaKey> lastUsedMuks) {
        StoredGbaKey lastUsed = lastUsedMuks.get(id.idi());
        return lastUsed != null && lastUsed.id().equals(id);
    }
}
