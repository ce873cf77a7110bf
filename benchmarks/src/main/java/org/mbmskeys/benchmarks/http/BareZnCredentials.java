package org.mbmskeys.benchmarks.http;

import java.util.Map;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.digest.DigestCredentials;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.MrkDigestPassword;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.MalformedBTidException;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;

/**
 * The baseline's Digest password, the work the BM-SC's own {@code ZnDigestCredentials} does per request: the
 * NAF keys of the B-TID from the BSF over Zn, MUK and MRK derived from them, base64(MRK) as the password; the MUK
 * is kept by B-TID (as the BM-SC's {@code UeKeys.learn}) for the MIKEY message that follows, the MRK wiped.
 * Confined to the baseline server's one event-loop thread.
 */
final class BareZnCredentials implements DigestCredentials {

    private final Bootstrapping bootstrapping;
    private final NafId nafId;
    private final Map<String, SecretBytes> muks;

    /** @param muks where the MUK of each B-TID that authenticates is put (the previous one destroyed) */
    BareZnCredentials(Bootstrapping bootstrapping, NafId nafId, Map<String, SecretBytes> muks) {
        this.bootstrapping = bootstrapping;
        this.nafId = nafId;
        this.muks = muks;
    }

    @Override
    public Optional<SecretBytes> password(String username, DigestRealm realm) {
        BTid bTid;
        try {
            bTid = BTid.parse(username);
        } catch (MalformedBTidException e) {
            return Optional.empty();
        }
        if (!(bootstrapping.lookUp(bTid, nafId) instanceof NafKeyLookup.Found found)) {
            return Optional.empty();
        }
        NafKeyMaterial keys = found.keys();
        try {
            MukMrk derived = keys.mukMrk(keys.mode().defaultKeyManagement());
            try {
                SecretBytes old = muks.put(username, derived.muk().copy());
                if (old != null) {
                    old.destroy();
                }
                return Optional.of(MrkDigestPassword.derive(derived.mrk()));
            } finally {
                derived.mrk().destroy();
                derived.muk().destroy();
            }
        } finally {
            keys.destroy();
        }
    }
}
