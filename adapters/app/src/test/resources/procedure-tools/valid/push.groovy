procedure('tools.push') {
    description 'Sends a key and waits for the acknowledgement'
    spec 'TS 33.246 §6.3.2.3'
    input 'ue', String
    correlateBy 'ue'
    initial 'delivering'

    state('delivering') {
        initial 'sending'
        on(signal('cancel')) { goTo 'cancelled' }
        state('sending') {
            onEntry { send 'mikey', "key for ${input('ue')}" }
            on(signal('sent')) { goTo 'awaiting-ack' }
        }
        state('awaiting-ack') {
            on(signal('ack')) { guard { event.payload() == 'ok' }; goTo 'done' }
            on(signal('nack')) { guard('not the last try') { attempt < 2 }; goTo 'sending' }
            after(seconds(5)) { retry 3; goTo 'unacknowledged' }
        }
    }
    finalState 'done'
    finalState 'cancelled'
    finalState 'unacknowledged'
    errorState 'failed'
}
