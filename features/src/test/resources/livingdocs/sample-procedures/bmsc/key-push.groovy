// A sample procedure for the living docs' own tests: every kind of thing a diagram draws, and text that
// needs escaping in HTML and in PlantUML. Not a real TS 33.246 procedure.
import org.mbmskeys.features.engine.events.Answer
import org.mbmskeys.features.engine.events.Go
import org.mbmskeys.features.engine.events.Ping

procedure('sample.key-push') {
    description 'Pushes a key <MSK> & waits -- "politely" -- for the UE\'s answer'
    spec 'TS 33.246 §6.3.2.1A, §6.3.2.3 and Annex G'
    input 'ue', String
    correlateBy 'ue'
    initial 'delivery'

    state('delivery') {
        initial 'sending'
        on(signal('cancel')) { goTo 'cancelled' }
        after(seconds(60), 'overall') { goTo 'failed' }

        state('sending') {
            onEntry { send 'mikey', "key for ${input('ue')}" }
            on(Answer) { guard('answer is ok') { event.value() == 'ok' }; goTo 'key.confirmed' }
            on(Answer) { guard { event.value() == 'later' }; goTo 'waiting' }
            on(Ping) { action { reply 'pong' } }
            after(seconds(2)) { retry 4, backoff: 2.0, max: seconds(30), jitter: 0.1; goTo 'failed' }
        }
        state('waiting') {
            on(Go) { goTo 'sending' }
        }
    }

    finalState 'key.confirmed'
    finalState 'cancelled'
    errorState 'failed'
}
