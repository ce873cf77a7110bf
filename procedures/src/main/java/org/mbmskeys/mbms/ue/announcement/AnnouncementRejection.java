package org.mbmskeys.mbms.ue.announcement;

/**
 * Why a service protection description is refused (TS 33.246 §6.3.2.1A). The announcement reaches the UE
 * unprotected over the MBMS bearer (§6.3.2.1A NOTE 2), so it is input to check, not to trust.
 */
public enum AnnouncementRejection {
    /** No key management server (BM-SC FQDN): the UE would not know where to register. */
    NO_KEY_MANAGEMENT_SERVER,
    /** No MSK identifier: nothing to request or receive. */
    NO_MSK,
    /** "The service protection description shall not allow 2G GBA and require UICC key management at the same time." */
    UICC_REQUIRED_WITH_2G_GBA,
    /** Key Group 0 "is not allowed as it is reserved for future use" (§6.3.2.1). */
    RESERVED_KEY_GROUP,
    /** A session is mapped to an MSK (Key Group) the description does not list. */
    SESSION_MSK_NOT_ANNOUNCED,
    /** The service ID is empty. */
    NO_SERVICE_ID
}
