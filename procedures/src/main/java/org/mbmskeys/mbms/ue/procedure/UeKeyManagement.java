package org.mbmskeys.mbms.ue.procedure;

import java.time.Duration;
import java.util.List;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.mbms.keymanagement.MskRequestReason;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.gba.BootstrapResult;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;
import org.mbmskeys.mbms.ue.registration.RegistrationAction;

/**
 * The UE's HTTP key management and GBA, as the {@code ue.registration}, {@code ue.deregistration} and
 * {@code ue.msk-request} scripts call it (TS 33.246 §6.1, §6.2.1.3, §6.3.2.1A, §6.3.2.1B, §6.3.2.2.1, Annex G,
 * Annex H). It builds requests and envelopes; the scripts decide when to send, resend and give up.
 */
public interface UeKeyManagement {

    /** Whether the UE has no GBA bootstrapping or its key lifetime is over: run {@link #bootstrap} first (§6.1). */
    boolean needsBootstrap(String ue);

    /** Runs GBA over Ub; on success MUK and MRK of every BM-SC in use are installed again. */
    BootstrapResult bootstrap(String ue);

    /**
     * The registration or deregistration POST for {@code request} to its BM-SC, with Digest credentials when
     * the UE holds a nonce of that BM-SC. Installs MUK and MRK for the BM-SC first.
     *
     * @throws IllegalStateException if the UE has no valid bootstrapping ({@link #needsBootstrap})
     */
    KeyManagementExchange post(String ue, RegistrationAction request);

    /** The MSK request POST for {@code msks} to {@code bmsc} (Key Number 0 asks for the current MSK). */
    KeyManagementExchange requestMsks(String ue, String bmsc, List<MskRef> msks);

    /** The same request again, same body, fresh credentials (after a 401, a stale nonce, a 503 or no answer). */
    KeyManagementExchange resend(String ue, String bmsc, KeyManagementExchange previous);

    /**
     * The envelope that carries {@code exchange} to the BM-SC's key management as HTTP/1.1 bytes, from the UE's
     * address; its reply handle reads the answer and hands it to instance {@code key} of {@code procedure} as a
     * {@link KeyManagementAnswer}.
     */
    Envelope envelope(String ue, String bmsc, KeyManagementExchange exchange, String procedure, Object key);

    /**
     * How long to wait before an MSK request for {@code msks} made for {@code reason}: the back-off of the
     * User Service Descriptions that name them, none for a solicited pull (§6.3.2.2.1); zero for no wait.
     */
    Duration mskBackOff(String ue, List<MskRef> msks, MskRequestReason reason);
}
