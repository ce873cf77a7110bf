package org.mbmskeys.mbms.bmsc;

import java.util.Optional;
import java.util.function.Function;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.distribution.UeKeys;
import org.mbmskeys.mbms.digest.DigestCredentials;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.MrkDigestPassword;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.MalformedBTidException;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Digest password of a UE at the BM-SC (TS 33.246 §6.2.1.3): the user name is the B-TID, the password
 * base64(MRK), the MRK derived from the NAF keys the BSF gives over Zn (TS 33.220). The same NAF keys teach
 * {@link UeKeys} the UE's MUK, so the MIKEY messages that follow use the key of this very bootstrapping.
 * A fresh password per call (the verifier wipes it); the MRK is wiped at once.
 */
final class ZnDigestCredentials implements DigestCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(ZnDigestCredentials.class);

    private final Bootstrapping bootstrapping;
    private final NafId nafId;
    private final UeKeys ueKeys;
    private final Function<NafKeyMaterial, MbmsKeyManagement> keyManagement;

    ZnDigestCredentials(Bootstrapping bootstrapping, NafId nafId, UeKeys ueKeys,
                        Function<NafKeyMaterial, MbmsKeyManagement> keyManagement) {
        this.bootstrapping = bootstrapping;
        this.nafId = nafId;
        this.ueKeys = ueKeys;
        this.keyManagement = keyManagement;
    }

    @Override
    public Optional<SecretBytes> password(String username, DigestRealm realm) {
        BTid bTid;
        try {
            bTid = BTid.parse(username);
        } catch (MalformedBTidException e) {
            LOG.debug("Digest user name is not a B-TID: {}", e.getMessage());
            return Optional.empty();
        }
        NafKeyLookup answer = bootstrapping.lookUp(bTid, nafId);
        if (!(answer instanceof NafKeyLookup.Found found)) {
            LOG.debug("Zn: no NAF keys for {}: {}", bTid, answer);
            return Optional.empty();
        }
        NafKeyMaterial keys = found.keys();
        try {
            ueKeys.learn(keys);
            MukMrk derived = keys.mukMrk(keyManagement.apply(keys));
            try {
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
