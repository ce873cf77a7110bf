Feature: Guards and actions
  Guards choose between transitions on the same event; actions do the work: they read the event, the
  inputs and the variables of their own instance, update variables, and ask for effects (send, reply,
  emit). A script author relies on guards being tried in the order they are written, on variables
  belonging to one instance and keeping their values between events, on internal transitions leaving the
  state alone, and on effects leaving the engine only after the step completed, in the order asked.

  Rule: Guards are tried in the order written; the first transition whose guard passes is taken

    Background:
      Given the procedure:
        """groovy
        procedure('vote') {
            initial 'asking'
            state('asking') {
                on(Answer) { guard { event.value == 'yes' }; goTo 'accepted' }
                on(Answer) { guard { event.value.startsWith('y') }; goTo 'unsure' }
                on(Answer) { guard { event.value == 'no' }; goTo 'refused' }
            }
            finalState 'accepted'
            finalState 'unsure'
            finalState 'refused'
            errorState 'failed'
        }
        """

    Scenario Outline: Answer "<answer>" ends in '<state>'
      Given the instance is started
      When the instance receives Answer "<answer>"
      Then the instance ended in state '<state>'

      Examples: The first passing guard wins, even when a later one would pass too
        | answer | state    |
        | yes    | accepted |
        | yeah   | unsure   |
        | no     | refused  |

    Example: When every guard says no, the event is rejected as GUARD_REJECTED, naming the transitions that said no
      Given the instance is started
      When the instance receives Answer "maybe"
      Then it was rejected as GUARD_REJECTED, because:
        """
        in state 'asking': the guards of every transition on Answer said no (declared at scenario.groovy:4:9, scenario.groovy:5:9, scenario.groovy:6:9)
        """
      And the instance is in state 'asking'

  Rule: A transition on an event type also takes events of its subtypes

    Example: on(Reply) takes Answer and Refusal, which implement Reply; the trace names the trigger that matched
      Given the procedure:
        """groovy
        procedure('replies') {
            initial 'waiting'
            state('waiting') {
                on(Reply) { action { emit "got ${event.value()}" } }
                on(Stop) { goTo 'done' }
            }
            finalState 'done'
            errorState 'failed'
        }
        """
      And the instance is started
      When the instance receives Answer "yes"
      And the instance receives Refusal "busy"
      Then it emitted "got busy"
      And the trace of the instance is:
        """
        start -> waiting (enter [waiting])
        waiting -[Reply]- (internal)
        waiting -[Reply]- (internal)
        """

  Rule: Actions see their own instance's inputs and variables; variables keep their values between events

    Background:
      Given the procedure:
        """groovy
        procedure('counter') {
            input 'ue', String
            correlateBy 'ue'
            variable 'pings', Integer, 0
            initial 'counting'
            state('counting') {
                onEntry { emit 'enter counting' }
                onExit { emit 'exit counting' }
                on(Ping) { action { pings = pings + 1; emit "${input('ue')} has ${pings}" } }
                on(Stop) { goTo 'done' }
            }
            finalState 'done'
            errorState 'failed'
        }
        """

    Example: Two instances count their own pings
      Given counter[ue-1] is started
      And counter[ue-2] is started
      And counter[ue-1] receives Ping
      And counter[ue-2] receives Ping
      When counter[ue-1] receives Ping
      Then it emitted "ue-1 has 2"
      And variable 'pings' of counter[ue-1] is "2"
      And variable 'pings' of counter[ue-2] is "1"

    Example: An internal transition (no goTo) runs its actions without exiting or entering, and the variable carries on
      Given counter[ue-1] is started
      And counter[ue-1] receives Ping
      When counter[ue-1] receives Ping
      Then it emitted, in order:
        | ue-1 has 2 |
      And counter[ue-1] is in state 'counting'
      And the trace of counter[ue-1] is:
        """
        start -> counting (enter [counting])
        counting -[Ping]- (internal)
        counting -[Ping]- (internal)
        """

  Rule: Effects are carried out after the step completed, in the order the actions asked for them

    Example: Sends and outcomes of a transition's actions and of the target's entry actions, in order
      Given the procedure:
        """groovy
        procedure('effects') {
            initial 'a'
            state('a') {
                on(Go) {
                    action { send 'out', 'first'; emit 'between'; send 'audit', 'second' }
                    action { emit 'last of the transition' }
                    goTo 'b'
                }
            }
            state('b') {
                onEntry { send 'out', 'entered b' }
                on(Stop) { goTo 'done' }
            }
            finalState 'done'
            errorState 'failed'
        }
        """
      And the instance is started
      When the instance receives Go
      Then the journal shows:
        """
        [0s] effects[test] a -[Go]-> b (exit [a], enter [b])
        [0s] effects[test] send 'out': first
        [0s] effects[test] emit between
        [0s] effects[test] send 'audit': second
        [0s] effects[test] emit last of the transition
        [0s] effects[test] send 'out': entered b
        """

    Example: An action answers the request that carried the event
      Given the procedure:
        """groovy
        procedure('echo') {
            variable 'asked', Integer, 0
            initial 'serving'
            state('serving') {
                on(Ping) { action { asked = asked + 1; reply "pong ${asked}" } }
                on(Stop) { goTo 'done' }
            }
            finalState 'done'
            errorState 'failed'
        }
        """
      And the instance is started
      And the instance is asked Ping
      When the instance is asked Ping
      Then the reply was "pong 2"
      And the journal shows:
        """
        [0s] echo[test] serving -[Ping]- (internal)
        [0s] reply to echo[test]: pong 2
        """

    Example: An event that did not come as a request cannot be answered: the reply fails the instance
      Given the procedure:
        """groovy
        procedure('echo') {
            variable 'asked', Integer, 0
            initial 'serving'
            state('serving') {
                on(Ping) { action { asked = asked + 1; reply "pong ${asked}" } }
                on(Stop) { goTo 'done' }
            }
            finalState 'done'
            errorState 'failed'
        }
        """
      And the instance is started
      When the instance receives Ping
      Then the instance ended in state 'failed'
      And the instance failed with "action of transition 'serving' -[Ping]- (internal) at scenario.groovy:5 threw IllegalStateException: echo v1 [test] in serving cannot reply: Ping did not come as a request; only Engine.request(...) and envelopes with a reply handle can be answered"

  Rule: A guard only reads: a transition that is not taken leaves the instance exactly as it was, on every store

    Scenario Outline: The guard says no on <store>; the record is as it was before the event
      Given instances are kept in <store>
      And the procedure:
        """groovy
        procedure('gate') {
            variable 'tries', Integer, 0
            initial 'closed'
            state('closed') {
                on(Ping) { action { tries = tries + 1 } }
                on(Go) { guard { tries >= 2 }; goTo 'open' }
            }
            finalState 'open'
            errorState 'failed'
        }
        """
      And the instance is started
      And the instance receives Ping
      When the instance receives Go
      Then it was rejected as GUARD_REJECTED
      And the instance is in state 'closed'
      And the stored record of the instance has variable 'tries' = "1"

      Examples:
        | store               |
        | the in-memory store |
        | a durable store     |

    Scenario Outline: A guard that writes anyway (through the raw context) fails the instance on <store>, and its write is not kept
      Given instances are kept in <store>
      And the procedure:
        """groovy
        procedure('gate') {
            variable 'tries', Integer, 0
            initial 'closed'
            state('closed') {
                on(Go) {
                    guard { context.set('tries', 99); false }
                    goTo 'open'
                }
            }
            finalState 'open'
            errorState 'failed'
        }
        """
      And the instance is started
      When the instance receives Go
      Then the instance ended in state 'failed'
      And the instance failed with "guard of transition 'closed' -[Go]-> 'open' at scenario.groovy:6 threw IllegalStateException: a guard cannot set variable 'tries' (in state 'closed' of procedure 'gate'): guards only read and decide whether the transition fires; do it in the transition's action { } instead"
      And nothing was rejected

      Examples:
        | store               |
        | the in-memory store |
        | a durable store     |

    Example: A guard that assigns a variable or sends does not load
      Given the procedure script 'counting.groovy':
        """groovy
        procedure('counting') {
            variable 'tries', Integer, 0
            initial 'waiting'
            state('waiting') {
                on(Go) { guard { tries++ < 3 }; goTo 'done' }
                on(Ping) { guard { send 'out', 'checking'; true }; goTo 'done' }
            }
            finalState 'done'
            errorState 'failed'
        }
        """
      When the engine tries to load its procedures from that directory
      Then loading failed with:
        """
        counting.groovy:5:26: a guard cannot assign variable 'tries': guards only read and decide whether the transition fires; change it in the transition's action { ... } instead
        counting.groovy:6:28: a guard cannot send: guards only read and decide whether the transition fires; send in the transition's action { ... } instead
        2 problems in 1 file
        """
