procedure('tools.broken') {
    initial 'waiting'
    state('waiting') {
        on(signal('go')) { goTo 'dnoe' }
        after(seconds(1)) { rety 2; goTo 'done' }
    }
    state('island') {
        on(signal('back')) { goTo 'waiting' }
    }
    finalState 'done'
}
