Feature: States and nesting
  A procedure is a tree of states: a composite state groups children that share its transitions, timers
  and entry and exit actions. Entry and exit actions send messages and arm timers, so a script author must
  know exactly which of them run, and in which order, when an instance moves. The engine follows UML:
  it exits innermost first, up to the least common ancestor of source and target, runs the transition's
  actions, then enters outermost first, down through initial children to a leaf.

  Every state below emits 'enter <state>' and 'exit <state>', and every transition 'action <event>',
  so the outcomes show the order in which the engine ran them.

  Background:
    Given the procedure:
      """groovy
      procedure('nesting') {
          initial 'session'
          state('session') {
              initial 'idle'
              onEntry { emit 'enter session' }
              onExit { emit 'exit session' }
              on(Stop) { action { emit 'action Stop' }; goTo 'done' }
              state('idle') {
                  onEntry { emit 'enter idle' }
                  onExit { emit 'exit idle' }
                  on(Go) { action { emit 'action Go' }; goTo 'working' }
                  on(Ping) { action { emit 'action Ping' }; goTo 'idle' }
              }
              state('busy') {
                  initial 'working'
                  onEntry { emit 'enter busy' }
                  onExit { emit 'exit busy' }
                  on(Pause) { action { emit 'action Pause' }; goTo 'working' }
                  state('working') {
                      onEntry { emit 'enter working' }
                      onExit { emit 'exit working' }
                      on(Go) { action { emit 'action Go' }; goTo 'checking' }
                      on(Stop) { action { emit 'action inner Stop' }; goTo 'idle' }
                  }
                  state('checking') {
                      onEntry { emit 'enter checking' }
                      onExit { emit 'exit checking' }
                      on(Go) { action { emit 'action Go' }; goTo 'idle' }
                  }
              }
          }
          finalState('done') { onEntry { emit 'enter done' } }
          errorState 'failed'
      }
      """

  Rule: Starting an instance enters the initial state and its initial children, outermost first

    Example: The instance starts in the initial leaf
      When the instance is started
      Then the instance is in state 'idle'
      And it emitted, in order:
        | enter session |
        | enter idle    |
      And the trace of the instance is:
        """
        start -> idle (enter [session, idle])
        """

  Rule: A transition exits innermost first up to the least common ancestor, runs its actions, then enters outermost first

    Example: Into a child of a sibling composite: the common ancestor 'session' is neither exited nor entered
      Given the instance is started
      When the instance receives Go
      Then the instance is in state 'working'
      And it emitted, in order:
        | exit idle     |
        | action Go     |
        | enter busy    |
        | enter working |
      And the trace of the instance is:
        """
        start -> idle (enter [session, idle])
        idle -[Go]-> working (exit [idle], enter [busy, working])
        """

    Example: Between siblings inside a composite: only the leaves change
      Given the instance is started
      And the instance receives Go
      When the instance receives Go
      Then the instance is in state 'checking'
      And it emitted, in order:
        | exit working   |
        | action Go      |
        | enter checking |

    Example: Out of a composite: the leaf, then the composite, are exited before the actions run
      Given the instance is started
      And the instance receives Go
      And the instance receives Go
      When the instance receives Go
      Then the instance is in state 'idle'
      And it emitted, in order:
        | exit checking |
        | exit busy     |
        | action Go     |
        | enter idle    |

  Rule: A transition declared on an enclosing state applies in every state inside it

    Example: 'Stop' of 'session' is taken in 'idle' and leaves every state up to the top
      Given the instance is started
      When the instance receives Stop
      Then the instance ended in state 'done'
      And it emitted, in order:
        | exit idle     |
        | exit session  |
        | action Stop   |
        | enter done    |
      And the trace of the instance is:
        """
        start -> idle (enter [session, idle])
        idle -[Stop @session]-> done (exit [idle, session], enter [done])
        """

  Rule: When several states accept an event, the innermost one's transition wins

    Example: 'working' takes Stop itself, so 'session' does not end
      Given the instance is started
      And the instance receives Go
      When the instance receives Stop
      Then the instance is in state 'idle'
      And it emitted, in order:
        | exit working      |
        | exit busy         |
        | action inner Stop |
        | enter idle        |

  Rule: A transition to the state itself, or from a composite to its own child, leaves and enters that state again

    Example: A self-transition exits and re-enters the state, but not its parent
      Given the instance is started
      When the instance receives Ping
      Then the instance is in state 'idle'
      And it emitted, in order:
        | exit idle   |
        | action Ping |
        | enter idle  |

    Example: A transition of 'busy' to its child 'working' exits and re-enters 'busy'
      Given the instance is started
      And the instance receives Go
      And the instance receives Go
      When the instance receives Pause
      Then the instance is in state 'working'
      And it emitted, in order:
        | exit checking |
        | exit busy     |
        | action Pause  |
        | enter busy    |
        | enter working |
      And the trace of the instance is:
        """
        start -> idle (enter [session, idle])
        idle -[Go]-> working (exit [idle], enter [busy, working])
        working -[Go]-> checking (exit [working], enter [checking])
        checking -[Pause @busy]-> working (exit [checking, busy], enter [busy, working])
        """

  Rule: An event that no transition of the state or its ancestors accepts is rejected with the reason, and nothing changes

    Example: 'idle' does not accept Pause (only 'busy' does)
      Given the instance is started
      When the instance receives Pause
      Then it was rejected as NO_TRANSITION, because:
        """
        in state 'idle' (in session): Pause is not accepted; accepted are: Go, Ping, Stop
        """
      And the instance is in state 'idle'
      And it emitted nothing
      And the trace of the instance is:
        """
        start -> idle (enter [session, idle])
        idle rejected Pause: NO_TRANSITION
        """

  Rule: Reaching a top-level final state ends the instance; events for it are then rejected as NO_INSTANCE

    Example: An event after the end
      Given the instance is started
      And the instance receives Stop
      When the instance receives Go
      Then it was rejected as NO_INSTANCE, because:
        """
        no instance of 'nesting' with key test is running (it never started, or it ended)
        """
      And the instance is not running
