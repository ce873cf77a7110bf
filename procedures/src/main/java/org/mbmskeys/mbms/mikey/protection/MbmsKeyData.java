package org.mbmskeys.mbms.mikey.protection;

import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.KeyData;
import org.mbmskeys.mbms.mikey.KeyDataType;
import org.mbmskeys.mbms.mikey.KvInterval;
import org.mbmskeys.mbms.mikey.KvNull;
import org.mbmskeys.mbms.profile.InterimProfile;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * How MSKs and MTKs sit in a KEMAC's Key data sub-payload (TS 33.246 §6.4.5.1, §6.4.5.3): the MSK as TEK
 * with KV Interval (SEQl, SEQu); a streaming MTK as TEK+SALT with its 112-bit salt, a download MTK as TGK
 * without salt, both with KV Null. Both the sealer and the opener use this class, so the rules live here
 * only.
 */
final class MbmsKeyData {

    /** The MSK travels as TEK (TS 33.246 §6.4.5.1). */
    static final KeyDataType MSK_TYPE = KeyDataType.TEK;

    private MbmsKeyData() {
    }

    /** The MSK with its validity (TS 33.246 §6.4.5.1). */
    static KeyData msk(SecretBytes msk, KeyValidity validity) {
        return KeyData.of(MSK_TYPE, msk, KvInterval.of(validity));
    }

    /** No MSK, only its validity: a Key data sub-payload with Key data len 0. */
    @Unconfirmed("U5: a validity-only MSK update as a TEK Key data sub-payload with Key data len 0 and KV Interval; "
            + "TS 33.246 §6.5.3 says \"without any key in KEMAC\" but its figure is lost")
    static KeyData validityOnly(KeyValidity validity) {
        return KeyData.of(MSK_TYPE, SecretBytes.of(), KvInterval.of(validity));
    }

    /** The Key data type of an MTK of a service (TS 33.246 §6.4.5.3). */
    static KeyDataType mtkType(ServiceType service) {
        return service == ServiceType.STREAMING ? KeyDataType.TEK_SALT : KeyDataType.TGK;
    }

    /** A streaming MTK with its salt, or a download MTK without (TS 33.246 §6.4.5.3). */
    static KeyData mtk(ServiceType service, SecretBytes mtk, Optional<SecretBytes> salt) {
        return service == ServiceType.STREAMING
                ? KeyData.withSalt(KeyDataType.TEK_SALT, mtk, salt.orElseThrow(), KvNull.INSTANCE)
                : KeyData.of(KeyDataType.TGK, mtk, KvNull.INSTANCE);
    }

    /** Why {@code k} is not an MSK as TS 33.246 §6.4.5.1 carries it, or null if it is one. */
    static String mskProblem(KeyData k) {
        if (k.type() != MSK_TYPE) {
            return "MSK key data of type " + k.type() + "; TS 33.246 §6.4.5.1 carries the MSK as " + MSK_TYPE;
        }
        if (!(k.kv() instanceof KvInterval interval) || interval.keyValidity().isEmpty()) {
            return "MSK key data without a KV Interval of two MTK IDs (SEQl, SEQu, each 1 to 8 bytes of at most 65535); got "
                    + k.kv().kvType();
        }
        if (!k.key().isEmpty() && !InterimProfile.ACCEPTED_KEY_LENGTHS.contains(k.key().length())) {
            return "MSK of " + k.key().length() + " bytes; accepted are 16, 24 and 32 (TS 33.246 §4.2)";
        }
        return null;
    }

    /** Why {@code k} is not an MTK of a {@code service} service (TS 33.246 §6.4.5.3), or null if it is one. */
    static String mtkProblem(KeyData k, ServiceType service) {
        KeyDataType expected = mtkType(service);
        if (k.type() != expected) {
            return "MTK key data of type " + k.type() + " for a " + service.name().toLowerCase(java.util.Locale.ROOT)
                    + " service; TS 33.246 §6.4.5.3 carries it as " + expected;
        }
        if (!(k.kv() instanceof KvNull)) {
            return "MTK key data with KV " + k.kv().kvType() + "; TS 33.246 §6.4.5.3 uses KV Null";
        }
        if (!InterimProfile.ACCEPTED_KEY_LENGTHS.contains(k.key().length())) {
            return "MTK of " + k.key().length() + " bytes; accepted are 16, 24 and 32 (TS 33.246 §4.2)";
        }
        if (k.salt().isPresent() && k.salt().get().length() != InterimProfile.MTK_SALT_LENGTH) {
            return "MTK salt of " + k.salt().get().length() + " bytes; TS 33.246 §6.4.5.3 uses "
                    + InterimProfile.MTK_SALT_LENGTH;
        }
        return null;
    }

    /** The validity of a key data that passed {@link #mskProblem}. */
    static KeyValidity validity(KeyData k) {
        return ((KvInterval) k.kv()).keyValidity().orElseThrow();
    }
}
