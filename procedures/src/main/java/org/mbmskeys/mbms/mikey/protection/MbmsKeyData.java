package org.mbmskeys.mbms.mikey.protection;

import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.mikey.KeyData;
import org.mbmskeys.mbms.mikey.KeyDataType;
import org.mbmskeys.mbms.mikey.KvInterval;
import org.mbmskeys.mbms.mikey.KvNull;
import org.mbmskeys.mbms.profile.InterimProfile;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * How MSKs and MTKs sit in a KEMAC's Key data sub-payload: the MSK as TGK with KV Interval (SEQl, SEQu)
 * and key length 0 for a validity-only update; the MTK as TEK, or TEK+SALT with its salt, with KV Null.
 * Both the sealer and the opener use this class, so the choice lives here only.
 */
@Unconfirmed("Key data Type for MSK (TGK) and MTK (TEK/TEK+SALT), KV-only update encoding; PROFILE.md §3.2, §9 item 6, §10 'KEMAC'")
final class MbmsKeyData {

    static final KeyDataType MSK_TYPE = KeyDataType.TGK;

    private MbmsKeyData() {
    }

    /** The MSK with its validity; {@code msk} empty means a validity-only update. */
    static KeyData msk(Optional<SecretBytes> msk, KeyValidity validity) {
        return KeyData.of(MSK_TYPE, msk.orElse(SecretBytes.of()), KvInterval.of(validity));
    }

    static KeyData mtk(SecretBytes mtk, Optional<SecretBytes> salt) {
        return salt.isPresent()
                ? KeyData.withSalt(KeyDataType.TEK_SALT, mtk, salt.get(), KvNull.INSTANCE)
                : KeyData.of(KeyDataType.TEK, mtk, KvNull.INSTANCE);
    }

    /** Why {@code k} is not an MSK of the profile, or null if it is one. */
    static String mskProblem(KeyData k) {
        if (k.type() != MSK_TYPE) {
            return "MSK key data of type " + k.type() + "; the profile carries the MSK as " + MSK_TYPE;
        }
        if (!(k.kv() instanceof KvInterval interval) || interval.keyValidity().isEmpty()) {
            return "MSK key data without a KV Interval of two MTK IDs (SEQl, SEQu); got " + k.kv().kvType();
        }
        if (!k.key().isEmpty() && k.key().length() != InterimProfile.MSK_LENGTH) {
            return "MSK of " + k.key().length() + " bytes; the profile uses " + InterimProfile.MSK_LENGTH;
        }
        return null;
    }

    /** Why {@code k} is not an MTK of the profile, or null if it is one. */
    static String mtkProblem(KeyData k) {
        if (k.type() != KeyDataType.TEK && k.type() != KeyDataType.TEK_SALT) {
            return "MTK key data of type " + k.type() + "; the profile carries the MTK as TEK or TEK+SALT";
        }
        if (!(k.kv() instanceof KvNull)) {
            return "MTK key data with KV " + k.kv().kvType() + "; the profile uses KV Null";
        }
        if (k.key().length() != InterimProfile.MTK_LENGTH) {
            return "MTK of " + k.key().length() + " bytes; the profile uses " + InterimProfile.MTK_LENGTH;
        }
        if (k.salt().isPresent() && k.salt().get().length() != InterimProfile.MTK_SALT_LENGTH) {
            return "MTK salt of " + k.salt().get().length() + " bytes; the profile uses " + InterimProfile.MTK_SALT_LENGTH;
        }
        return null;
    }

    /** The validity of a key data that passed {@link #mskProblem}. */
    static KeyValidity validity(KeyData k) {
        return ((KvInterval) k.kv()).keyValidity().orElseThrow();
    }
}
