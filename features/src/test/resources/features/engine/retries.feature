Feature: Bounded retries
  A procedure that sends and waits for an answer usually sends again a few times before giving up:
  after(duration) { retry n; goTo 'failed' }. A script author must be able to count the messages a
  retry bound produces (a peer sees every one of them), to see which attempt is running, and to know
  when the count starts again.

  A retry re-enters the state: its exit and entry actions run and its timers are armed afresh, and
  `attempt` counts the retries since the state was last entered from outside.

  A peer that is down or overloaded should not be asked again at the same pace (TS 33.246 MSK requests
  and push retransmissions back off): `retry 4, backoff: 2.0, max: seconds(30), jitter: 0.1` makes the
  n-th retry wait the timer's delay times 2^n, at most 30 s, moved by up to ±10% at random.

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

  Rule: With backoff, each retry waits the timer's delay times the factor to the power of the retry's number, at most max

    Example: after(seconds(2)) { retry 4, backoff: 2.0, max: seconds(30) } sends at 0, 2, 6, 14 and 30s, and gives up at 60s
      Given the procedure:
        """groovy
        procedure('backing-off') {
            initial 'requesting'
            state('requesting') {
                onEntry { send 'out', "attempt ${attempt}" }
                on(Answer) { goTo 'delivered' }
                after(seconds(2)) { retry 4, backoff: 2.0, max: seconds(30); goTo 'undelivered' }
            }
            finalState 'delivered'
            finalState 'undelivered'
            errorState 'failed'
        }
        """
      And the instance is started
      When the clock reaches 59.999s
      Then the messages sent on 'out' in all were:
        | attempt 0 |
        | attempt 1 |
        | attempt 2 |
        | attempt 3 |
        | attempt 4 |
      And the instance has a timer 'requesting.after1' due at 60s
      When the clock reaches 60s
      Then the instance ended in state 'undelivered'

    Example: The cap holds every later retry at max: 1, 3, 9, then 10s each
      Given the procedure:
        """groovy
        procedure('capped') {
            initial 'requesting'
            state('requesting') {
                onEntry { send 'out', "attempt ${attempt}" }
                after(seconds(1)) { retry 5, backoff: 3, max: seconds(10); goTo 'undelivered' }
            }
            finalState 'undelivered'
            errorState 'failed'
        }
        """
      And the instance is started
      When the clock reaches 13s
      Then 4 messages were sent on 'out' in all
      And the instance has a timer 'requesting.after1' due at 23s
      When the clock reaches 33s
      Then 6 messages were sent on 'out' in all
      And the instance has a timer 'requesting.after1' due at 43s
      When the clock reaches 43s
      Then the instance ended in state 'undelivered'

  Rule: Jitter moves each retry's delay by up to its fraction, drawn from the engine's random source

    Example: retry 3, jitter: 0.5 on a 2s timer: every retry waits between 1s and 3s, as the test's seeded random bytes say
      Given the procedure:
        """groovy
        procedure('jittery') {
            initial 'requesting'
            state('requesting') {
                onEntry { send 'out', "attempt ${attempt}" }
                after(seconds(2)) { retry 3, jitter: 0.5; goTo 'undelivered' }
            }
            finalState 'undelivered'
            errorState 'failed'
        }
        """
      And the instance is started
      When the clock reaches 2s
      Then the instance has a timer 'requesting.after1' due at 3.678s
      When the clock reaches 3.678s
      Then the instance has a timer 'requesting.after1' due at 5.335s
      When the clock reaches 11s
      Then the instance ended in state 'undelivered'
      And 4 messages were sent on 'out' in all

  Rule: Back-off options are checked when the script loads

    Example: A factor below 1, a cap below the delay, a jitter of 1 and a misspelt option
      Given the procedure script 'hasty.groovy':
        """groovy
        procedure('hasty') {
            initial 'requesting'
            state('requesting') {
                after(seconds(2)) { retry 4, backoff: 0.5; goTo 'given-up' }
                after(seconds(2), 'b') { retry 4, backoff: 2, max: seconds(1); goTo 'given-up' }
                after(seconds(2), 'c') { retry 4, jitter: 1; goTo 'given-up' }
                after(seconds(2), 'd') { retry 4, backof: 2; goTo 'given-up' }
            }
            finalState 'given-up'
        }
        """
      When the engine tries to load its procedures from that directory
      Then loading failed with:
        """
        hasty.groovy:4:29: retry backoff: 0.5 is not valid: the back-off factor multiplies the delay for each retry and is a number of at least 1, as in retry 4, backoff: 2.0
        hasty.groovy:5:34: retry max: 1s is shorter than the timer's delay 2s: the longest delay of a retry is at least the timer's own
        hasty.groovy:6:34: retry jitter: 1 is not valid: jitter is the fraction of each retry's delay it may move by at random, from 0 up to (not including) 1, as in jitter: 0.1
        hasty.groovy:7:34: unknown retry option 'backof'; did you mean 'backoff'? retry options: backoff, jitter, max
        4 problems in 1 file
        """
