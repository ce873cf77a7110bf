package org.mbmskeys.adapters.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * The bytes of one HTTP message exactly as they crossed the socket, collected beside Netty's decoder: each
 * {@code decode} call notes what the decoder consumed, and when the message's last part comes out the bytes are
 * complete (Netty's decoder returns right after a message's end, so no byte of the next one is among them). The
 * procedures read these bytes with their own codec, and Digest's {@code auth-int} hashes the body as sent.
 */
final class RawCapture {

    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);

    RawCapture(int limit) {
        this.limit = limit;
    }

    /** Whether bytes of a message not yet complete have been consumed. */
    boolean hasPartial() {
        return bytes.size() > 0;
    }

    /** Netty's decode step this capture runs beside. */
    @FunctionalInterface
    interface Decode {
        void run() throws Exception;
    }

    private boolean discarding;

    /**
     * Runs the decoder's step on {@code buffer}, notes the bytes it consumed, and adds a {@link Framed} to
     * {@code out} after the step that ended a message. Past the limit it adds {@link Framed#overLimit()} once
     * and from then on skips whatever arrives.
     */
    void frame(ByteBuf buffer, List<Object> out, Decode decode) throws Exception {
        if (discarding) {
            buffer.skipBytes(buffer.readableBytes());
            return;
        }
        int readerBefore = buffer.readerIndex();
        int outBefore = out.size();
        decode.run();
        int n = buffer.readerIndex() - readerBefore;
        if (bytes.size() + n > limit) {
            bytes.reset();
            discarding = true;
            buffer.skipBytes(buffer.readableBytes());
            out.add(Framed.overLimit());
            return;
        }
        byte[] part = new byte[n];
        buffer.getBytes(readerBefore, part);
        bytes.writeBytes(part);
        for (int i = outBefore; i < out.size(); i++) {
            if (out.get(i) instanceof LastHttpContent) {
                out.add(Framed.of(Bytes.wrap(bytes.toByteArray())));
                bytes.reset();
                return;
            }
        }
    }
}
