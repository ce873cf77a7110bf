package org.mbmskeys.mbms.ue.keys;

/** What an accepted MSK message did to the UE's MSKs (TS 33.246 §6.5.3, §6.3.2.1B, §6.3.2.3.1). */
public enum MskChange {

    /** A new MSK was stored (possibly evicting the older of two MSKs of its Key Group, §6.5.3). */
    STORED,

    /** An MSK with the same Key Domain ID and MSK ID was already stored; the new key replaced it. */
    REPLACED,

    /** The message carried no key; only the key validity of the stored MSK was updated. */
    VALIDITY_UPDATED,

    /**
     * The key validity had SEQl &gt; SEQu: the MSK and its MTKs were deleted (if the UE held them) and later
     * MTK messages for it are rejected as {@link KeyRejection#MSK_INVALIDATED}.
     */
    INVALIDATED,

    /**
     * The message verified only with the last successfully used MUK and this store does not apply such
     * pushes (the other reading of U15, {@link LastUsedMukPush}): only its counter was stored.
     */
    NOT_APPLIED
}
