procedure('mixed.b') {
    desription 'typo'
    initial 'a'
    state('a') { on(signal('go')) { goTo 'done' } }
    finalState 'done'
}
