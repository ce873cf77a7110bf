package org.mbmskeys.adapters.app.ub;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.simulated.AkaResult;
import org.mbmskeys.mbms.gba.simulated.BootstrappingException;
import org.mbmskeys.mbms.gba.simulated.BootstrappingFailure;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.w3c.dom.Document;

/**
 * The UE's Ub over HTTP (TS 33.220 §4.5.2, TS 24.109 §4.5.2, HTTP Digest AKA of RFC 3310) with a simulated USIM:
 * the first request names the IMPI, the BSF's 401 carries RAND and AUTN, the USIM answers, the second request
 * proves RES, and the 200 brings the B-TID and key lifetime. A synchronisation failure is reported with AUTS
 * and answered once more. Blocking, on the calling thread (a UE bootstraps rarely; the engine calls it from a
 * lane). Talks to a BSF at an address (no DNS is consulted).
 */
public final class UbHttpClient implements UbClient {

    private static final String URI_PATH = "/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SimulatedUsim usim;
    private final URI bsf;
    private final String realm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A USIM bootstrapping with the BSF of {@code realm} (its domain) at {@code bsf} (http://ADDRESS:PORT/). */
    public UbHttpClient(SimulatedUsim usim, URI bsf, String realm) {
        this.usim = usim;
        this.bsf = bsf;
        this.realm = realm;
    }

    @Override
    public BootstrappingContext bootstrap() {
        String impi = usim.impi();
        String nonce = challenge("Digest username=\"" + impi + "\", realm=\"" + realm + "\", nonce=\"\", uri=\"" + URI_PATH
                + "\", response=\"\"");
        for (int attempt = 0; attempt < 2; attempt++) {
            Bytes[] randAutn = AkaDigest.randAndAutn(nonce);
            AkaResult answer = usim.authenticate(randAutn[0], randAutn[1]);
            if (answer instanceof AkaResult.MacFailure) {
                throw new BootstrappingException(BootstrappingFailure.MAC_FAILURE, "USIM of " + impi
                        + " rejected the BSF's challenge: AUTN MAC did not verify");
            }
            if (answer instanceof AkaResult.SyncFailure sync) {
                nonce = challenge(credentials(impi, nonce, Bytes.empty())
                        + ", auts=\"" + java.util.Base64.getEncoder().encodeToString(sync.auts().toByteArray()) + "\"");
                continue;
            }
            AkaResult.Success ok = (AkaResult.Success) answer;
            HttpResponse<byte[]> done = send(credentials(impi, nonce, ok.res()));
            if (done.statusCode() != 200) {
                ok.ck().destroy();
                ok.ik().destroy();
                throw new BootstrappingException(BootstrappingFailure.RES_MISMATCH, "BSF " + bsf + " answered "
                        + done.statusCode() + " to the proof of RES of " + impi);
            }
            Document info = xml(done.body());
            BTid bTid = BTid.parse(text(info, "btid"));
            Instant lifetime = Instant.parse(text(info, "lifetime"));
            try {
                return BootstrappingContext.fromAka(ok.ck(), ok.ik(), randAutn[0], impi, bTid, lifetime);
            } finally {
                ok.ck().destroy();
                ok.ik().destroy();
            }
        }
        throw new BootstrappingException(BootstrappingFailure.SYNC_FAILURE, "USIM of " + impi
                + " still finds SQN stale after resynchronising with BSF " + bsf);
    }

    private String credentials(String impi, String nonce, Bytes password) {
        String nc = "00000001";
        byte[] fresh = new byte[8];
        RANDOM.nextBytes(fresh);
        String cnonce = HexFormat.of().formatHex(fresh);
        String response = AkaDigest.response(impi, realm, password, "GET", URI_PATH, nonce, nc, cnonce, Bytes.empty());
        return "Digest username=\"" + impi + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + URI_PATH
                + "\", qop=" + AkaDigest.QOP + ", nc=" + nc + ", cnonce=\"" + cnonce + "\", response=\"" + response
                + "\", algorithm=" + AkaDigest.ALGORITHM;
    }

    /** Sends {@code authorization}, expects a 401 with an AKA challenge, answers its nonce. */
    private String challenge(String authorization) {
        HttpResponse<byte[]> r = send(authorization);
        if (r.statusCode() == 403) {
            throw new BootstrappingException(BootstrappingFailure.UNKNOWN_IMPI, "BSF " + bsf + " refused " + usim.impi()
                    + " (403)");
        }
        if (r.statusCode() != 401) {
            throw new BootstrappingException(BootstrappingFailure.BSF_UNUSABLE, "BSF " + bsf + " answered " + r.statusCode()
                    + " instead of a challenge for " + usim.impi());
        }
        String www = r.headers().firstValue("WWW-Authenticate").orElseThrow(() -> new BootstrappingException(
                BootstrappingFailure.BSF_UNUSABLE, "BSF " + bsf + " sent a 401 without WWW-Authenticate"));
        return AuthParams.parseDigest(www).text("nonce");
    }

    private HttpResponse<byte[]> send(String authorization) {
        HttpRequest request = HttpRequest.newBuilder(bsf.resolve(URI_PATH)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).header("User-Agent", "mbms-keys 3gpp-gba").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new BootstrappingException(BootstrappingFailure.BSF_UNUSABLE, "no answer from BSF " + bsf + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootstrappingException(BootstrappingFailure.BSF_UNUSABLE, "interrupted while bootstrapping with " + bsf);
        }
    }

    private static Document xml(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new BootstrappingException(BootstrappingFailure.BSF_UNUSABLE, "the BSF's BootstrappingInfo is not XML: "
                    + e.getMessage());
        }
    }

    private static String text(Document d, String element) {
        var nodes = d.getElementsByTagNameNS("uri:3gpp-gba", element);
        if (nodes.getLength() != 1) {
            throw new BootstrappingException(BootstrappingFailure.BSF_UNUSABLE, "the BSF's BootstrappingInfo has no single "
                    + element);
        }
        return nodes.item(0).getTextContent().strip();
    }
}
