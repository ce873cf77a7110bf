package org.mbmskeys.adapters.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.http.HttpClientTransport;
import org.mbmskeys.adapters.http.HttpServerTransport;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.udp.UdpTransport;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.DownloadMtk;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.traffic.DcfKeys;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.UeProfile;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * The embedding example of README.md, run: the code between the markers below is the README's, line for line
 * (the first test checks that), so the README never shows code that does not compile or does not work.
 */
class ReadmeEmbeddingExampleTest {

    private static final Path SOURCE = Path.of("src/test/java/org/mbmskeys/adapters/app/ReadmeEmbeddingExampleTest.java");
    private static final Path README = Path.of("../../README.md");

    @Test
    void theReadmeShowsThisCode() throws Exception {
        List<String> readme = Files.readAllLines(README);
        int start = readme.indexOf("<!-- embedding example: adapters/app/src/test/java/org/mbmskeys/adapters/app/ReadmeEmbeddingExampleTest.java -->");
        assertThat(start).as("the README's embedding example marker").isNotNegative();
        List<String> shown = readme.subList(start + 2, readme.subList(start + 2, readme.size()).indexOf("```") + start + 2);
        List<String> source = Files.readAllLines(SOURCE);
        List<String> code = source.subList(source.indexOf("            // README begin") + 1, source.indexOf("            // README end"));
        assertThat(shown).containsExactlyElementsOf(code.stream().map(l -> l.length() >= 12 ? l.substring(12) : l.strip()).toList());
    }

    @Test
    void itRegistersAUeOverRealSocketsAndTheUeGetsTheMskAndTheKeysOfAFile() throws Exception {
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            // README begin
            SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", Clock.systemUTC(), RandomBytes.secure(), Duration.ofDays(1));

            // A BM-SC: MIKEY over UDP, the key request function over HTTP, one download service with a first MSK.
            UdpTransport bmscUdp = UdpTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open();
            HttpServerTransport bmscHttp = HttpServerTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open();
            Bmsc bmsc = Bmsc.builder("bmsc.example.org").bootstrapping(bsf).transport(Transport.combining(bmscUdp, bmscHttp))
                    .httpCodec(HttpWire.codec()).scheduler(Scheduler.system()).build();
            KeyGroupRef maps = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0202));
            bmsc.defineService("urn:3gpp:mbms:maps", ServiceType.DOWNLOAD, maps);
            MskRef msk = bmsc.rotate(maps);

            // A UE: a USIM the BSF knows, a MIKEY socket of its own, an HTTP client that knows where the BM-SC is.
            String impi = "001010123456789@ims.mnc001.mcc001.3gppnetwork.org";
            SecretBytes k = SecretBytes.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc");
            SecretBytes opc = SecretBytes.ofHex("cd63cb71954a9f4e48a5994e37a02baf");
            bsf.addSubscriber(impi, k, opc, Sqn.of(32), GbaMode.GBA_ME);
            GbaClient usim = new GbaClient(new SimulatedUsim(impi, k, opc, Sqn.of(0), GbaMode.GBA_ME), Clock.systemUTC());
            UdpTransport ueUdp = UdpTransport.builder().bind(Endpoint.of("127.0.0.1", 0)).eventLoops(loops).open();
            HttpClientTransport ueHttp = HttpClientTransport.builder().route("bmsc.example.org", bmscHttp.localEndpoint())
                    .eventLoops(loops).open();
            BlockingQueue<UeOutcome> outcomes = new LinkedBlockingQueue<>();
            Ue ue = Ue.builder(UeProfile.usim("alice", UiccId.of("89494400000000000001"), UbClient.simulated(usim, bsf)))
                    .transport(Transport.combining(ueUdp, ueHttp)).httpCodec(HttpWire.codec()).scheduler(Scheduler.system())
                    .keyManagementPort(80).mikeyPort(ueUdp.localEndpoint().port()).listener(outcomes::add).build();

            // The service announcement names the BM-SC and the service's Key Group; the user picks the service.
            MskRef current = MskRef.of(maps.keyDomain(), MskId.current(maps.keyGroup()));
            ue.announce(UserServiceDescription.protectedBy("urn:3gpp:mbms:maps", new ServiceProtection(
                    List.of(Fqdn.of("bmsc.example.org")), false, false, List.of(current), Optional.empty(), Map.of(),
                    ServiceType.DOWNLOAD)));
            ue.powerOn();
            ue.use("urn:3gpp:mbms:maps");
            // GBA, registration with HTTP Digest, then the MSK pushed over UDP and acknowledged:
            // outcomes receives ServiceRegistered and MskReceived(msk).
            // README end
            boolean registered = false;
            boolean received = false;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(registered && received)) {
                UeOutcome o = outcomes.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(o).as("the UE's next outcome within 30 s").isNotNull();
                registered |= o instanceof UeOutcome.ServiceRegistered;
                received |= o instanceof UeOutcome.MskReceived m && m.msk().equals(msk) && m.verificationSent();
            }
            assertThat(ue.msks("urn:3gpp:mbms:maps")).hasSize(1);

            // What the sentence after the README's example says: a file's MTK object, and the same DCF keys at both ends.
            bmsc.defineDownloadSession("maps-files", maps);
            DownloadMtk.Ready file = (DownloadMtk.Ready) bmsc.downloadMtk("maps-files", "map.bin");
            ue.receiveMikeyObject(file.object().mediaType(), file.object().content());
            UeOutcome o;
            do {
                o = outcomes.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(o).as("the UE's next outcome within 30 s").isNotNull();
            } while (!(o instanceof UeOutcome.MtkReceived));
            DcfKeys keys = ue.dcfKeys(file.keys().keyId().value()).orElseThrow();
            assertThat(keys.encryptionKey()).isEqualTo(file.keys().encryptionKey());
            assertThat(keys.authenticationKey()).isEqualTo(file.keys().authenticationKey());
            keys.destroy();
            file.keys().destroy();
            ue.host().close();
            ueHttp.close();
            ueUdp.close();
            bmsc.close();
            bmscHttp.close();
            bmscUdp.close();
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
