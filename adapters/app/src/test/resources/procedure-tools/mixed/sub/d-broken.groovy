procedure('mixed.d') {
    initial 'a'
    state('a') { }
    finalState 'done'
}
