package org.mbmskeys.features.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.adapters.http.HttpServerTransport;
import org.mbmskeys.adapters.memory.HttpWire;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * A stock HTTP client registers at a BM-SC whose operator allows Digest with qop {@code auth}: {@code curl --digest}
 * with the B-TID as user name and the base64 of the MRK as password (TS 33.246 Annex G), over a real socket.
 */
class StockHttpClientRegistersTest {

    private static final String BMSC = "bmsc.example.org";
    private static final String SERVICE = "urn:3gpp:mbms:news";
    private static final String IMPI = "001010123456782@ims.mnc001.mcc001.3gppnetwork.org";
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";   // TS 35.208 Test Set 1
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    private final Scheduler clock = Scheduler.system();
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private UdpTransport udp;
    private HttpServerTransport http;
    private Bmsc bmsc;

    @AfterEach
    void close() {
        if (bmsc != null) {
            bmsc.close();
        }
        if (http != null) {
            http.close();
        }
        if (udp != null) {
            udp.close();
        }
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @Test
    void curlWithTheBTidAndTheBase64OfTheMrkRegisters(@TempDir Path dir) throws Exception {
        SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", clock::now, RandomBytes.secure(), Duration.ofDays(1));
        bsf.addSubscriber(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        udp = UdpTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open();
        http = HttpServerTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open();
        bmsc = Bmsc.builder(BMSC).bootstrapping(bsf).transport(Transport.combining(udp, http)).httpCodec(HttpWire.codec())
                .scheduler(clock).allowQopAuth(true).build();
        KeyGroupRef news = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));
        bmsc.defineService(SERVICE, ServiceType.DOWNLOAD, news);

        GbaClient gba = new GbaClient(new SimulatedUsim(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), clock::now);
        BootstrappingContext bootstrapped = gba.bootstrap(bsf);
        MukMrk keys = gba.mukMrk(NafId.forMbms(BMSC));
        String password = Base64.getEncoder().encodeToString(keys.mrk().copyBytes());
        Path body = dir.resolve("register.xml");
        Files.writeString(body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><mbmsSecurityRegister "
                + "xmlns=\"urn:3GPP:metadata:2005:MBMS:securityRegistration\"><serviceID>" + SERVICE
                + "</serviceID></mbmsSecurityRegister>", StandardCharsets.UTF_8);

        String out = Curl.run("-sS", "--digest", "-u", bootstrapped.bTid().format() + ":" + password,
                "-A", "curl 3gpp-gba", "-H", "Content-Type: application/mbms-register+xml",
                "--data-binary", "@" + body, "-w", "\nstatus %{http_code}",
                "http://" + http.localEndpoint() + "/keymanagement?requesttype=register");

        assertThat(out).endsWith("status 200").contains("mbmsSecurityRegisterResponse").contains(SERVICE);
        assertThat(bmsc.registration(IMPI)).hasValueSatisfying(r -> {
            assertThat(r.source().host()).isEqualTo("127.0.0.1");
            assertThat(r.bTid()).isEqualTo(bootstrapped.bTid());
        });
        assertThat(http.counters().refused()).isEmpty();
    }
}
