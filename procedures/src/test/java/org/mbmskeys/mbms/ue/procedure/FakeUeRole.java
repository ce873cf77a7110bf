package org.mbmskeys.mbms.ue.procedure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.dsl.ProcedureCompiler;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.digest.DigestChallenge;
import org.mbmskeys.mbms.digest.DigestClient;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.simulated.BootstrappingFailure;
import org.mbmskeys.mbms.keymanagement.GbaUserAgent;
import org.mbmskeys.mbms.keymanagement.MskRequestReason;
import org.mbmskeys.mbms.keymanagement.xml.DeregistrationRequest;
import org.mbmskeys.mbms.keymanagement.xml.MskRequestBody;
import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.gba.BootstrapResult;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementClient;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.reception.Reception;
import org.mbmskeys.mbms.ue.registration.RegistrationAction;

/**
 * The UE role services as fakes for script tests: a real {@link KeyManagementClient} builds the requests (so
 * resends carry credentials once a challenge was seen), everything else answers what the test set and records
 * what the script asked.
 */
final class FakeUeRole implements UeKeyManagement, UeLifecycle, UeMikey {

    static final String BMSC = "bmsc.example.org";
    static final String CHALLENGE = "Digest realm=\"3GPP-bootstrapping@bmsc.example.org\", nonce=\"bm9uY2Ux\", "
            + "qop=\"auth-int\", algorithm=MD5";

    final DigestClient digest = new DigestClient("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org",
            SecretBytes.ofHex("00112233445566778899aabbccddeeff"), DigestRealm.bootstrapping(BMSC), seeded(7));
    final KeyManagementClient client = new KeyManagementClient(BMSC + ":80", digest,
            GbaUserAgent.with("test"), () -> Instant.EPOCH);

    boolean needsBootstrap;
    /** What {@link #awaited} answers: false once the test's user left, or another card came. */
    boolean awaited = true;
    boolean bootstrapFails;
    /** GBA "succeeds" but its keys are not valid even then (a key lifetime of 0 at the BSF). */
    boolean keysStayInvalid;
    int bootstraps;
    Duration backOff = Duration.ZERO;
    final List<KeyManagementExchange> exchanges = new ArrayList<>();
    final List<String> lifecycle = new ArrayList<>();
    final Deque<LifecycleStep> steps = new ArrayDeque<>();
    Reception reception;
    Optional<MskRequestPlan> plan = Optional.empty();

    // ------------------------------------------------------------------------------------ compile once

    private static final ProcedureCompiler COMPILER = ProcedureCompiler.standard();

    static ProcedureDefinition script(String file) {
        try (var in = FakeUeRole.class.getClassLoader().getResourceAsStream("procedures/ue/" + file)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return COMPILER.compile(file, text).orThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static RandomBytes seeded(long seed) {
        return RandomBytes.seeded(seed);
    }

    // ------------------------------------------------------------------------------------ answers a test sends

    /** A 401 with a challenge, as the client's interpret would leave it: the nonce is adopted. */
    KeyManagementOutcome challenge() {
        DigestChallenge c = digest.onChallenge(List.of(CHALLENGE));
        return new KeyManagementOutcome.Challenged(c);
    }

    KeyManagementExchange last() {
        return exchanges.get(exchanges.size() - 1);
    }

    KeyManagementAnswer answer(KeyManagementOutcome outcome) {
        return new KeyManagementAnswer(last(), outcome);
    }

    // ------------------------------------------------------------------------------------ UeKeyManagement

    @Override
    public boolean needsBootstrap(String ue) {
        return needsBootstrap;
    }

    @Override
    public BootstrapResult bootstrap(String ue) {
        bootstraps++;
        if (bootstrapFails) {
            return new BootstrapResult.Failed(BootstrappingFailure.values()[0], "the BSF said no");
        }
        needsBootstrap = keysStayInvalid;
        return new BootstrapResult.Bootstrapped(BTid.parse("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org"),
                Instant.EPOCH.plusSeconds(3600), List.of());
    }

    @Override
    public KeyManagementExchange post(String ue, RegistrationAction request) {
        KeyManagementExchange e = request instanceof RegistrationAction.Register
                ? client.register(new RegistrationRequest(request.serviceIds()))
                : client.deregister(new DeregistrationRequest(request.serviceIds()));
        exchanges.add(e);
        return e;
    }

    @Override
    public KeyManagementExchange requestMsks(String ue, String bmsc, List<MskRef> msks) {
        KeyManagementExchange e = client.requestMsks(new MskRequestBody(msks));
        exchanges.add(e);
        return e;
    }

    @Override
    public KeyManagementExchange resend(String ue, String bmsc, KeyManagementExchange previous) {
        KeyManagementExchange e = client.resend(previous);
        exchanges.add(e);
        return e;
    }

    @Override
    public Envelope envelope(String ue, String bmsc, KeyManagementExchange exchange, String procedure, Object key) {
        return Envelope.of(Endpoint.of(ue, 49152), Endpoint.of(bmsc, 80), exchange.body()).withReplyHandle(p -> { });
    }

    @Override
    public Duration mskBackOff(String ue, List<MskRef> msks, MskRequestReason reason) {
        return reason == MskRequestReason.SOLICITED_PULL ? Duration.ZERO : backOff;
    }

    // ------------------------------------------------------------------------------------ UeLifecycle

    private LifecycleStep next(String call) {
        lifecycle.add(call);
        return steps.isEmpty() ? LifecycleStep.none() : steps.removeFirst();
    }

    @Override
    public LifecycleStep use(String ue, String serviceId) {
        return next("use " + serviceId);
    }

    @Override
    public LifecycleStep leave(String ue, String serviceId) {
        return next("leave " + serviceId);
    }

    @Override
    public LifecycleStep powerOn(String ue) {
        return next("powerOn");
    }

    @Override
    public LifecycleStep powerDown(String ue) {
        return next("powerDown");
    }

    @Override
    public LifecycleStep connectionLost(String ue) {
        return next("connectionLost");
    }

    @Override
    public LifecycleStep uiccChanged(String ue, UiccId uicc) {
        return next("uiccChanged " + uicc);
    }

    @Override
    public boolean awaited(String ue, RegistrationAction request) {
        return awaited;
    }

    @Override
    public LifecycleStep answered(String ue, RegistrationAction request, RegisterResponse body) {
        return next("answered " + body.codes());
    }

    @Override
    public LifecycleStep failed(String ue, RegistrationAction request, int status) {
        return next("failed " + status);
    }

    @Override
    public LifecycleStep gaveUp(String ue, RegistrationAction request, UeOutcome.Failure failure, String detail) {
        lifecycle.add("gaveUp " + failure);
        return new LifecycleStep(List.of(), List.of(new UeOutcome.KeyManagementFailed(ue, "ue.registration",
                request.bmsc().value(), String.join(" ", request.serviceIds()), failure, detail)));
    }

    // ------------------------------------------------------------------------------------ UeMikey

    @Override
    public Reception receive(MikeyDatagram datagram) {
        return reception;
    }

    @Override
    public Envelope answer(MikeyDatagram received, Bytes verification) {
        return Envelope.of(Endpoint.of(received.ue(), 2269), received.from(), verification);
    }

    @Override
    public Optional<MskRequestPlan> mskRequestFor(String ue, Reception.MskRequestNeeded needed) {
        return plan;
    }

    @Override
    public List<UeOutcome> outcomes(MikeyDatagram datagram, Reception r) {
        return List.of(new UeOutcome.ServiceNotAccessible(datagram.ue(), "marker", r.getClass().getSimpleName()));
    }
}
