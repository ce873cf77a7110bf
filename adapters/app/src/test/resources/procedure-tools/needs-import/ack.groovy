procedure('tools.ack') {
    initial 'waiting'
    state('waiting') { on(TestAck) { guard { event.ok() }; goTo 'done' } }
    finalState 'done'
    errorState 'failed'
}
