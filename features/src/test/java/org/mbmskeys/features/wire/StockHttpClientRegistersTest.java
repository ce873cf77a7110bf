package org.mbmskeys.features.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.features.wire.LoopbackLab.NEWS;
import static org.mbmskeys.features.wire.LoopbackLab.SERVICE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * A stock HTTP client registers at a BM-SC whose operator allows Digest with qop {@code auth}: {@code curl --digest}
 * with the B-TID as user name and the base64 of the MRK as password (TS 33.246 Annex G), over a real socket.
 */
class StockHttpClientRegistersTest {

    private static final String IMPI = "001010123456782@ims.mnc001.mcc001.3gppnetwork.org";
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    private LoopbackLab lab;

    @AfterEach
    void close() throws Exception {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void curlWithTheBTidAndTheBase64OfTheMrkRegisters(@TempDir Path dir) throws Exception {
        lab = new LoopbackLab(b -> b.allowQopAuth(true));
        lab.bmsc.defineService(SERVICE, ServiceType.DOWNLOAD, NEWS);
        lab.bsf.addSubscriber(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);

        GbaClient gba = new GbaClient(new SimulatedUsim(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), lab.clock::now);
        BootstrappingContext bootstrapped = gba.bootstrap(lab.bsf);
        MukMrk keys = gba.mukMrk(NafId.forMbms(LoopbackLab.BMSC));
        String password = Base64.getEncoder().encodeToString(keys.mrk().copyBytes());
        Path body = dir.resolve("register.xml");
        Files.writeString(body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><mbmsSecurityRegister "
                + "xmlns=\"urn:3GPP:metadata:2005:MBMS:securityRegistration\"><serviceID>" + SERVICE
                + "</serviceID></mbmsSecurityRegister>", StandardCharsets.UTF_8);

        String out = Curl.run("-sS", "--digest", "-u", bootstrapped.bTid().format() + ":" + password,
                "-A", "curl 3gpp-gba", "-H", "Content-Type: application/mbms-register+xml",
                "--data-binary", "@" + body, "-w", "\nstatus %{http_code}",
                "http://" + lab.bmscHttp.localEndpoint() + "/keymanagement?requesttype=register");

        assertThat(out).endsWith("status 200").contains("mbmsSecurityRegisterResponse").contains(SERVICE);
        assertThat(lab.bmsc.registration(IMPI)).hasValueSatisfying(r -> {
            assertThat(r.source().host()).isEqualTo("127.0.0.1");
            assertThat(r.bTid()).isEqualTo(bootstrapped.bTid());
        });
        assertThat(lab.bmscHttp.counters().refused()).isEmpty();
    }
}
