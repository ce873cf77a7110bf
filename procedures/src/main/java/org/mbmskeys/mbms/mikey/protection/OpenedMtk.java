package org.mbmskeys.mbms.mikey.protection;

import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.TimestampCounter;

/** An authenticated MTK message: the MTK and, if sent, its salt. {@code toString} shows no key. */
public record OpenedMtk(MtkMessage message, SecretBytes mtk, Optional<SecretBytes> salt) {

    public KeyDomainId keyDomain() {
        return message.keyDomain();
    }

    public MskId mskId() {
        return message.mskId();
    }

    public MtkId mtkId() {
        return message.mtkId();
    }

    public TimestampCounter counter() {
        return message.counter();
    }

    @Override
    public String toString() {
        return "OpenedMtk[" + keyDomain() + "/" + mskId() + ", MTK " + mtkId() + ", counter " + counter()
                + ", key " + mtk + (salt.isPresent() ? ", salt " + salt.get() : "") + "]";
    }
}
