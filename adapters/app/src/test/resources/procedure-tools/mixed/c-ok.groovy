procedure('mixed.c') {
    initial 'a'
    state('a') { after(seconds(1)) { goTo 'done' } }
    finalState 'done'
}
