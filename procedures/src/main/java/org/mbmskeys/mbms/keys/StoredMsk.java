package org.mbmskeys.mbms.keys;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * One MSK as the UE key store keeps it: key, key validity, the order in which it was first stored (the
 * two-MSK rule deletes the older, TS 33.246 §6.3.2.1) and the last MTK accepted under it, if any.
 *
 * <p>An invalidated MSK (SEQl &gt; SEQu) is deleted, never stored, so {@code validity} is always a real
 * interval. {@code storedOrder} is kept when the MSK is replaced or its validity updated.
 */
public record StoredMsk(MskRef ref, SecretBytes key, KeyValidity validity, long storedOrder,
                        Optional<StoredMtk> mtk) {

    public StoredMsk {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(mtk, "mtk");
        if (ref.mskId().isCurrentMarker()) {
            throw new IllegalArgumentException("MSK " + ref + " has Key Number 0, which means 'current MSK' and names no stored MSK");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("MSK " + ref + " is empty; a stored MSK has key material");
        }
        if (validity.isInvalidation()) {
            throw new IllegalArgumentException("MSK " + ref + " has key validity " + validity
                    + " with SEQl > SEQu; an invalidated MSK is deleted, not stored");
        }
    }

    StoredMsk withKey(SecretBytes newKey, KeyValidity newValidity, Optional<StoredMtk> newMtk) {
        return new StoredMsk(ref, newKey, newValidity, storedOrder, newMtk);
    }

    StoredMsk withValidity(KeyValidity newValidity) {
        return new StoredMsk(ref, key, newValidity, storedOrder, mtk);
    }

    StoredMsk withMtk(StoredMtk newMtk) {
        return new StoredMsk(ref, key, validity, storedOrder, Optional.of(newMtk));
    }
}
