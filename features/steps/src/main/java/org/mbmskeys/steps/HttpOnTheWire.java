package org.mbmskeys.steps;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * The key management HTTP exchanges of one UE as the in-memory network carried them: its requests, with their
 * request type and Digest user name (the B-TID), and the response each got. Read from the capture, in sending
 * order; nothing here is a secret (the B-TID is sent in clear, TS 33.246 §6.2.1.3).
 */
final class HttpOnTheWire {

    private static final Pattern REQUEST_TYPE = Pattern.compile("^\\S+ [^?\\s]*\\?requesttype=([a-z-]+)");
    private static final Pattern USERNAME = Pattern.compile("\r\nAuthorization: Digest [^\r\n]*?username=\"([^\"]*)\"");

    /** One request of the UE, with the response to it if one came back. */
    record Exchange(Captured request, Optional<Captured> response) {

        String text() {
            return text(request);
        }

        /** {@code register}, {@code deregister}, {@code msk-request}, or empty for another request. */
        String requestType() {
            Matcher m = REQUEST_TYPE.matcher(text());
            return m.find() ? m.group(1) : "";
        }

        /** The Digest user name (B-TID) if the request carried credentials. */
        Optional<String> username() {
            Matcher m = USERNAME.matcher(text());
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        /** The host the request went to. */
        String to() {
            return request.message().recipient();
        }

        /** The status code of the response, or 0 without one. */
        int status() {
            return response.map(r -> Integer.parseInt(text(r).substring(9, 12))).orElse(0);
        }

        Optional<String> responseText() {
            return response.map(Exchange::text);
        }

        static String text(Captured c) {
            return text(c.message().bytes());
        }

        static String text(Bytes bytes) {
            return new String(bytes.toByteArray(), US_ASCII);
        }
    }

    private HttpOnTheWire() {
    }

    /**
     * Every HTTP request {@code ue} sent, in order, each with the first response to it: the next response the
     * network carried back from that host to the UE after the request (HTTP/1.1, one request at a time per host).
     */
    static List<Exchange> of(MbmsWorld world, String ue) {
        List<Captured> capture = world.capture();
        return capture.stream()
                .filter(c -> c.message().kind() == Message.Kind.REQUEST && c.message().sender().equals(ue)
                        && c.replayOf().isEmpty())
                .map(c -> new Exchange(c, capture.stream()
                        .filter(r -> r.message().kind() == Message.Kind.RESPONSE && r.message().recipient().equals(ue)
                                && r.message().sender().equals(c.message().recipient()) && r.id() > c.id()
                                && r.replayOf().isEmpty())
                        .findFirst()))
                .toList();
    }

    /** The requests of {@code ue} of one type ({@code register}, {@code deregister}, {@code msk-request}). */
    static List<Exchange> of(MbmsWorld world, String ue, String requestType) {
        return of(world, ue).stream().filter(e -> e.requestType().equals(requestType)).toList();
    }
}
