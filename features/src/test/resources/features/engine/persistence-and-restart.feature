Feature: Persistence and restart with pending timers
  An instance is a record in an InstanceStore: definition and version, state, inputs and variables,
  armed deadlines, retry counters. Nothing else holds it: no machine object, no scheduled task. So a new
  engine on the same store picks every instance up where it was, and a timer whose deadline passed while
  no engine ran fires once when an engine runs again. A script author can therefore write long waits
  (a key lifetime, a re-registration period) without caring whether the process restarts meanwhile.

  Each rule runs on the in-memory store (the default), on a durable store, one that keeps name-based
  copies of the records as a database does, so that the new engine must rebuild every instance from
  what was saved, and on the H2 store, the JDBC adapter's on an H2 file, which the new engine opens anew as
  a new process would.

  Background:
    Given the procedure:
      """groovy
      procedure('lease') {
          input 'ue', String
          correlateBy 'ue'
          variable 'renewals', Integer, 0
          initial 'active'
          state('active') {
              after(seconds(10), 'renew') {
                  action { renewals = renewals + 1; send 'out', "renewal ${renewals} of ${key}" }
                  goTo 'active'
              }
              on(Stop) { goTo 'released' }
              on(Pause) { goTo 'suspended' }
          }
          state('suspended') {
              on(Resume) { goTo 'active' }
          }
          finalState 'released'
          errorState 'failed'
      }
      """

  Rule: The store holds each live instance's record, deadlines included, and forgets an instance that ended

    Scenario Outline: What <store> holds
      Given instances are kept in <store>
      And lease[ue-1] is started
      And lease[ue-2] is started
      When the clock reaches 12s
      And lease[ue-2] receives Stop
      Then the store holds lease[ue-1] in state 'active'
      And the stored record of lease[ue-1] has a timer 'renew' due at 20s
      And the stored record of lease[ue-1] has variable 'renewals' = "1"
      And the store holds no record of lease[ue-2]

      Examples:
        | store               |
        | the in-memory store |
        | a durable store     |
        | the H2 store        |

  Rule: A new engine on the same store continues each instance where it was

    Scenario Outline: State and variables survive a restart on <store>
      Given instances are kept in <store>
      And lease[ue-1] is started
      And lease[ue-2] is started
      And the clock reaches 10s
      And lease[ue-2] receives Pause
      When the engine restarts
      Then lease[ue-1] is in state 'active'
      And variable 'renewals' of lease[ue-1] is "1"
      And lease[ue-2] is in state 'suspended'
      And lease[ue-1] runs version 1
      When lease[ue-2] receives Resume
      Then lease[ue-2] has a timer 'renew' due at 20s

      Examples:
        | store               |
        | the in-memory store |
        | a durable store     |
        | the H2 store        |

  Rule: A timer still ahead at the restart fires on time

    Scenario Outline: The renewal due at 10s fires at 10s on <store>
      Given instances are kept in <store>
      And lease[ue-1] is started
      And the clock reaches 3s
      When the engine restarts
      And the clock reaches 9.999s
      Then 0 messages were sent on 'out' in all
      When the clock reaches 10s
      Then the messages sent on 'out' in all were:
        | renewal 1 of ue-1 |

      Examples:
        | store               |
        | the in-memory store |
        | a durable store     |
        | the H2 store        |

  Rule: A timer that fell due while no engine ran fires exactly once when an engine runs again, then runs on from then

    Scenario Outline: Two renewals missed while the engine was down for 25s on <store>
      Given instances are kept in <store>
      And lease[ue-1] is started
      And the clock reaches 12s
      And the engine stops
      And the clock reaches 37s
      When the engine starts again
      Then the journal shows:
        """
        [37s] engine started
        [37s] lease[ue-1] active -[timer 'renew']-> active (exit [active], enter [active])
        [37s] lease[ue-1] send 'out': renewal 2 of ue-1
        """
      And lease[ue-1] has a timer 'renew' due at 47s
      When the clock reaches 47s
      Then the messages sent on 'out' in all were:
        | renewal 1 of ue-1 |
        | renewal 2 of ue-1 |
        | renewal 3 of ue-1 |

      Examples:
        | store               |
        | the in-memory store |
        | a durable store     |
        | the H2 store        |

  Rule: Retry counters are part of the record and survive a restart

    Scenario Outline: Two retries before the restart, one after it, then the procedure gives up, on <store>
      Given the procedure:
        """groovy
        procedure('resend') {
            initial 'sending'
            state('sending') {
                onEntry { send 'out', "attempt ${attempt}" }
                after(seconds(5), 'resend') { retry 3; goTo 'undelivered' }
            }
            finalState 'undelivered'
            errorState 'failed'
        }
        """
      And instances are kept in <store>
      And resend[ue-1] is started
      And the clock reaches 11s
      When the engine restarts
      And the clock reaches 20s
      Then resend[ue-1] ended in state 'undelivered'
      And the messages sent on 'out' in all were:
        | attempt 0 |
        | attempt 1 |
        | attempt 2 |
        | attempt 3 |

      Examples:
        | store               |
        | the in-memory store |
        | a durable store     |
        | the H2 store        |

  Rule: After a restart an instance runs on the definition it started on, never silently on an edited script

    A repository built anew numbers an edited script version 1 again, so the number cannot tell the two
    apart; the fingerprint of the script text, kept in the record, does.

    Scenario Outline: The script was edited while the engine was down and its original text is kept, on <store>
      Given instances are kept in <store>
      And lease[ue-1] is started
      And the clock reaches 3s
      And the original text of the procedure is kept for the instances that started on it
      When the engine restarts with the procedure changed to:
        """groovy
        procedure('lease') {
            input 'ue', String
            correlateBy 'ue'
            variable 'renewals', Integer, 0
            initial 'active'
            state('active') {
                after(seconds(5), 'renew') {
                    action { renewals = renewals + 1; send 'out', "edited renewal ${renewals} of ${key}" }
                    goTo 'active'
                }
                on(Stop) { goTo 'released' }
            }
            finalState 'released'
            errorState 'failed'
        }
        """
      And lease[ue-2] is started
      And the clock reaches 10s
      Then the messages sent on 'out' in all were:
        | edited renewal 1 of ue-2 |
        | renewal 1 of ue-1        |
      And lease[ue-1] runs version 1
      And lease[ue-2] runs version 1
      When lease[ue-1] receives Pause
      Then lease[ue-1] is in state 'suspended'

      Examples:
        | store               |
        | the in-memory store |
        | a durable store     |
        | the H2 store        |

    Scenario Outline: The script was edited while the engine was down and only the edit is deployed, on <store>
      Given instances are kept in <store>
      And lease[ue-1] is started
      When the engine restarts with the procedure changed to:
        """groovy
        procedure('lease') {
            input 'ue', String
            correlateBy 'ue'
            variable 'renewals', Integer, 0
            initial 'active'
            state('active') {
                after(seconds(10), 'renew') {
                    action { renewals = renewals + 1; send 'out', "edited renewal ${renewals} of ${key}" }
                    goTo 'active'
                }
                on(Stop) { goTo 'released' }
            }
            finalState 'released'
            errorState 'failed'
        }
        """
      Then lease[ue-1] was not taken over, because:
        """
        lease[ue-1] started on v1 (fingerprint of the original text), which is not deployed; deployed are v1 (fingerprint of the edited text). It does not continue on another definition: deploy the one it started on (EngineBuilder.retired), or move it with a migration (EngineBuilder.migration)
        """
      When the clock reaches 30s
      And lease[ue-1] receives Stop
      Then 0 messages were sent on 'out' in all
      And it was rejected as NO_INSTANCE

      Examples:
        | store               |
        | the in-memory store |
        | a durable store     |
        | the H2 store        |
