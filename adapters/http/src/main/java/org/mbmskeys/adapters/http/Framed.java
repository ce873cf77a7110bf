package org.mbmskeys.adapters.http;

import org.mbmskeys.engine.bytes.Bytes;

/**
 * What the framing decoders pass on after a message's last part: its bytes as they crossed the socket, or
 * word that it grew past the limit (then nothing more is read from that connection).
 */
record Framed(Bytes bytes, boolean tooLarge) {

    static Framed of(Bytes bytes) {
        return new Framed(bytes, false);
    }

    static Framed overLimit() {
        return new Framed(Bytes.empty(), true);
    }
}
