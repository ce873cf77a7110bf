Feature: Timers
  A procedure waits with after(duration): a timer armed when its state is entered, cancelled when the
  state is left, and restartable. Timers are data: each armed timer is a deadline in the instance's
  record, not a scheduled task, so an idle instance costs a few bytes and its timers survive a restart.
  A script author needs to know exactly when a timer fires: which transitions re-arm it, which leave it
  running, and how a timer of an enclosing state behaves while the instance moves inside it.

  Time here is virtual: it moves only when a step says so, and is written as the time since the
  scenario began.

  Rule: A timer is armed on entry to its state and fires once its delay has passed

    Background:
      Given the procedure:
        """groovy
        procedure('timer') {
            initial 'waiting'
            state('waiting') {
                after(seconds(5), 'answer') { action { emit 'timed out' }; goTo 'expired' }
                on(Ping) { action { emit 'ping' } }
                on(Go) { goTo 'waiting' }
                on(Answer) { action { restartTimer 'answer' } }
                on(Pause) { goTo 'paused' }
            }
            state('paused') {
                on(Resume) { goTo 'waiting' }
            }
            finalState 'expired'
            errorState 'failed'
        }
        """

    Example: The deadline is in the record, and the timer fires exactly at it
      When the instance is started
      Then the instance has a timer 'answer' due at 5s
      When the clock reaches 4.999s
      Then the instance is in state 'waiting'
      When the clock reaches 5s
      Then the instance ended in state 'expired'
      And it emitted "timed out"
      And the trace of the instance is:
        """
        start -> waiting (enter [waiting])
        waiting -[timer 'answer']-> expired (exit [waiting], enter [expired])
        """

    Example: Leaving the state cancels its timer; entering it again arms it afresh
      Given the instance is started
      And the clock reaches 3s
      When the instance receives Pause
      Then the instance has no timers
      When the clock reaches 60s
      Then the instance is in state 'paused'
      When the instance receives Resume
      Then the instance has a timer 'answer' due at 65s

    Example: An internal transition leaves the timer running: it still fires at 5s
      Given the instance is started
      And the clock reaches 3s
      When the instance receives Ping
      Then it emitted "ping"
      And the instance has a timer 'answer' due at 5s
      When the clock reaches 5s
      Then the instance ended in state 'expired'

    Example: A self-transition exits and re-enters the state, so its timer starts again
      Given the instance is started
      And the clock reaches 3s
      When the instance receives Go
      Then the instance has a timer 'answer' due at 8s
      When the clock reaches 7.999s
      Then the instance is in state 'waiting'
      When the clock reaches 8s
      Then the instance ended in state 'expired'

    Example: restartTimer re-arms a timer from now without leaving the state
      Given the instance is started
      And the clock reaches 3s
      When the instance receives Answer "later"
      Then the instance has a timer 'answer' due at 8s
      And the trace of the instance is:
        """
        start -> waiting (enter [waiting])
        waiting -[Answer]- (internal)
        """
      When the clock reaches 5s
      Then the instance is in state 'waiting'
      When the clock reaches 8s
      Then the instance ended in state 'expired'

  Rule: A timer of an enclosing state keeps running while the instance moves between its children

    Background:
      Given the procedure:
        """groovy
        procedure('session') {
            initial 'open'
            state('open') {
                initial 'idle'
                after(seconds(10), 'session') { goTo 'closed' }
                state('idle') {
                    on(Go) { goTo 'busy' }
                }
                state('busy') {
                    after(seconds(2), 'work') { goTo 'idle' }
                }
            }
            finalState 'closed'
        }
        """

    Example: The child's timer comes and goes; the session timer fires at 10s from wherever the instance is
      Given the instance is started
      And the clock reaches 3s
      And the instance receives Go
      And the clock reaches 9s
      When the instance receives Go
      Then the instance has a timer 'session' due at 10s
      And the instance has a timer 'work' due at 11s
      When the clock reaches 10s
      Then the instance ended in state 'closed'
      And the trace of the instance is:
        """
        start -> idle (enter [open, idle])
        idle -[Go]-> busy (exit [idle], enter [busy])
        busy -[timer 'work']-> idle (exit [busy], enter [idle])
        idle -[Go]-> busy (exit [idle], enter [busy])
        busy -[timer 'session' @open]-> closed (exit [busy, open], enter [closed])
        """
      And the journal shows:
        """
        [10s] session[test] busy -[timer 'session' @open]-> closed (exit [busy, open], enter [closed])
        [10s] session[test] ended in 'closed'
        """

  Rule: A timer's delay may be computed from the instance each time the timer is armed

    A delay that depends on the instance or the world (an announced back-off, a server's Retry-After) is
    written after(delay('what it is') { duration }): the block reads like a guard and gives a duration,
    and it runs again at each arming, retries included.

    Background:
      Given the procedure:
        """groovy
        procedure('backoff') {
            input 'wait', String
            initial 'waiting'
            state('waiting') {
                onEntry { send 'out', "asked at attempt ${attempt}" }
                after(delay('announced back-off') { seconds((input('wait') as long) * (attempt + 1)) }, 'backOff') {
                    retry 1
                    goTo 'asking'
                }
            }
            finalState 'asking'
            errorState 'failed'
        }
        """

    Example: The first wait is the announced one, the retry's is computed again
      When the instance is started with:
        | wait | 10 |
      Then the instance has a timer 'backOff' due at 10s
      When the clock reaches 10s
      Then the instance has a timer 'backOff' due at 30s
      When the clock reaches 30s
      Then the instance ended in state 'asking'
      And 2 messages were sent on 'out' in all

    Example: A delay that is not positive fails the instance into its error state
      When the instance is started with:
        | wait | 0 |
      Then the instance ended in state 'failed'
