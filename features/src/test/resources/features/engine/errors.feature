Feature: Errors in actions and guards
  Actions and guards are code, and code throws. The engine must contain the damage to the one instance:
  the instance moves to its procedure's error state with the cause recorded and reported (naming the
  block that threw and its script line, so the author knows where to look), nothing that
  the failed step asked for leaves the engine, its timers stop, and every other instance carries on. A
  script author uses the error state's entry actions to tell someone, and can count on nothing else of
  the failed step having happened.

  Background:
    Given the procedure:
      """groovy
      procedure('fragile') {
          input 'ue', String
          correlateBy 'ue'
          initial 'working'
          state('working') {
              onExit { emit 'exit working' }
              after(seconds(30), 'watchdog') { goTo 'done' }
              on(Answer) {
                  action { send 'out', 'before the failure'; emit 'before the failure' }
                  action { if (event.value == 'boom') { throw new IllegalStateException("no key for ${input('ue')}") } }
                  goTo 'done'
              }
              on(Ping) {
                  guard { if (true) { throw new IllegalArgumentException('the guard broke') }; true }
                  goTo 'done'
              }
          }
          finalState 'done'
          errorState('failed') {
              onEntry { emit "failed in ${state}"; send 'alarm', "${key} failed" }
          }
      }
      """

  Rule: An exception in an action moves the instance to the error state, with the cause recorded and reported

    Example: The action throws; the instance ends in 'failed' and its record says why
      Given fragile[ue-1] is started
      When fragile[ue-1] receives Answer "boom"
      Then fragile[ue-1] ended in state 'failed'
      And fragile[ue-1] failed with "action of transition 'working' -[Answer]-> 'done' at scenario.groovy:10 threw IllegalStateException: no key for ue-1"
      And the trace of fragile[ue-1] is:
        """
        start -> working (enter [working])
        working -[Answer failed: action of transition 'working' -[Answer]-> 'done' at scenario.groovy:10 threw IllegalStateException: no key for ue-1]-> failed
        """

    Example: Listeners hear of the failure, then of the error state's effects, then of the end
      Given fragile[ue-1] is started
      When fragile[ue-1] receives Answer "boom"
      Then the journal shows:
        """
        [0s] fragile[ue-1] working -[Answer failed: action of transition 'working' -[Answer]-> 'done' at scenario.groovy:10 threw IllegalStateException: no key for ue-1]-> failed
        [0s] fragile[ue-1] failed in 'working': java.lang.IllegalStateException: no key for ue-1
        [0s] fragile[ue-1] emit failed in failed
        [0s] fragile[ue-1] send 'alarm': ue-1 failed
        [0s] fragile[ue-1] ended in 'failed'
        """

  Rule: Nothing the failed step asked for is carried out

    Example: The send and the outcomes of the failed step, its exit action's included, are dropped
      Given fragile[ue-1] is started
      When fragile[ue-1] receives Answer "boom"
      Then 0 messages were sent on 'out' in all
      And it emitted, in order:
        | failed in failed |

    Example: Without the exception the same step completes with all its effects
      Given fragile[ue-1] is started
      When fragile[ue-1] receives Answer "fine"
      Then fragile[ue-1] ended in state 'done'
      And it emitted, in order:
        | exit working       |
        | before the failure |
      And the messages sent on 'out' in all were:
        | before the failure |

  Rule: A guard that throws fails the instance the same way

    Example: The guard of Ping throws
      Given fragile[ue-1] is started
      When fragile[ue-1] receives Ping
      Then fragile[ue-1] ended in state 'failed'
      And fragile[ue-1] failed with "guard of transition 'working' -[Ping]-> 'done' at scenario.groovy:14 threw IllegalArgumentException: the guard broke"

  Rule: A failed instance's timers are cancelled

    Example: The watchdog of the failed instance never fires
      Given fragile[ue-1] is started
      When fragile[ue-1] receives Answer "boom"
      Then fragile[ue-1] has no timers
      When the clock reaches 60s
      Then the journal shows nothing

  Rule: The engine and the other instances carry on

    Example: One instance fails, another finishes normally, a third times out
      Given fragile[ue-1] is started
      And fragile[ue-2] is started
      And fragile[ue-3] is started
      And fragile[ue-1] receives Answer "boom"
      When fragile[ue-2] receives Answer "fine"
      Then fragile[ue-2] ended in state 'done'
      When the clock reaches 30s
      Then fragile[ue-3] ended in state 'done'
      And fragile[ue-1] ended in state 'failed'

  Rule: An exception in an entry action fails the instance while it starts

    Example: The initial state's entry action throws
      Given the procedure:
        """groovy
        procedure('doomed') {
            initial 'starting'
            state('starting') {
                onEntry { throw new UnsupportedOperationException('cannot start') }
                on(Go) { goTo 'done' }
            }
            finalState 'done'
            errorState 'failed'
        }
        """
      When the instance is started
      Then the instance ended in state 'failed'
      And the instance failed with "onEntry of state 'starting' at scenario.groovy:4 threw UnsupportedOperationException: cannot start"
      And the trace of the instance is:
        """
        starting -[start failed: onEntry of state 'starting' at scenario.groovy:4 threw UnsupportedOperationException: cannot start]-> failed
        """

  Rule: The recorded failure names the block that threw and the script line it threw on

    Example: The line inside a longer action, a timer's action, and the listeners' view
      Given the procedure:
        """groovy
        procedure('checked') {
            initial 'waiting'
            state('waiting') {
                on(Answer) {
                    action {
                        def reason = "refused: ${event.value}"
                        throw new IllegalStateException(reason)
                    }
                    goTo 'done'
                }
                after(seconds(5)) { action { Integer.parseInt('five') } }
            }
            finalState 'done'
            errorState 'failed'
        }
        """
      And checked[a] is started
      And checked[b] is started
      When checked[a] receives Answer "no"
      Then checked[a] failed with "action of transition 'waiting' -[Answer]-> 'done' at scenario.groovy:7 threw IllegalStateException: refused: no"
      And the journal shows:
        """
        [0s] checked[a] waiting -[Answer failed: action of transition 'waiting' -[Answer]-> 'done' at scenario.groovy:7 threw IllegalStateException: refused: no]-> failed
        [0s] checked[a] failed in 'waiting': java.lang.IllegalStateException: refused: no
        [0s] checked[a] ended in 'failed'
        """
      When the clock reaches 5s
      Then checked[b] ended in state 'failed'
      And checked[b] failed with "action of transition 'waiting' -[timer 'waiting.after1']- (internal) at scenario.groovy:11 threw NumberFormatException: For input string: \"five\""
