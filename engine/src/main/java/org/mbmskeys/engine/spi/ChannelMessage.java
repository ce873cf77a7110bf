package org.mbmskeys.engine.spi;

import java.util.Objects;

/**
 * What a procedure sent on a channel: who sent it, the channel's name and the payload the script built.
 */
public record ChannelMessage(InstanceRef from, String channel, Object payload) {

    public ChannelMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(payload, "payload");
    }
}
