package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;

/**
 * The RTP session each streaming Key Group protects, as its MSK messages describe it: the one SRTP-ID map
 * entry and the SP (TS 33.246 §6.4.5.1). "The BM-SC is not allowed to change the SP payload anymore once
 * the streaming service using that SP has started", so an implementation answers the same session for a
 * group for as long as it streams.
 */
@FunctionalInterface
public interface StreamingSessions {

    /** The session of {@code group}, if it is a streaming group the BM-SC knows a session for. */
    Optional<StreamingSession> of(KeyGroupRef group);

    /** Fixed sessions per Key Group. */
    static StreamingSessions of(Map<KeyGroupRef, StreamingSession> sessions) {
        Map<KeyGroupRef, StreamingSession> copy = Map.copyOf(Objects.requireNonNull(sessions, "sessions"));
        return group -> Optional.ofNullable(copy.get(group));
    }

    /** No streaming sessions (a download-only BM-SC). */
    static StreamingSessions none() {
        return group -> Optional.empty();
    }
}
