package org.mbmskeys.mbms.ue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretAudit;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.HttpHeaders;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.DigestVerification;
import org.mbmskeys.mbms.digest.DigestVerifier;
import org.mbmskeys.mbms.digest.MrkDigestPassword;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.NafKeyMaterial;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.keymanagement.GbaUserAgent;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.BootstrapResult;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;
import org.mbmskeys.mbms.ue.keys.StoredGbaKey;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.registration.RegistrationAction;

/**
 * The UE's Digest password is base64(MRK) of the MRK its key store holds when a request is signed (TS 33.246
 * §6.2.1.3, Annex H step 4), not a copy taken when the B-TID was new: a MRK installed anew under the same B-TID
 * signs the next request, and the BM-SC that knows only the old one refuses it.
 */
class UeDigestPasswordTest {

    private static final String IMPI = "001010123456781@ims.mnc001.mcc001.3gppnetwork.org";
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final String BMSC = "bmsc.example.org";
    private static final Bytes IDI = Bytes.wrap(BMSC.getBytes(StandardCharsets.UTF_8));
    private static final MskRef MSK = MskRef.of(KeyDomainId.parse("001-01"), MskId.current(KeyGroup.of(7)));

    private final ManualScheduler time = new ManualScheduler();
    private final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", time::now, RandomBytes.seeded(1),
            Duration.ofDays(1));
    private final UeKeyStore store = UeKeyStore.inMemory();
    private SecretBytes bmscPassword;   // what the BM-SC derives from the MRK it got over Zn
    private final DigestVerifier bmsc = DigestVerifier.builder().realms(DigestRealm.bootstrapping(BMSC))
            .serverSecret(SecretBytes.wrap(new byte[32])).credentials((user, realm) ->
                    Optional.of(bmscPassword.copy()))
            .clock(time::now).random(RandomBytes.seeded(3)).build();

    @Test
    void eachRequestIsSignedWithTheMrkTheStoreHoldsThen() {
        UeNode node = bootstrappedUe();
        RegistrationAction register = node.use("urn:news").requests().get(0);
        KeyManagementExchange first = node.post(register);   // MUK and MRK are derived for the BM-SC now
        StoredGbaKey mrk = store.mrk(IDI).orElseThrow();
        bmscPassword = MrkDigestPassword.derive(mrk.key());

        assertThat(first.request().header("Authorization")).as("the first POST carries no credentials").isEmpty();
        node.interpret(BMSC, first, challengeTo(first));
        KeyManagementExchange second = node.resend(BMSC, first);
        assertThat(verify(second)).as("signed with the MRK installed for the B-TID")
                .isInstanceOf(DigestVerification.Accepted.class);

        byte[] other = mrk.key().copyBytes();
        other[0] ^= 0x01;
        store.installMrk(mrk.id(), SecretBytes.wrap(other));   // same B-TID, another MRK in the store
        KeyManagementExchange third = node.post(register);

        assertThat(third.request().header("Authorization")).as("the next POST carries credentials").isPresent();
        assertThat(verify(third)).as("signed with the MRK the store holds now, which the BM-SC does not know")
                .isInstanceOf(DigestVerification.Rejected.class);
        bmscPassword = MrkDigestPassword.derive(SecretBytes.wrap(other));
        assertThat(verify(node.post(register))).as("the same MRK on the BM-SC's side").isInstanceOf(DigestVerification.Accepted.class);
    }

    /**
     * Making the client for a BM-SC checks that a MRK is installed by deriving the password once: that password and
     * the MRK copy it came from are wiped, so only the MUK and MRK the store now holds stay alive.
     */
    @Test
    void theClientForABmscLeavesOnlyTheKeysTheStoreHolds() {
        UeNode node = bootstrappedUe();
        RegistrationAction register = node.use("urn:news").requests().get(0);

        List<SecretBytes> alive;
        try (SecretAudit audit = SecretAudit.begin()) {
            node.post(register);   // MUK and MRK derived and installed for the BM-SC, the password checked
            alive = audit.undestroyed().stream().map(SecretAudit.Created::secret).toList();
        }

        SecretBytes mrk = store.mrk(IDI).orElseThrow().key();
        assertThat(alive).as("the store's MUK and MRK").hasSize(2).contains(mrk);
        mrk.destroy();
    }

    /**
     * §6.1, §6.2.1.3, TS 24.109 §5.2.2.1: with UICC key management (GBA_U) the MRK is Ks_ext_NAF, an ME-based key, so
     * the UE signs in the realm {@code 3GPP-bootstrapping@}, not {@code 3GPP-bootstrapping-uicc@} (Ks_int_NAF's), and
     * a BM-SC that takes base64(Ks_ext_NAF) from its Zn answer accepts the request.
     */
    @Test
    void aUeWithUiccKeyManagementSignsWithKsExtNafInTheBootstrappingRealm() {
        bsf.addSubscriber(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_U);
        GbaClient gba = new GbaClient(new SimulatedUsim(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_U), time::now);
        UeNode node = new UeNode(new UeProfile("alice", UiccId.of("8949440000000000011"),
                org.mbmskeys.mbms.ue.announcement.UeCapabilities.mbmsUicc(), GbaMode.GBA_U, UbClient.simulated(gba, bsf)),
                store, CryptoSuite.jca(), RandomBytes.seeded(2), time::now, GbaUserAgent.with("test"), 80);
        BootstrapResult.Bootstrapped run = (BootstrapResult.Bootstrapped) node.bootstrap();
        node.announce(UserServiceDescription.protectedBy("urn:news", new ServiceProtection(List.of(Fqdn.of(BMSC)), true,
                false, List.of(MSK), Optional.empty(), Map.of(), ServiceType.DOWNLOAD)));
        KeyManagementExchange first = node.post(node.use("urn:news").requests().get(0));
        NafKeyMaterial zn = ((NafKeyLookup.Found) bsf.lookUp(run.bTid(), NafId.forMbms(BMSC)))
                .keys();
        assertThat(zn.mode()).isEqualTo(GbaMode.GBA_U);
        bmscPassword = MrkDigestPassword.derive(zn.ksExtNaf());

        assertThat(first.request().header("User-Agent")).hasValue("test 3gpp-gba");
        node.interpret(BMSC, first, challengeTo(first));
        KeyManagementExchange second = node.resend(BMSC, first);

        assertThat(second.request().header("Authorization")).hasValueSatisfying(a ->
                assertThat(a).contains("realm=\"3GPP-bootstrapping@" + BMSC + "\""));
        assertThat(verify(second)).as("signed with base64(Ks_ext_NAF)").isInstanceOf(DigestVerification.Accepted.class);
    }

    /** §6.1: past the key lifetime of its bootstrapping the UE derives no keys for a BM-SC and sends nothing. */
    @Test
    void pastTheLifetimeOfItsBootstrappingTheUeCannotReachABmsc() {
        UeNode node = bootstrappedUe();
        RegistrationAction register = node.use("urn:news").requests().get(0);
        time.advance(Duration.ofDays(2));

        assertThatThrownBy(() -> node.post(register)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without GBA keys").hasMessageContaining("expired");
        assertThat(store.mrk(IDI)).isEmpty();
    }

    /** §6.3.2.1A: a card that decides on UICC key management needs a GBA_U run; a GBA_ME one does not serve it. */
    @Test
    void aUiccKeyManagementDecisionIsNotServedByAGbaMeBootstrapping() {
        bsf.addSubscriber(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        GbaClient gba = new GbaClient(new SimulatedUsim(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), time::now);
        UeNode node = new UeNode(new UeProfile("alice", UiccId.of("8949440000000000011"),
                org.mbmskeys.mbms.ue.announcement.UeCapabilities.mbmsUicc(), GbaMode.GBA_ME, UbClient.simulated(gba, bsf)),
                store, CryptoSuite.jca(), RandomBytes.seeded(2), time::now, GbaUserAgent.with("test"), 80);
        assertThat(node.bootstrap()).isInstanceOf(BootstrapResult.Bootstrapped.class);
        node.announce(UserServiceDescription.protectedBy("urn:news", new ServiceProtection(List.of(Fqdn.of(BMSC)), false,
                false, List.of(MSK), Optional.empty(), Map.of(), ServiceType.DOWNLOAD)));
        RegistrationAction register = node.use("urn:news").requests().get(0);

        assertThatThrownBy(() -> node.post(register)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a GBA_U run");
    }

    /** An MSK request to a BM-SC no used service names takes the key management of the UE's GBA mode (ME here). */
    @Test
    void anMskRequestToABmscOfNoUsedServiceIsSignedWithMeKeys() {
        UeNode node = bootstrappedUe();

        KeyManagementExchange request = node.requestMsks(BMSC, List.of(MSK));

        assertThat(request.request().target()).contains("requesttype=msk-request");
        assertThat(store.mrk(IDI)).as("ME keys installed for the BM-SC").isPresent();
    }

    private UeNode bootstrappedUe() {
        bsf.addSubscriber(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        GbaClient gba = new GbaClient(new SimulatedUsim(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), time::now);
        UeNode node = new UeNode(UeProfile.usim("alice", UiccId.of("8949440000000000011"), UbClient.simulated(gba, bsf)),
                store, CryptoSuite.jca(), RandomBytes.seeded(2), time::now, GbaUserAgent.with("test"), 80);
        assertThat(node.bootstrap()).isInstanceOf(BootstrapResult.Bootstrapped.class);
        node.announce(UserServiceDescription.protectedBy("urn:news", new ServiceProtection(List.of(Fqdn.of(BMSC)), false,
                false, List.of(MSK), Optional.empty(), Map.of(), ServiceType.DOWNLOAD)));
        return node;
    }

    private HttpResponseMessage challengeTo(KeyManagementExchange sent) {
        DigestVerification v = verify(sent);
        assertThat(v).isInstanceOf(DigestVerification.Rejected.class);
        HttpHeaders headers = HttpHeaders.empty();
        for (String value : ((DigestVerification.Rejected) v).wwwAuthenticate()) {
            headers = headers.with("WWW-Authenticate", value);
        }
        return new HttpResponseMessage(401, "Unauthorized", headers, Bytes.empty());
    }

    private DigestVerification verify(KeyManagementExchange sent) {
        return bmsc.verify("POST", sent.request().target(), sent.request().body(),
                sent.request().header("Authorization").orElse(null));
    }
}
