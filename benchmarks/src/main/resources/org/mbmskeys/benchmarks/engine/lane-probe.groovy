// Not measured: tells the benchmarks which lane thread runs which key, so they can wait for every lane.
procedure('bench.lane-probe') {
    description 'Records the thread that runs its key, then waits to be told it is done'
    initial 'probed'
    state('probed') {
        onEntry { LaneProbe.ranOn(key) }
        on(signal('done')) { goTo 'done' }
    }
    finalState 'done'
    errorState 'failed'
}
