package org.mbmskeys.mbms.mikey.protection;

import java.nio.charset.StandardCharsets;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.mikey.IdPayload;
import org.mbmskeys.mbms.mikey.IdType;

/**
 * How MBMS fills IDi and IDr (TS 33.246 §6.4.1, §6.4.5.1): IDi is the BM-SC's FQDN (the NAF-ID without the
 * Ua security protocol id), IDr the UE's B-TID, both ID payloads of type NAI with UTF-8 text. Together they
 * name the MUK (§6.4.6.1: MUK ID = IDi ‖ IDr). The verification message's IDr is the same (§6.4.5.2).
 */
public final class IdPolicy {

    /**
     * The ID type the BM-SC and UE send: 0, NAI (TS 33.246 §6.4.5.1, §6.4.5.2). Receivers ignore the type and
     * compare the ID data.
     */
    public static final IdType ID_TYPE = IdType.NAI;

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
