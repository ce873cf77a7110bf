package org.mbmskeys.mbms.ue.keys;

/** What {@link UeKeyStore#uiccInserted(UiccId)} found and did. */
public enum UiccCheck {

    /** The same UICC as last time: every key was kept. */
    SAME_UICC,

    /** A different UICC: every MBMS key and counter was deleted and the new identity stored. */
    DIFFERENT_UICC_KEYS_DELETED,

    /**
     * No UICC identity was stored yet: the identity was stored, and any keys present (of unknown origin)
     * were deleted, as for a different UICC.
     */
    FIRST_UICC_RECORDED
}
