package org.mbmskeys.adapters.app.demo;

import java.nio.charset.StandardCharsets;
import org.mbmskeys.adapters.app.node.Tapped;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.SolicitedPullMessage;

/**
 * One line for a tapped message: the MIKEY message as TS 33.246 names it with its clear-text IDs, or the
 * HTTP request or status line. Only clear-text fields are read (nothing is decrypted), so no key material
 * can reach a label.
 */
final class MessageLabels {

    private MessageLabels() {
    }

    static String of(Tapped t) {
        return switch (t.kind()) {
            case DATAGRAM -> mikey(t);
            case REQUEST -> requestLine(t);
            case RESPONSE -> statusLine(t);
        };
    }

    private static String mikey(Tapped t) {
        OpenResult<InboundMikey> read = MikeyReader.read(t.bytes());
        if (!(read instanceof OpenResult.Opened<InboundMikey> opened)) {
            return "MIKEY, " + t.bytes().length() + " B, not an MBMS message";
        }
        InboundMikey message = opened.value();
        if (message instanceof MskMessage m) {
            return (m.askForVerification() ? "MSK message (V) " : "MSK message ") + m.keyDomain() + " " + m.mskId();
        }
        if (message instanceof SolicitedPullMessage p) {
            return "solicited pull " + p.keyDomain() + " " + p.keyGroup();
        }
        if (message instanceof MtkMessage m) {
            return "MTK message " + m.keyDomain() + " " + m.mskId() + " MTK " + m.mtkId();
        }
        return "MIKEY verification (ACK)";
    }

    private static String requestLine(Tapped t) {
        String text = ascii(t);
        int end = text.indexOf(" HTTP/");
        String line = end > 0 ? text.substring(0, end) : "HTTP request";
        return line + (text.contains("\r\nAuthorization: Digest") ? " (Digest)" : "");
    }

    private static String statusLine(Tapped t) {
        String text = ascii(t);
        int end = text.indexOf("\r\n");
        return end > 0 ? text.substring(text.indexOf(' ') + 1, end) : "HTTP response";
    }

    private static String ascii(Tapped t) {
        return new String(t.bytes().toByteArray(), StandardCharsets.US_ASCII);
    }
}
