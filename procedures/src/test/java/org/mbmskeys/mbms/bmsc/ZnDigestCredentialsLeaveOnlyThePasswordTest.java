package org.mbmskeys.mbms.bmsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.SecretAudit;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.distribution.MukLookup;
import org.mbmskeys.mbms.bmsc.distribution.UeKeys;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.digest.DigestRealm;

/**
 * The Digest password the BM-SC makes from the NAF keys fetched over Zn (TS 33.246 §6.2.1.3): of the secrets made on
 * the way (the NAF keys, the MUK and MRK derived for the password) only the password handed to the verifier and the
 * MUK that {@link UeKeys} keeps for the MIKEY messages stay alive; the MRK and the derived MUK copy are wiped at once.
 */
class ZnDigestCredentialsLeaveOnlyThePasswordTest {

    private static final String FQDN = "bmsc.example.org";
    private static final String IMPI = "001010000000001@ims.mnc001.mcc001.3gppnetwork.org";
    private static final BTid BTID = BTid.parse("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org");
    private static final String KS_NAF = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    @Test
    void onlyThePasswordAndTheMukKeptForMikeyOutliveTheLookUp() {
        InstantSource clock = InstantSource.fixed(NOW);
        Bootstrapping bsf = (bTid, nafId) -> new NafKeyLookup.Found(NafKeyMaterial.gbaMe(nafId, bTid, IMPI,
                NOW.plusSeconds(86_400), SecretBytes.ofHex(KS_NAF)));
        NafId naf = NafId.forMbms(FQDN);
        UeKeys ueKeys = UeKeys.builder(bsf, naf, clock).build();
        ZnDigestCredentials zn = new ZnDigestCredentials(bsf, naf, ueKeys, k -> k.mode().defaultKeyManagement());

        try (SecretAudit audit = SecretAudit.begin()) {
            SecretBytes password = zn.password(BTID.format(), DigestRealm.bootstrapping(FQDN)).orElseThrow();

            assertThat(audit.recorded(password)).isTrue();
            assertThat(audit.undestroyed()).as("the password and the MUK kept by UeKeys").hasSize(2)
                    .anySatisfy(c -> assertThat(c.secret()).isSameAs(password));
        }
        assertThat(ueKeys.lookUp(BTID)).isInstanceOf(MukLookup.Known.class);
    }
}
