procedure('mixed.a') {
    initial 'a'
    state('a') { on(signal('go')) { goTo 'done' } }
    finalState 'done'
}
