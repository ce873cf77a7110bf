import java.time.Duration
import org.mbmskeys.mbms.keymanagement.MskRequestReason
import org.mbmskeys.mbms.keymanagement.xml.MskResponse
import org.mbmskeys.mbms.keymanagement.xml.MskStatus
import org.mbmskeys.mbms.keys.MskRef
import org.mbmskeys.mbms.ue.gba.BootstrapResult
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome
import org.mbmskeys.mbms.ue.procedure.KeyManagementAnswer
import org.mbmskeys.mbms.ue.procedure.UeKeyManagement
import org.mbmskeys.mbms.ue.procedure.UeOutcome

// Basic MSK request: Key Domain ID - MSK ID pairs (Key Number 0 = current) in one HTTP POST; the BM-SC answers
// one status code per pair and delivers the MSKs by MIKEY (ue.mikey-reception receives them). One instance per
// Key Group at a time (key <ue>/msk/<Key Domain ID>/<Key Group>). Operators tune the numbers below.
procedure('ue.msk-request') {
    description 'Requests MSKs from the BM-SC: waits the announced back-off (not for a solicited pull), GBA first when the keys expired, HTTP POST with Digest, repeats failed pairs only after 401 and 503'
    spec 'TS 33.246 §6.3.2.2.1, §6.3.2.2.3, §6.3.2.2.4, §6.3.2.4, Annex G.2.3, Annex G.2.4'
    input 'ue', String
    input 'bmsc', String
    input 'msks', List
    input 'reason', MskRequestReason
    variable 'pending', List                    // the pairs asked for now: the input, then those answered 401/503
    variable 'exchange', KeyManagementExchange
    variable 'backOff', Duration
    variable 'pause', Duration
    variable 'unavailable', Integer, 0
    variable 'rounds', Integer, 0
    variable 'renegotiated', Boolean, false      // GBA run again after a 401 to credentials
    variable 'keyRuns', Integer, 0              // GBA runs because the keys were gone before a POST
    initial 'deciding'

    // §6.3.2.2.1: "The UE shall always (except in the case of a BM-SC solicited pull) wait a period of time as
    // specified by the back-off parameters in the User Service Description (if they are present)".
    state('deciding') {
        onEntry {
            pending = input('msks')
            backOff = service(UeKeyManagement).mskBackOff(input('ue'), (List<MskRef>) pending, input('reason'))
            signal procedure, key, 'begin'
        }
        on(signal('begin')) {
            guard('announced back-off to wait') { !backOff.isZero() && !backOff.isNegative() }
            goTo 'backingOff'
        }
        on(signal('begin')) { goTo 'starting' }
    }

    state('backingOff') {
        after(delay('announced back-off') { backOff }, 'backOff') { goTo 'starting' }
        // A solicited pull for this Key Group arrived meanwhile: it is answered at once.
        on(signal('now')) { goTo 'starting' }
    }

    state('starting') {
        onEntry { signal procedure, key, 'begin' }
        on(signal('begin')) {
            guard('no valid GBA keys') { service(UeKeyManagement).needsBootstrap(input('ue')) }
            goTo 'bootstrapping'
        }
        on(signal('begin')) { goTo 'requesting' }
    }

    state('bootstrapping') {
        onEntry { signal procedure, key, 'bootstrapped', service(UeKeyManagement).bootstrap(input('ue')) }
        on(signal('bootstrapped')) {
            guard('GBA run succeeded') { event.payload instanceof BootstrapResult.Bootstrapped }
            goTo 'requesting'
        }
        on(signal('bootstrapped')) {
            action {
                emit new UeOutcome.KeyManagementFailed(input('ue'), procedure, input('bmsc'), String.valueOf(pending),
                        UeOutcome.Failure.BOOTSTRAP_FAILED, String.valueOf(event.payload))
            }
            goTo 'gaveUp'
        }
    }

    state('requesting') {
        onEntry {
            UeKeyManagement km = service(UeKeyManagement)
            // The keys may be gone since the last try: the Ks_NAF expired during a wait, or another UICC wiped them
            // (§6.1). GBA runs first; the request then goes under the new B-TID.
            if (km.needsBootstrap(input('ue'))) {
                signal procedure, key, 'noKeys'
            } else {
                exchange = exchange == null ? km.requestMsks(input('ue'), input('bmsc'), (List<MskRef>) pending)
                        : km.resend(input('ue'), input('bmsc'), exchange)
                send 'http', km.envelope(input('ue'), input('bmsc'), exchange, procedure, key)
            }
        }
        on(signal('noKeys')) {
            guard('GBA run fewer than 3 times for missing keys') { keyRuns < 3 }
            action { keyRuns = keyRuns + 1 }
            goTo 'bootstrapping'
        }
        on(signal('noKeys')) {   // keys that are not valid even right after GBA (a key lifetime of 0 at the BSF)
            action {
                emit new UeOutcome.KeyManagementFailed(input('ue'), procedure, input('bmsc'), String.valueOf(pending),
                        UeOutcome.Failure.BOOTSTRAP_FAILED, 'GBA keys still not valid after 3 runs')
            }
            goTo 'gaveUp'
        }
        on(KeyManagementAnswer) {
            guard('authenticated 200 to this POST') {
                event.sent() == exchange && event.outcome() instanceof KeyManagementOutcome.Answered
            }
            action {
                MskResponse body = (MskResponse) ((KeyManagementOutcome.Answered) event.outcome()).body()
                emit new UeOutcome.MskRequestAnswered(input('ue'), input('bmsc'), body.msks())
                // §6.3.2.2.1: "The UE may retry failed pairs"; G.2.4: only those answered 401 or 503.
                List<MskRef> again = []
                for (MskStatus s : body.msks()) {
                    if (s.status().ueRetries()) { again.add(s.msk()) }
                }
                pending = again
                exchange = null
                pause = seconds(30)
            }
            goTo 'answered'
        }
        on(KeyManagementAnswer) {
            guard('challenged without credentials, or stale nonce') {
                event.sent() == exchange && ((event.outcome() instanceof KeyManagementOutcome.Challenged
                        && !exchange.authorization().isPresent())
                        || event.outcome() instanceof KeyManagementOutcome.StaleNonce)
            }
            goTo 'requesting'
        }
        // TS 33.220 §4.5.3 and TS 24.109: a 401 with a fresh challenge to a POST that carried credentials is a
        // Bootstrapping Renegotiation Request (the BM-SC's MUK lifetime ran out, TS 33.246 §6.3.2.2.4): GBA runs once
        // more and the POST goes again under the new B-TID. A 401 after that renegotiation is not taken as another.
        on(KeyManagementAnswer) {
            guard('bootstrapping renegotiation: a 401 to credentials, GBA not run again for it yet') {
                event.sent() == exchange && event.outcome() instanceof KeyManagementOutcome.Challenged && !renegotiated
            }
            action { renegotiated = true }
            goTo 'bootstrapping'
        }
        on(KeyManagementAnswer) {
            guard('challenged again after credentials') {
                event.sent() == exchange && event.outcome() instanceof KeyManagementOutcome.Challenged
            }
            action {
                emit new UeOutcome.KeyManagementFailed(input('ue'), procedure, input('bmsc'), String.valueOf(pending),
                        UeOutcome.Failure.NOT_AUTHENTICATED, 'a 401 answered the POST that carried credentials')
            }
            goTo 'gaveUp'
        }
        on(KeyManagementAnswer) {
            guard('503, waited for fewer than 3 times') {
                event.sent() == exchange && event.outcome() instanceof KeyManagementOutcome.Failed
                        && ((KeyManagementOutcome.Failed) event.outcome()).repeatable() && unavailable < 3
            }
            action {
                Optional<Duration> retryAfter = ((KeyManagementOutcome.Failed) event.outcome()).retryAfter()
                pause = retryAfter.isPresent() && retryAfter.get() >= seconds(1) ? retryAfter.get() : seconds(30)
                unavailable = unavailable + 1
            }
            goTo 'unavailable'
        }
        on(KeyManagementAnswer) {
            guard('any other failure of the whole POST') {
                event.sent() == exchange && event.outcome() instanceof KeyManagementOutcome.Failed
            }
            action {
                KeyManagementOutcome.Failed failed = (KeyManagementOutcome.Failed) event.outcome()
                emit new UeOutcome.KeyManagementFailed(input('ue'), procedure, input('bmsc'), String.valueOf(pending),
                        failed.repeatable() ? UeOutcome.Failure.UNAVAILABLE : UeOutcome.Failure.REFUSED,
                        'the BM-SC answered ' + failed.status())
            }
            goTo 'gaveUp'
        }
        // An answer the UE cannot use (no valid Authentication-Info, bad body or challenge) is taken as none: it is
        // reported and the POST is resent when the timer runs out (Annex H step 8: nothing in it is used).
        on(KeyManagementAnswer) {
            guard('an unusable answer to this POST') {
                event.sent() == exchange && event.outcome() instanceof KeyManagementOutcome.Malformed
            }
            action {
                KeyManagementOutcome.Malformed unusable = (KeyManagementOutcome.Malformed) event.outcome()
                emit new UeOutcome.AnswerUnusable(input('ue'), procedure, input('bmsc'), unusable.defect(), unusable.detail())
            }
        }
        after(seconds(10), 'noAnswer') {
            retry 3, backoff: 2.0, max: seconds(60), jitter: 0.1
            action {
                emit new UeOutcome.KeyManagementFailed(input('ue'), procedure, input('bmsc'), String.valueOf(pending),
                        UeOutcome.Failure.NO_ANSWER, 'no usable answer to the POST or its resends')
            }
            goTo 'gaveUp'
        }
    }

    state('unavailable') {
        after(delay('Retry-After') { pause }, 'retryAfter') { goTo 'requesting' }
    }

    state('answered') {
        onEntry { signal procedure, key, 'next' }
        on(signal('next')) {
            guard('pairs to ask again, fewer than 2 rounds') { !pending.isEmpty() && rounds < 2 }
            action { rounds = rounds + 1 }
            goTo 'repeating'
        }
        on(signal('next')) { goTo 'done' }
    }

    state('repeating') {
        after(delay('repeat wait') { pause }, 'repeatWait') { goTo 'requesting' }
    }

    finalState 'done'
    finalState 'gaveUp'
    errorState 'failed'
}
