import java.time.Duration
import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse
import org.mbmskeys.mbms.ue.gba.BootstrapResult
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome
import org.mbmskeys.mbms.ue.procedure.KeyManagementAnswer
import org.mbmskeys.mbms.ue.procedure.LifecycleStep
import org.mbmskeys.mbms.ue.procedure.UeKeyManagement
import org.mbmskeys.mbms.ue.procedure.UeLifecycle
import org.mbmskeys.mbms.ue.procedure.UeOutcome
import org.mbmskeys.mbms.ue.registration.RegistrationAction

// MBMS User Service Registration: one HTTP POST to one BM-SC listing one or more service IDs, answered with
// one status code per service. Operators tune the numbers below (timers, retries, waits); the rest is the
// clause's flow.
procedure('ue.registration') {
    description 'Registers the UE to MBMS User Services at one BM-SC: HTTP POST with Digest (GBA first when needed), per-service status codes, repeats only after 401 and 503'
    spec 'TS 33.246 §6.3.2.1A, §6.3.2.4, Annex G.2.4, Annex H'
    input 'ue', String
    input 'request', RegistrationAction
    variable 'pending', RegistrationAction      // the services asked for now: the request, then its repeats
    variable 'exchange', KeyManagementExchange  // the POST in flight; resent as is after 401, stale nonce, 503, no answer
    variable 'pause', Duration                  // how long to wait before the next try
    variable 'unavailable', Integer, 0          // 503s waited for
    variable 'rounds', Integer, 0               // repeats for services answered 401 or 503 in the body
    variable 'renegotiated', Boolean, false      // GBA run again after a 401 to credentials
    variable 'keyRuns', Integer, 0              // GBA runs because the keys were gone before a POST
    initial 'starting'

    state('starting') {
        onEntry {
            pending = input('request')
            signal procedure, key, 'begin'
        }
        on(signal('begin')) {
            guard('no valid GBA keys') { service(UeKeyManagement).needsBootstrap(input('ue')) }
            goTo 'bootstrapping'
        }
        on(signal('begin')) { goTo 'requesting' }
    }

    // "Without valid keys it runs GBA with the home BSF" (§6.1).
    state('bootstrapping') {
        onEntry { signal procedure, key, 'bootstrapped', service(UeKeyManagement).bootstrap(input('ue')) }
        on(signal('bootstrapped')) {
            guard('GBA run succeeded') { event.payload instanceof BootstrapResult.Bootstrapped }
            goTo 'requesting'
        }
        on(signal('bootstrapped')) {
            action {
                LifecycleStep step = service(UeLifecycle).gaveUp(input('ue'), pending, UeOutcome.Failure.BOOTSTRAP_FAILED,
                        String.valueOf(event.payload))
                for (UeOutcome o : step.outcomes()) { emit o }
            }
            goTo 'gaveUp'
        }
    }

    state('requesting') {
        onEntry {
            UeKeyManagement km = service(UeKeyManagement)
            // Not sent (again) once nothing waits for it: the user left, the UE powered down, or another UICC made it
            // forget the services (§6.1) meanwhile.
            if (!service(UeLifecycle).awaited(input('ue'), pending)) {
                signal procedure, key, 'notAwaited'
            // The keys may be gone since the last try: the Ks_NAF expired during a wait. GBA runs first; the request
            // then goes under the new B-TID.
            } else if (km.needsBootstrap(input('ue'))) {
                signal procedure, key, 'noKeys'
            } else {
                String bmsc = pending.bmsc().value()
                exchange = exchange == null ? km.post(input('ue'), pending) : km.resend(input('ue'), bmsc, exchange)
                send 'http', km.envelope(input('ue'), bmsc, exchange, procedure, key)
            }
        }
        on(signal('notAwaited')) { goTo 'abandoned' }
        on(signal('noKeys')) {
            guard('GBA run fewer than 3 times for missing keys') { keyRuns < 3 }
            action { keyRuns = keyRuns + 1 }
            goTo 'bootstrapping'
        }
        on(signal('noKeys')) {   // keys that are not valid even right after GBA (a key lifetime of 0 at the BSF)
            action {
                LifecycleStep step = service(UeLifecycle).gaveUp(input('ue'), pending, UeOutcome.Failure.BOOTSTRAP_FAILED,
                        'GBA keys still not valid after 3 runs')
                for (UeOutcome o : step.outcomes()) { emit o }
            }
            goTo 'gaveUp'
        }
        on(KeyManagementAnswer) {
            guard('authenticated 200 to this POST') {
                event.sent() == exchange && event.outcome() instanceof KeyManagementOutcome.Answered
            }
            action {
                KeyManagementOutcome.Answered answered = (KeyManagementOutcome.Answered) event.outcome()
                LifecycleStep step = service(UeLifecycle).answered(input('ue'), pending,
                        (RegisterResponse) answered.body())
                for (UeOutcome o : step.outcomes()) { emit o }
                pending = step.requests().isEmpty() ? null : step.requests().get(0)
                exchange = null
                pause = seconds(30)                  // G.2.4 gives no wait for a 401/503 in the body
            }
            goTo 'answered'
        }
        // Annex H steps 2-4: the first POST is challenged; a stale nonce is answered with the new one.
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
        // A 401 to credentials: the BM-SC does not take the UE's key (wrong MRK, unknown B-TID).
        on(KeyManagementAnswer) {
            guard('challenged again after credentials') {
                event.sent() == exchange && event.outcome() instanceof KeyManagementOutcome.Challenged
            }
            action {
                LifecycleStep step = service(UeLifecycle).gaveUp(input('ue'), pending,
                        UeOutcome.Failure.NOT_AUTHENTICATED, 'a 401 answered the POST that carried credentials')
                for (UeOutcome o : step.outcomes()) { emit o }
            }
            goTo 'gaveUp'
        }
        // G.2.4: 503 is repeated after Retry-After.
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
        // G.2.4: nothing else is repeated (403, 404, 505, ...).
        on(KeyManagementAnswer) {
            guard('any other failure of the whole POST') {
                event.sent() == exchange && event.outcome() instanceof KeyManagementOutcome.Failed
            }
            action {
                KeyManagementOutcome.Failed failed = (KeyManagementOutcome.Failed) event.outcome()
                LifecycleStep step = failed.repeatable()
                        ? service(UeLifecycle).gaveUp(input('ue'), pending, UeOutcome.Failure.UNAVAILABLE,
                                "still " + failed.status() + " after " + unavailable + " waits")
                        : service(UeLifecycle).failed(input('ue'), pending, failed.status())
                for (UeOutcome o : step.outcomes()) { emit o }
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
                emit new UeOutcome.AnswerUnusable(input('ue'), procedure, pending.bmsc().value(), unusable.defect(), unusable.detail())
            }
        }
        // No answer: send again, backing off, then give up.
        after(seconds(10), 'noAnswer') {
            retry 3, backoff: 2.0, max: seconds(60), jitter: 0.1
            action {
                LifecycleStep step = service(UeLifecycle).gaveUp(input('ue'), pending, UeOutcome.Failure.NO_ANSWER,
                        'no usable answer to the POST or its resends')
                for (UeOutcome o : step.outcomes()) { emit o }
            }
            goTo 'gaveUp'
        }
    }

    state('unavailable') {
        after(delay('Retry-After') { pause }, 'retryAfter') { goTo 'requesting' }
    }

    // Services answered 401 or 503 in the body are asked for again, a few times.
    state('answered') {
        onEntry { signal procedure, key, 'next' }
        on(signal('next')) {
            guard('services to ask again, fewer than 3 rounds') { pending != null && rounds < 3 }
            action { rounds = rounds + 1 }
            goTo 'repeating'
        }
        on(signal('next')) {
            guard('services left to ask') { pending != null }
            action {
                LifecycleStep step = service(UeLifecycle).gaveUp(input('ue'), pending, UeOutcome.Failure.UNAVAILABLE,
                        'services still answered 401 or 503 after ' + rounds + ' repeats')
                for (UeOutcome o : step.outcomes()) { emit o }
            }
            goTo 'gaveUp'
        }
        on(signal('next')) { goTo 'done' }
    }

    state('repeating') {
        after(delay('repeat wait') { pause }, 'repeatWait') { goTo 'requesting' }
    }

    finalState 'done'
    finalState 'gaveUp'
    finalState 'abandoned'   // nothing waited for the request any more
    errorState 'failed'
}
