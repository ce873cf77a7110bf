import org.mbmskeys.features.engine.events.Go

procedure('sample.flat') {
    description 'Goes from idle to done'
    spec 'RFC 3830 §5.1'
    initial 'idle'
    state('idle') {
        on(Go) { goTo 'done' }
    }
    finalState 'done'
}
