package org.mbmskeys.mbms.bmsc.keymanagement;

import java.util.Objects;
import java.util.OptionalInt;
import org.mbmskeys.mbms.digest.DigestVerification;
import org.mbmskeys.mbms.keymanagement.KeyManagementRequest;
import org.mbmskeys.mbms.keymanagement.xml.DeregistrationRequest;
import org.mbmskeys.mbms.keymanagement.xml.MskRequestBody;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;

/**
 * An authenticated key management request: which procedure, the UE's B-TID and the items, for the BM-SC
 * to decide on per item. Answer it exactly once with {@link KeyRequestFunction#answer} (200 with one
 * status per item) or {@link KeyRequestFunction#refuse} (an error for the whole request): either wipes
 * the Digest HA1 the call holds for {@code rspauth}.
 */
public sealed interface KeyManagementCall extends KeyManagementInbound
        permits KeyManagementCall.Register, KeyManagementCall.Deregister, KeyManagementCall.MskRequest {

    /** The procedure. */
    KeyManagementRequest type();

    /** The Digest verification that authenticated the request; it holds HA1 until the call is answered. */
    DigestVerification.Accepted authentication();

    /** How many items (service IDs or MSKs) the request lists; the answer has one status per item. */
    int itemCount();

    /** The UE's B-TID, the authenticated Digest username. */
    default String btid() {
        return authentication().username();
    }

    /** A registration (§6.3.2.1A, G.2.1). */
    record Register(RegistrationRequest body, DigestVerification.Accepted authentication, OptionalInt mikeyPort)
            implements KeyManagementCall {
        public Register {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(authentication, "authentication");
            Objects.requireNonNull(mikeyPort, "mikeyPort");
        }

        /** A registration that states no MIKEY port (the UE takes MIKEY on 2269). */
        public Register(RegistrationRequest body, DigestVerification.Accepted authentication) {
            this(body, authentication, OptionalInt.empty());
        }

        @Override
        public KeyManagementRequest type() {
            return KeyManagementRequest.REGISTER;
        }

        @Override
        public int itemCount() {
            return body.serviceIds().size();
        }
    }

    /** A deregistration (§6.3.2.1B, G.2.2). */
    record Deregister(DeregistrationRequest body, DigestVerification.Accepted authentication)
            implements KeyManagementCall {
        public Deregister {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(authentication, "authentication");
        }

        @Override
        public KeyManagementRequest type() {
            return KeyManagementRequest.DEREGISTER;
        }

        @Override
        public int itemCount() {
            return body.serviceIds().size();
        }
    }

    /** An MSK request (§6.3.2.2.1, G.2.3). */
    record MskRequest(MskRequestBody body, DigestVerification.Accepted authentication) implements KeyManagementCall {
        public MskRequest {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(authentication, "authentication");
        }

        @Override
        public KeyManagementRequest type() {
            return KeyManagementRequest.MSK_REQUEST;
        }

        @Override
        public int itemCount() {
            return body.msks().size();
        }
    }
}
