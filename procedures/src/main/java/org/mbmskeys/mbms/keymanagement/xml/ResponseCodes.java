package org.mbmskeys.mbms.keymanagement.xml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mbmskeys.mbms.keymanagement.ItemStatus;
import org.w3c.dom.Element;

/**
 * The {@code ResponseCode} element (TS 26.346 §11.7, §11.8; an {@code xs:string} holding an RFC 2616 code,
 * TS 33.246 §6.3.2.4). Written as the TS 26.346 examples do, code and reason phrase ({@code 200 OK});
 * read by its leading three digits, so {@code 200} alone or another reason phrase is taken too.
 */
final class ResponseCodes {

    static final String ELEMENT = "ResponseCode";
    private static final Pattern CODE = Pattern.compile("(\\d{3})(?:[ \\t].*)?", Pattern.DOTALL);

    private ResponseCodes() {
    }

    static String write(ItemStatus status) {
        String reason = status.reasonPhrase();
        return reason.isEmpty() ? Integer.toString(status.code()) : status.code() + " " + reason;
    }

    static ItemStatus read(Element response, String namespace, int index) {
        String text = XmlBodies.child(response, namespace, ELEMENT).getTextContent().strip();
        Matcher m = CODE.matcher(text);
        int code = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        if (code < 100 || code > 599) {
            throw new MalformedBodyException(BodyFailure.BAD_STATUS, "Response " + index + ": ResponseCode '"
                    + XmlBodies.clip(text) + "' does not start with a status code 100..599");
        }
        return ItemStatus.received(code);
    }
}
