package org.mbmskeys.adapters.udp;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a UDP transport has carried since it opened: datagrams handed to the receiver, datagrams handed to the
 * operating system, and drops by reason. A snapshot; the transport keeps counting.
 *
 * @param received datagrams read and handed to the receiver (whether or not it then failed)
 * @param sent     datagrams the operating system accepted for sending
 * @param dropped  datagrams dropped, by reason (every reason present, zero when none)
 */
public record UdpCounters(long received, long sent, Map<DropReason, Long> dropped) {

    public UdpCounters {
        EnumMap<DropReason, Long> all = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            all.put(r, dropped.getOrDefault(r, 0L));
        }
        dropped = Map.copyOf(all);
    }

    /** Datagrams dropped for {@code reason}. */
    public long dropped(DropReason reason) {
        return dropped.get(reason);
    }

    /** Datagrams dropped for any reason. */
    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }
}
