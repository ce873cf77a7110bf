// Footprint and start rate: the shape of a BM-SC MSK push. A correlation key input, a second input, a
// variable, an entry action with an effect, and a 30 s timer with a bounded retry; an instance spends
// nearly all its life idle in 'waiting'.
procedure('bench.msk-push') {
    description 'Sends an MSK to one UE, then waits up to 30 s for its acknowledgement (3 retries)'
    spec 'TS 33.246 §6.3.2.3 (shape only)'
    input 'ue', String
    input 'mskId', Long
    correlateBy 'ue'
    variable 'attempts', Integer, 0
    initial 'waiting'

    state('waiting') {
        onEntry { attempts = attempts + 1; send 'mikey', input('mskId') }
        on(Ack) { goTo 'delivered' }
        after(seconds(30)) { retry 3; goTo 'failed' }
    }

    finalState 'delivered'
    errorState 'failed'
}
