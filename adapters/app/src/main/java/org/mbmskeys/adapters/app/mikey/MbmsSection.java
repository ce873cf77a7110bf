package org.mbmskeys.adapters.app.mikey;

import org.mbmskeys.mbms.mikey.IdPayload;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.SolicitedPullMessage;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;

/**
 * The inspect report's MBMS block: which TS 33.246 message {@code MikeyReader} takes the bytes for, with
 * the identities and counter a receiver would pick the key by, or why they are not an MBMS message of the
 * project profile. Nothing here is authenticated; that is the key check's job.
 */
final class MbmsSection {

    private static final String MSK_MESSAGE = "MSK message";
    private static final String MTK_MESSAGE = "MTK message";
    private static final String SOLICITED_PULL = "solicited pull";
    private static final String VERIFICATION_MESSAGE = "verification message";

    private MbmsSection() {
    }

    static Section of(OpenResult<InboundMikey> read) {
        Section s = new Section("MBMS");
        if (read instanceof OpenResult.Rejected<InboundMikey> r) {
            return s.put("message", null)
                    .put("rejection", r.reason().name())
                    .put("detail", r.detail());
        }
        InboundMikey in = read.orElseThrow();
        if (in instanceof MskMessage m) {
            s.put("message", name(in))
                    .put("key_domain", m.keyDomain().toString())
                    .put("msk_id", m.mskId().toString())
                    .put("counter", m.counter().value())
                    .put("idi", text(m.idi()))
                    .put("idr", text(m.idr()))
                    .put("ask_for_verification", m.askForVerification())
                    .put("service_type", m.serviceType().name().toLowerCase(java.util.Locale.ROOT))
                    .put("sp", m.pendingSecurityPolicy().map(sp -> "Policy no " + sp.policyNo()
                            + " (pending: adopted only if the MAC verifies)").orElse(null))
                    .put("verify_with", "--key MUK");
        } else if (in instanceof SolicitedPullMessage m) {
            s.put("message", name(in))
                    .put("key_domain", m.keyDomain().toString())
                    .put("key_group", m.keyGroup().toString())
                    .put("counter", m.counter().value())
                    .put("idi", text(m.idi()))
                    .put("idr", text(m.idr()))
                    .put("verify_with", "--key MUK (the last MUK the BM-SC knows)");
        } else if (in instanceof MtkMessage m) {
            s.put("message", name(in))
                    .put("key_domain", m.keyDomain().toString())
                    .put("msk_id", m.mskId().toString())
                    .put("mtk_id", m.mtkId().value())
                    .put("counter", m.counter().value())
                    .put("verify_with", "--key MSK");
        } else {
            VerificationMessage m = (VerificationMessage) in;
            s.put("message", name(in))
                    .put("csb_id", m.csbId().toString())
                    .put("counter", m.counter().value())
                    .put("idr", text(m.idr()))
                    .put("verify_with", "--key MUK --answers MSK-MESSAGE");
        }
        return s;
    }

    /** "MSK message", "MTK message", "solicited pull" or "verification message". */
    static String name(InboundMikey in) {
        if (in instanceof MskMessage) {
            return MSK_MESSAGE;
        }
        if (in instanceof MtkMessage) {
            return MTK_MESSAGE;
        }
        return in instanceof SolicitedPullMessage ? SOLICITED_PULL : VERIFICATION_MESSAGE;
    }

    /** The name with its article, for error messages: "an MSK message", "a solicited pull". */
    static String withArticle(InboundMikey in) {
        String name = name(in);
        return (name.startsWith("M") ? "an " : "a ") + name;
    }

    private static String text(IdPayload id) {
        String text = PayloadSections.printable(id.data());
        return text != null ? text : "hex:" + id.data().toHex();
    }
}
