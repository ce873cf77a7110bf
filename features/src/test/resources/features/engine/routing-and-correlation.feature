Feature: Routing and correlation
  Every instance is named by its procedure and a correlation key (in MBMS terms, often a UE), and
  messages from the network reach it through routing rules that the embedder registers: a rule reads an
  inbound envelope and names the procedure, the key and the event, and may start the instance on the
  first message. A script author relies on each key being its own instance with its own variables, on
  events for one instance being handled in the order they arrived, and on every message that goes
  nowhere being reported with the reason instead of vanishing.

  Here an envelope carries an event's text; it comes from '<sender>:40000' and goes to 'engine:<port>',
  and the rules key instances by the sender.

  Background:
    Given the procedure:
      """groovy
      procedure('registration') {
          input 'ue', String
          correlateBy 'ue'
          variable 'answers', String, ''
          initial 'new'
          state('new') {
              on(Answer) { action { answers = answers + event.value }; goTo 'registered' }
              on(Ping) { action { reply "${key} is new" } }
          }
          state('registered') {
              on(Answer) { action { answers = answers + event.value } }
              on(Ping) { action { reply "${input('ue')} has '${answers}'" } }
              on(Stop) { goTo 'done' }
          }
          finalState 'done'
          errorState 'failed'
      }
      """

  Rule: Each correlation key is its own instance

    Example: An event for one key leaves the instance of another key alone
      Given registration[ue-1] is started
      And registration[ue-2] is started
      When registration[ue-1] receives Answer "a"
      Then registration[ue-1] is in state 'registered'
      And registration[ue-2] is in state 'new'
      And variable 'answers' of registration[ue-1] is "a"
      And variable 'answers' of registration[ue-2] is ""

    Example: An instance started with its correlation input is keyed by that input's value
      When registration[ue-7] is started with:
        | ue | ue-7 |
      And registration[ue-7] receives Answer "x"
      Then registration[ue-7] is in state 'registered'

    Example: A start for a key that is running is rejected as ALREADY_RUNNING and changes nothing
      Given registration[ue-1] is started
      And registration[ue-1] receives Answer "a"
      When registration[ue-1] is started
      Then it was rejected as ALREADY_RUNNING, because:
        """
        registration v1 [ue-1] in registered is already running; send or signal to it, or start again after it ended
        """
      And registration[ue-1] is in state 'registered'
      And variable 'answers' of registration[ue-1] is "a"

  Rule: Events for one instance are handled one at a time, in the order they were sent

    Example: Three answers in a row
      Given registration[ue-1] is started
      When registration[ue-1] receives Answer "1"
      And registration[ue-1] receives Answer "2"
      And registration[ue-1] receives Answer "3"
      Then variable 'answers' of registration[ue-1] is "123"

  Rule: A routing rule maps an inbound envelope to a procedure instance, and may start it on the first message

    Background:
      Given a routing rule sends envelopes for port 2269 to 'registration', keyed by their sender, starting it if it is not running

    Example: The first message starts the instance and is its first event; later messages reach the same instance
      When ue-1 sends Answer "a" to port 2269
      And ue-1 sends Answer "b" to port 2269
      Then variable 'answers' of registration[ue-1] is "ab"
      And the trace of registration[ue-1] is:
        """
        start -> new (enter [new])
        new -[Answer]-> registered (exit [new], enter [registered])
        registered -[Answer]- (internal)
        """

    Example: A request that starts the instance is answered through the envelope's reply handle
      When ue-1 sends Ping to port 2269 as a request
      Then the reply was "ue-1 is new"
      When ue-1 sends Answer "a" to port 2269
      And ue-1 sends Ping to port 2269 as a request
      Then the journal shows:
        """
        [0s] registration[ue-1] registered -[Ping]- (internal)
        [0s] reply to ue-1:40000: ue-1 has 'a'
        """

    Example: Each sender gets its own instance
      When ue-1 sends Answer "a" to port 2269
      And ue-2 sends Answer "b" to port 2269
      Then registration[ue-1] is in state 'registered'
      And variable 'answers' of registration[ue-2] is "b"

  Rule: Rules are tried in the order they were registered; the first that takes an envelope routes it

    Example: A rule for port 2269 before a rule for every envelope
      Given the procedure:
        """groovy
        procedure('fallback') {
            initial 'listening'
            state('listening') {
                on(Answer) { action { emit "fallback got ${event.value}" } }
                on(Stop) { goTo 'done' }
            }
            finalState 'done'
            errorState 'failed'
        }
        """
      And a routing rule sends envelopes for port 2269 to 'registration', keyed by their sender, starting it if it is not running
      And a routing rule sends every envelope to 'fallback', keyed by their sender
      And fallback[ue-1] is started
      When ue-1 sends Answer "a" to port 2269
      Then registration[ue-1] is in state 'registered'
      And it emitted nothing
      When ue-1 sends Answer "b" to port 4000
      Then it emitted "fallback got b"
      And variable 'answers' of registration[ue-1] is "a"

  Rule: A message that reaches no instance is reported with the reason, and nothing starts

    Example: A rule that only routes to running instances: the key has none
      Given a routing rule sends envelopes for port 2269 to 'registration', keyed by their sender
      When ue-3 sends Answer "a" to port 2269
      Then it was rejected as NO_INSTANCE, because:
        """
        no instance of 'registration' with key ue-3 is running (it never started, or it ended)
        """
      And registration[ue-3] is not running

    Example: No rule takes the envelope
      Given a routing rule sends envelopes for port 2269 to 'registration', keyed by their sender
      When ue-1 sends Go to port 9999
      Then the journal shows:
        """
        [0s] unrouted ue-1:40000 -> engine:9999 (2 bytes): none of the 1 routing rules took it
        """

    Example: A rule that throws counts as no match, and the envelope is reported
      Given a routing rule that fails with "cannot parse"
      When ue-1 sends Go to port 2269
      Then the journal shows:
        """
        [0s] unrouted ue-1:40000 -> engine:2269 (2 bytes): routing rule 'failing rule' threw java.lang.IllegalStateException: cannot parse
        """

    Example: A rule names a procedure that is not deployed
      Given a routing rule sends envelopes for port 2269 to 'unknown', keyed by their sender
      When ue-1 sends Go to port 2269
      Then it was rejected as UNKNOWN_PROCEDURE, because:
        """
        a routing rule named procedure 'unknown', which is not deployed; deployed are [registration]
        """
