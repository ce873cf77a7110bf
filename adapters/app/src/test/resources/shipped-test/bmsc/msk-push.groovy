procedure('example.push') {
    initial 'pushing'
    state('pushing') { after(seconds(5)) { goTo 'done' } }
    finalState 'done'
}
