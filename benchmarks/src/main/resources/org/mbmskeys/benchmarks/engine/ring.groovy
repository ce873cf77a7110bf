// Throughput: three states in a ring on one typed event. No actions, guards, timers or effects, so a
// step is the engine's own work only: lane hand-off, record lookup, transition choice, exit, entry, save.
procedure('bench.ring') {
    description 'Three states in a ring: a -> b -> c -> a, each on an Advance event'
    initial 'a'
    state('a') { on(Advance) { goTo 'b' } }
    state('b') { on(Advance) { goTo 'c' } }
    state('c') { on(Advance) { goTo 'a' } }
}
