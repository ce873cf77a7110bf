package org.mbmskeys.adapters.app.mikey;

import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.AckExpectation;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.OpenedMsk;
import org.mbmskeys.mbms.mikey.protection.OpenedMtk;
import org.mbmskeys.mbms.mikey.protection.SolicitedPullMessage;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;

/**
 * The inspect report's KEY block: verifies the MAC with the key the user gave (MUK for MSK messages and
 * solicited pulls, MSK for MTK messages, MUK plus the answered MSK message for a verification message)
 * through {@link MikeyOpener}, and shows the decrypted key data. Printing keys is the point of the tool.
 */
final class KeyCheck {

    /** The KEY block and, if the check failed, the one-line verdict ({@code BAD_MAC: ...}). */
    record Outcome(Section section, Optional<String> failure) {
    }

    private KeyCheck() {
    }

    /**
     * What a UE keeps with an MSK and needs to open the MTK messages under it: the MSK's MIKEY-RAND
     * (TS 33.246 §6.5.4; MTK messages carry none) and the service type, which fixes the MTK's Key data type
     * (§6.4.5.3).
     */
    record MskContext(Bytes rand, ServiceType service) {
    }

    static Outcome run(InboundMikey message, SecretBytes key, Optional<MskMessage> answers,
                       Optional<MskContext> mskContext) {
        MikeyOpener opener = MikeyOpener.jca();
        Section s = new Section("KEY");
        if (message instanceof MskMessage m) {
            return msk(opener.open(m, key), s);
        }
        if (message instanceof MtkMessage m) {
            MskContext c = mskContext.orElseThrow(() -> new IllegalStateException("the command checks the MSK's RAND first"));
            return mtk(opener.open(m, key, c.rand(), c.service()), s);
        }
        if (message instanceof SolicitedPullMessage m) {
            return verified(opener.verify(m, key), s);
        }
        VerificationMessage ack = (VerificationMessage) message;
        MskMessage answered = answers.orElseThrow(() -> new IllegalStateException("the command checks --answers first"));
        AckExpectation expected = new AckExpectation(answered.csbId(), answered.rand(), answered.idi().data(),
                answered.idr().data(), answered.counter());
        Outcome outcome = verified(opener.verify(ack, expected, key), s);
        s.put("answers", "MSK message " + answered.keyDomain() + "/" + answered.mskId() + ", counter "
                + answered.counter());
        return outcome;
    }

    private static Outcome msk(OpenResult<OpenedMsk> result, Section s) {
        if (result instanceof OpenResult.Rejected<OpenedMsk> r) {
            return rejected(r, s);
        }
        OpenedMsk opened = result.orElseThrow();
        try {
            s.put("verified", true)
                    .put("msk", opened.msk().map(SecretBytes::revealHex).orElse(null))
                    .put("seql", opened.validity().seqLow().value())
                    .put("sequ", opened.validity().seqHigh().value())
                    .put("validity_only", opened.isValidityOnly())
                    .put("invalidation", opened.isInvalidation());
            return new Outcome(s, Optional.empty());
        } finally {
            opened.msk().ifPresent(SecretBytes::destroy);
        }
    }

    private static Outcome mtk(OpenResult<OpenedMtk> result, Section s) {
        if (result instanceof OpenResult.Rejected<OpenedMtk> r) {
            return rejected(r, s);
        }
        OpenedMtk opened = result.orElseThrow();
        try {
            s.put("verified", true)
                    .put("mtk", opened.mtk().revealHex())
                    .put("salt", opened.salt().map(SecretBytes::revealHex).orElse(null));
            return new Outcome(s, Optional.empty());
        } finally {
            opened.mtk().destroy();
            opened.salt().ifPresent(SecretBytes::destroy);
        }
    }

    private static <T> Outcome verified(OpenResult<T> result, Section s) {
        if (result instanceof OpenResult.Rejected<T> r) {
            return rejected(r, s);
        }
        return new Outcome(s.put("verified", true), Optional.empty());
    }

    private static Outcome rejected(OpenResult.Rejected<?> r, Section s) {
        s.put("verified", false).put("rejection", r.reason().name()).put("detail", r.detail());
        return new Outcome(s, Optional.of(r.toString()));
    }
}
