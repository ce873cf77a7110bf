package org.mbmskeys.mbms.mikey.protection;

import java.nio.charset.StandardCharsets;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.mikey.IdPayload;
import org.mbmskeys.mbms.mikey.IdType;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * How the MBMS profile fills IDi and IDr: IDi is the BM-SC's NAF FQDN, IDr the UE's B-TID, both as URI
 * ID payloads in UTF-8. Together they name the MUK (TS 33.246 §6.4.6.1: MUK ID = IDi ‖ IDr).
 */
@Unconfirmed("IDi/IDr content and ID type for MBMS; PROFILE.md §3.1, §9 item 8, §10 'IDi / IDr'")
public final class IdPolicy {

    /** The ID type the BM-SC sends. Receivers accept any ID type and compare the ID data. */
    public static final IdType ID_TYPE = IdType.URI;

    private IdPolicy() {
    }

    /** IDi: the BM-SC (NAF) FQDN. */
    public static IdPayload initiator(String bmscFqdn) {
        return id("IDi", bmscFqdn);
    }

    /** IDr: the UE's B-TID. */
    public static IdPayload responder(String bTid) {
        return id("IDr", bTid);
    }

    private static IdPayload id(String what, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        Bytes data = Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
        if (data.length() > 0xFFFF) {
            throw new IllegalArgumentException(what + " is at most 65535 bytes of UTF-8, got " + data.length());
        }
        return new IdPayload(ID_TYPE, data);
    }
}
