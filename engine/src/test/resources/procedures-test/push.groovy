import org.mbmskeys.engine.dsl.events.Ack

procedure('test.push') {
    description 'Sends a key and waits for its acknowledgement'
    input 'ue', String
    correlateBy 'ue'
    initial 'sending'
    state('sending') {
        onEntry { send 'mikey', "key for ${input('ue')}" }
        on(Ack) { goTo 'done' }
        after(seconds(5)) { retry 2; goTo 'failed' }
    }
    finalState 'done'
    errorState 'failed'
}
