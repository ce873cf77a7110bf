package org.mbmskeys.adapters.app.demo;

import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/** What a UE's report says, in a few words for the timeline. Reports carry no key material. */
final class UeReports {

    private UeReports() {
    }

    static String describe(UeOutcome o) {
        if (o instanceof UeOutcome.ServiceRegistered r) {
            return "registered to " + r.serviceId() + " (" + r.status() + ")";
        }
        if (o instanceof UeOutcome.ServiceDeregistered d) {
            return "deregistered from " + d.serviceId() + " (" + d.status() + ")";
        }
        if (o instanceof UeOutcome.MskReceived m) {
            return "holds MSK " + m.msk() + " (" + m.change().name().toLowerCase() + (m.verificationSent() ? ", ACK sent)" : ")");
        }
        if (o instanceof UeOutcome.MtkReceived m) {
            return "holds MTK " + m.mtkId() + " of MSK " + m.msk();
        }
        if (o instanceof UeOutcome.MskRequestAnswered a) {
            return "MSK request answered: " + a.statuses();
        }
        if (o instanceof UeOutcome.DatagramDiscarded d && d.reason().name().equals("REPLAYED_COUNTER")) {
            // The BM-SC's resends of the current MTK message are taken without a report; this is an older message.
            return "dropped a message whose counter is not newer than the stored one (a replay)";
        }
        if (o instanceof UeOutcome.DatagramDiscarded d) {
            return "discarded a datagram: " + d.reason() + " (" + d.detail() + ")";
        }
        return o.toString();
    }
}
