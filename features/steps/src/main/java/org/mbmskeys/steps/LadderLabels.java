package org.mbmskeys.steps;

import java.nio.charset.StandardCharsets;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.SolicitedPullMessage;
import org.mbmskeys.mbms.mikey.protection.VerificationMessage;

/**
 * What an arrow of a ladder says: for MIKEY, the message as TS 33.246 names it with its clear-text fields
 * (key IDs, the V bit, the counter); for HTTP, the request line or the status line. Only what crosses the
 * network in the clear: the header and Key ID fields are read, nothing is opened, so no key material can
 * reach a label.
 */
final class LadderLabels {

    private LadderLabels() {
    }

    static String of(Captured c) {
        return switch (c.message().kind()) {
            case DATAGRAM -> mikey(c);
            case REQUEST -> requestLine(c);
            case RESPONSE -> statusLine(c);
        };
    }

    private static String mikey(Captured c) {
        OpenResult<InboundMikey> read = MikeyReader.read(c.message().bytes());
        if (read instanceof OpenResult.Opened<InboundMikey> opened) {
            InboundMikey message = opened.value();
            if (message instanceof MskMessage m) {
                return (m.askForVerification() ? "MSK message V " : "MSK message ") + m.keyDomain() + " " + msk(m.mskId())
                        + " T=" + m.counter();
            }
            if (message instanceof SolicitedPullMessage p) {
                return "solicited pull " + p.keyDomain() + " " + p.keyGroup() + ":0000 T=" + p.counter();
            }
            if (message instanceof MtkMessage t) {
                return "MTK message " + t.keyDomain() + " " + msk(t.mskId()) + " MTK " + t.mtkId() + " T=" + t.counter();
            }
            return "verification T=" + ((VerificationMessage) message).counter();
        }
        OpenResult.Rejected<InboundMikey> rejected = (OpenResult.Rejected<InboundMikey>) read;
        return "MIKEY " + c.message().bytes().length() + " B, not MBMS (" + rejected.reason() + ")";
    }

    /** {@code 0101:0002}: Key Group and MSK number, as the features write MSK IDs. */
    private static String msk(MskId id) {
        String hex = id.toString();
        return hex.substring(0, 4) + ":" + hex.substring(4);
    }

    private static String requestLine(Captured c) {
        String text = ascii(c);
        int end = text.indexOf(" HTTP/");
        String line = end > 0 ? text.substring(0, end) : "HTTP request";
        return line + (text.contains("\r\nAuthorization: Digest") ? " (Digest)" : "");
    }

    private static String statusLine(Captured c) {
        String text = ascii(c);
        int end = text.indexOf("\r\n");
        return end > 0 ? text.substring(text.indexOf(' ') + 1, end) : "HTTP response";
    }

    private static String ascii(Captured c) {
        return new String(c.message().bytes().toByteArray(), StandardCharsets.US_ASCII);
    }
}
