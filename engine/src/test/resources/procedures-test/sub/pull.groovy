import org.mbmskeys.engine.dsl.events.Ping

procedure('test.pull') {
    initial 'waiting'
    state('waiting') {
        on(Ping) { action { reply 'pong' }; goTo 'done' }
    }
    finalState 'done'
    errorState 'failed'
}
