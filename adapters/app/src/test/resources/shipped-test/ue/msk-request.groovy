procedure('example.msk-request') {
    initial 'requesting'
    state('requesting') { on(signal('answered')) { goTo 'done' } }
    finalState 'done'
}
