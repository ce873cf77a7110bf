Feature: Bounded retries
  A procedure that sends and waits for an answer usually sends again a few times before giving up:
  after(duration) { retry n; goTo 'failed' }. A script author must be able to count the messages a
  retry bound produces (a peer sees every one of them), to see which attempt is running, and to know
  when the count starts again.

  A retry re-enters the state: its exit and entry actions run and its timers are armed afresh, and
  `attempt` counts the retries since the state was last entered from outside.

  Background:
    Given the procedure:
      """groovy
      procedure('resend') {
          initial 'sending'
          state('sending') {
              onEntry { send 'out', "attempt ${attempt}" }
              on(Answer) { goTo 'delivered' }
              on(Pause) { goTo 'paused' }
              after(seconds(5), 'resend') { retry 3; action { emit 'gave up' }; goTo 'undelivered' }
          }
          state('paused') {
              on(Resume) { goTo 'sending' }
          }
          finalState 'delivered'
          finalState 'undelivered'
          errorState 'failed'
      }
      """

  Rule: A timer with retry n re-enters its state n times, then takes its target

    Example: A retry bound of 3 gives exactly 4 sends, then the procedure gives up
      Given the instance is started
      When the clock reaches 15s
      Then the instance is in state 'sending'
      And the messages sent on 'out' in all were:
        | attempt 0 |
        | attempt 1 |
        | attempt 2 |
        | attempt 3 |
      When the clock reaches 20s
      Then the instance ended in state 'undelivered'
      And it emitted "gave up"
      And it sent nothing
      When the clock reaches 60s
      Then 4 messages were sent on 'out' in all
      And the trace of the instance is:
        """
        start -> sending (enter [sending])
        sending -[timer 'resend' retry 1 of sending]-> sending (exit [sending], enter [sending])
        sending -[timer 'resend' retry 2 of sending]-> sending (exit [sending], enter [sending])
        sending -[timer 'resend' retry 3 of sending]-> sending (exit [sending], enter [sending])
        sending -[timer 'resend']-> undelivered (exit [sending], enter [undelivered])
        """

    Scenario Outline: retry <bound> sends <sends> times and gives up at <gives up>
      Given the procedure:
        """groovy
        procedure('bounded') {
            initial 'sending'
            state('sending') {
                onEntry { send 'out', "attempt ${attempt}" }
                after(seconds(5)) { retry <bound>; goTo 'undelivered' }
            }
            finalState 'undelivered'
            errorState 'failed'
        }
        """
      And the instance is started
      When the clock reaches <just before>
      Then the instance is in state 'sending'
      When the clock reaches <gives up>
      Then the instance ended in state 'undelivered'
      And <sends> messages were sent on 'out' in all

      Examples:
        | bound | sends | just before | gives up |
        | 1     | 2     | 9.999s      | 10s      |
        | 2     | 3     | 14.999s     | 15s      |
        | 5     | 6     | 29.999s     | 30s      |

  Rule: An event that leaves the state ends the retries

    Example: An answer between the second and the third send
      Given the instance is started
      And the clock reaches 7s
      When the instance receives Answer "ok"
      Then the instance ended in state 'delivered'
      And the instance has no timers
      When the clock reaches 60s
      Then the messages sent on 'out' in all were:
        | attempt 0 |
        | attempt 1 |

  Rule: The count starts again when the state is entered from outside

    Example: Two retries, a pause, then the full bound again
      Given the instance is started
      And the clock reaches 11s
      And the instance receives Pause
      And the clock reaches 12s
      When the instance receives Resume
      Then the messages sent on 'out' in all were:
        | attempt 0 |
        | attempt 1 |
        | attempt 2 |
        | attempt 0 |
      When the clock reaches 31.999s
      Then the instance is in state 'sending'
      When the clock reaches 32s
      Then the instance ended in state 'undelivered'
      And 7 messages were sent on 'out' in all
