package org.mbmskeys.adapters.http;

import static java.nio.charset.StandardCharsets.US_ASCII;

import org.mbmskeys.engine.bytes.Bytes;

/** HTTP/1.1 answers as bytes, as the procedures' codec would write them. */
final class Answers {

    private Answers() {
    }

    static Bytes ok(String body) {
        return Bytes.wrap(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n"
                + body).getBytes(US_ASCII));
    }

    static Bytes closing(String body) {
        return Bytes.wrap(("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: " + body.length() + "\r\n\r\n"
                + body).getBytes(US_ASCII));
    }
}
