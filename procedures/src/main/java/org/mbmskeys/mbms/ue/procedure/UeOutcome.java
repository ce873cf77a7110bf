package org.mbmskeys.mbms.ue.procedure;

import java.util.List;
import java.util.Objects;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keymanagement.xml.MskStatus;
import org.mbmskeys.mbms.ue.keymanagement.AnswerDefect;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.reception.Reception;

/**
 * What the UE's procedures report to a listener ({@code emit} in the {@code ue.*} scripts): registrations,
 * refusals, keys received, discards with their reason, key management that gave up. No key material.
 */
public sealed interface UeOutcome {

    /** The UE the outcome is about. */
    String ue();

    /** The BM-SC answered the registration of {@code serviceId} with a 2xx (§6.3.2.1A, §6.3.2.4). */
    record ServiceRegistered(String ue, String serviceId, String bmsc, int status) implements UeOutcome {
        public ServiceRegistered {
            Objects.requireNonNull(ue, "ue");
            Objects.requireNonNull(serviceId, "serviceId");
            Objects.requireNonNull(bmsc, "bmsc");
        }
    }

    /**
     * The registration of {@code serviceId} was refused with a code the UE does not repeat (G.2.4), e.g. 403, or
     * the repeats allowed for 401 and 503 were used up.
     */
    record ServiceRefused(String ue, String serviceId, String bmsc, int status) implements UeOutcome {
        public ServiceRefused {
            Objects.requireNonNull(ue, "ue");
            Objects.requireNonNull(serviceId, "serviceId");
            Objects.requireNonNull(bmsc, "bmsc");
        }
    }

    /** The BM-SC answered the deregistration of {@code serviceId} (§6.3.2.1B): over, whatever the code. */
    record ServiceDeregistered(String ue, String serviceId, String bmsc, int status) implements UeOutcome {
        public ServiceDeregistered {
            Objects.requireNonNull(ue, "ue");
            Objects.requireNonNull(serviceId, "serviceId");
            Objects.requireNonNull(bmsc, "bmsc");
        }
    }

    /** The UE cannot use the protected service with its card, or has no announcement for it (§6.3.2.1A). */
    record ServiceNotAccessible(String ue, String serviceId, String detail) implements UeOutcome {
        public ServiceNotAccessible {
            Objects.requireNonNull(ue, "ue");
            Objects.requireNonNull(serviceId, "serviceId");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The BM-SC answered an MSK request with one code per pair (§6.3.2.2.1); the MSKs come by MIKEY. */
    record MskRequestAnswered(String ue, String bmsc, List<MskStatus> statuses) implements UeOutcome {
        public MskRequestAnswered {
            Objects.requireNonNull(ue, "ue");
            Objects.requireNonNull(bmsc, "bmsc");
            statuses = List.copyOf(statuses);
        }
    }

    /** An MSK message was verified and applied (§6.4.6.1): stored, replaced, validity updated or invalidated. */
    record MskReceived(String ue, MskRef msk, MskChange change, boolean verificationSent) implements UeOutcome {
        public MskReceived {
            Objects.requireNonNull(ue, "ue");
            Objects.requireNonNull(msk, "msk");
            Objects.requireNonNull(change, "change");
        }
    }

    /** An MTK message was verified and applied (§6.4.6.2). */
    record MtkReceived(String ue, MskRef msk, MtkId mtkId) implements UeOutcome {
        public MtkReceived {
            Objects.requireNonNull(ue, "ue");
            Objects.requireNonNull(msk, "msk");
            Objects.requireNonNull(mtkId, "mtkId");
        }
    }

    /**
     * An MSK request is due for {@code msk}'s Key Group but not made: no registered service of the UE uses that
     * Key Group (an MTK message is unauthenticated, §6.3.2.2.3).
     */
    record MskRequestSkipped(String ue, MskRef msk, Reception.MskRequestNeeded.Cause cause) implements UeOutcome {
        public MskRequestSkipped {
            Objects.requireNonNull(ue, "ue");
            Objects.requireNonNull(msk, "msk");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * A MIKEY datagram was discarded, nothing changed (§6.3.3.2: no MIKEY error message is sent).
     *
     * @param reason a {@code MikeyRejection}, {@code KeyRejection} or {@code ReceptionRejection}
     */
    record DatagramDiscarded(String ue, Endpoint from, Reception.Stage stage, Enum<?> reason, String detail)
            implements UeOutcome {
        public DatagramDiscarded {
            Objects.requireNonNull(ue, "ue");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * A key management procedure ended without an answer it could use.
     *
     * @param procedure the script, e.g. {@code ue.registration}
     * @param what      what it asked for (service IDs or MSKs)
     */
    record KeyManagementFailed(String ue, String procedure, String bmsc, String what, Failure failure, String detail)
            implements UeOutcome {
        public KeyManagementFailed {
            Objects.requireNonNull(ue, "ue");
            Objects.requireNonNull(procedure, "procedure");
            Objects.requireNonNull(bmsc, "bmsc");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * An answer of the BM-SC that the UE could not use and took as none (the procedure's timer resends): a 2xx
     * whose {@code Authentication-Info} does not prove the MRK (TS 33.246 §6.2.1.3, Annex H step 8), a wrong media
     * type or body, or a 401 without a usable challenge. Nothing in it was used.
     *
     * @param procedure the script, e.g. {@code ue.registration}
     */
    record AnswerUnusable(String ue, String procedure, String bmsc, AnswerDefect defect, String detail)
            implements UeOutcome {
        public AnswerUnusable {
            Objects.requireNonNull(ue, "ue");
            Objects.requireNonNull(procedure, "procedure");
            Objects.requireNonNull(bmsc, "bmsc");
            Objects.requireNonNull(defect, "defect");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why key management gave up. */
    enum Failure {
        /** GBA over Ub failed: no MRK, no request (§6.1). */
        BOOTSTRAP_FAILED,
        /** No answer after every retransmission the script allows. */
        NO_ANSWER,
        /** A 401 to a request that carried credentials: the BM-SC does not accept the UE's key (wrong MRK, B-TID). */
        NOT_AUTHENTICATED,
        /** The whole request was refused with a code the UE does not repeat (G.2.4), e.g. 403, 404, 505. */
        REFUSED,
        /** 503 more often than the script waits for. */
        UNAVAILABLE,
        /** The answers could not be used (no valid Authentication-Info, wrong body) as often as the script allows. */
        UNUSABLE_ANSWER
    }
}
