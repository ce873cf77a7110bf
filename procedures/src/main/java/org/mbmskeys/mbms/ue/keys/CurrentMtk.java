package org.mbmskeys.mbms.ue.keys;

import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;

/**
 * The MTK last accepted under an MSK (TS 33.246 §6.4.6.2 step 5: "the MTK and salt if available"), with
 * the MTK ID and timestamp counter of the message that carried it. Keys are the caller's copies.
 *
 * <p>For a streaming session, {@code srtpPolicy} is the SRTP policy adopted from the MSK messages of its Key Group
 * (§6.4.6.1 step 5): what the SRTP layer is set up with besides the master key and salt (§6.6.2.1: the RFC 4771
 * ROC transmission rate R and RCC mode, the key and tag lengths). Empty for a download session, and for a
 * streaming one until an MSK message with an SP was verified. {@code srtpCs} is the SRTP-ID map entry of the last
 * verified MSK message of that MSK (RFC 3830 §6.1.1: Policy_no, the SSRC and the sender's ROC then).
 */
public record CurrentMtk(MskRef msk, MtkId mtkId, TimestampCounter counter, SecretBytes key,
                         Optional<SecretBytes> salt, Optional<SecurityPolicyPayload> srtpPolicy,
                         Optional<SrtpCsEntry> srtpCs) {

    public CurrentMtk {
        Objects.requireNonNull(msk, "msk");
        Objects.requireNonNull(mtkId, "mtkId");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(srtpPolicy, "srtpPolicy");
        Objects.requireNonNull(srtpCs, "srtpCs");
    }

    /** An MTK without an SRTP policy and SRTP-ID map entry. */
    public CurrentMtk(MskRef msk, MtkId mtkId, TimestampCounter counter, SecretBytes key, Optional<SecretBytes> salt) {
        this(msk, mtkId, counter, key, salt, Optional.empty(), Optional.empty());
    }
}
