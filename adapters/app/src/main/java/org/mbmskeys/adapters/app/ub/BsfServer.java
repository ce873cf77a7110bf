package org.mbmskeys.adapters.app.ub;

import io.netty.channel.EventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.mbmskeys.adapters.http.HttpServerTransport;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.HttpHeaders;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.engine.spi.MalformedHttpException;
import org.mbmskeys.mbms.gba.simulated.AuthenticationChallenge;
import org.mbmskeys.mbms.gba.simulated.BootstrapConfirmation;
import org.mbmskeys.mbms.gba.simulated.BootstrappingException;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ub side of a {@link SimulatedBsf} over HTTP, so that UEs in other processes bootstrap with it (TS 33.220
 * §4.5.2, TS 24.109 §4.5.2): a request naming the IMPI gets a 401 with an AKA challenge (HTTP Digest AKA,
 * RFC 3310); the request proving RES gets a 200 with the B-TID and the key lifetime
 * ({@code application/vnd.3gpp.bsf+xml}); one reporting a synchronisation failure (AUTS) gets a new challenge
 * after the BSF resynchronised. An unknown subscriber or a wrong answer gets a 403, a malformed request a 400.
 * For labs: the BSF of a real network is the operator's.
 */
public final class BsfServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BsfServer.class);
    private static final HttpCodec CODEC = HttpWire.codec();

    private final SimulatedBsf bsf;
    private final HttpServerTransport http;

    /** Serves {@code bsf} on {@code bind} (port 0: any free port). */
    public BsfServer(SimulatedBsf bsf, Endpoint bind, EventLoopGroup loops) {
        this.bsf = bsf;
        this.http = HttpServerTransport.builder().bind(bind).eventLoops(loops).open();
        http.receive(this::serve);
    }

    public Endpoint localEndpoint() {
        return http.localEndpoint();
    }

    private void serve(Envelope envelope) {
        HttpResponseMessage answer;
        try {
            answer = answer(CODEC.decodeRequest(envelope.payload()));
        } catch (MalformedHttpException e) {
            answer = status(400, "Bad Request", "malformed request");
        }
        envelope.replyHandle().orElseThrow().reply(CODEC.encode(answer));
    }

    private HttpResponseMessage answer(HttpRequestMessage request) {
        String header = request.header("Authorization").orElse("");
        AuthParams params;
        try {
            params = AuthParams.parseDigest(header);
        } catch (IllegalArgumentException e) {
            return status(400, "Bad Request", "Ub needs Authorization: Digest with the IMPI as username (" + e.getMessage() + ")");
        }
        String impi = params.text("username");
        if (impi.isEmpty()) {
            return status(400, "Bad Request", "Ub needs the IMPI as the Digest username");
        }
        try {
            if (params.text("response").isEmpty()) {
                return challenge(impi);
            }
            Bytes[] randAutn = AkaDigest.randAndAutn(params.text("nonce"));
            if (params.get("auts").isPresent()) {
                bsf.resynchronize(impi, randAutn[0], Bytes.wrap(java.util.Base64.getDecoder().decode(params.text("auts"))));
                LOG.info("Ub: {} resynchronised; a new challenge follows", impi);
                return challenge(impi);
            }
            String realm = bsf.domain();
            BootstrapConfirmation done = bsf.completeWith(impi, (rand, xres) -> rand.equals(randAutn[0])
                    && java.security.MessageDigest.isEqual(AkaDigest.response(impi, realm, xres, request.method(),
                    params.text("uri"), params.text("nonce"), params.text("nc"), params.text("cnonce"), request.body())
                    .getBytes(StandardCharsets.US_ASCII), params.text("response").toLowerCase().getBytes(StandardCharsets.US_ASCII)));
            LOG.info("Ub: {} bootstrapped, B-TID {}", impi, done.bTid());
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>"
                    + done.bTid().format() + "</btid><lifetime>" + DateTimeFormatter.ISO_INSTANT.format(done.expiresAt())
                    + "</lifetime></BootstrappingInfo>";
            return new HttpResponseMessage(200, "OK", HttpHeaders.of("Content-Type", "application/vnd.3gpp.bsf+xml"),
                    Bytes.wrap(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (BootstrappingException e) {
            LOG.info("Ub: refused {}: {}", impi, e.getMessage());
            return status(403, "Forbidden", e.reason() + "");
        } catch (IllegalArgumentException e) {
            return status(400, "Bad Request", e.getMessage());
        }
    }

    private HttpResponseMessage challenge(String impi) {
        AuthenticationChallenge c = bsf.challenge(impi);
        String www = "Digest realm=\"" + bsf.domain() + "\", nonce=\"" + AkaDigest.nonce(c.rand(), c.autn())
                + "\", algorithm=" + AkaDigest.ALGORITHM + ", qop=\"" + AkaDigest.QOP + "\"";
        return new HttpResponseMessage(401, "Unauthorized", HttpHeaders.of("WWW-Authenticate", www), Bytes.empty());
    }

    private static HttpResponseMessage status(int code, String reason, String detail) {
        return new HttpResponseMessage(code, reason, HttpHeaders.of("Content-Type", "text/plain; charset=utf-8"),
                Bytes.wrap((detail + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        http.close();
    }
}
