Feature: Hot reload of procedure scripts
  An operator fixes or extends a procedure script while the engine runs. The engine must not break the
  instances that are under way: a changed script that verifies becomes the next version of its
  procedure, used by new instances, while running instances finish on the version they started with. A
  changed script that does not verify is rejected with every problem listed, and the version that runs
  stays. A script author can therefore reload at any time, and a typo costs a log line, not an outage.

  The scripts live in a directory; problems name them by their file name there.

  Background:
    Given the procedure script 'greeting.groovy':
      """groovy
      procedure('greeting') {
          initial 'waiting'
          state('waiting') {
              on(Go) { goTo 'hello' }
              after(seconds(30), 'patience') { goTo 'hello' }
          }
          finalState 'hello'
      }
      """
    And the engine loads its procedures from that directory

  Rule: A changed script that verifies is the next version; new instances use it, running ones finish on theirs

    Example: One instance on each version, side by side
      Given greeting[old] is started
      When the script 'greeting.groovy' is changed to:
        """groovy
        procedure('greeting') {
            initial 'waiting'
            state('waiting') {
                on(Go) { goTo 'welcome' }
                after(seconds(5), 'patience') { goTo 'welcome' }
            }
            finalState 'welcome'
        }
        """
      And the scripts are reloaded
      Then the reload loaded 'greeting' version 2
      And new instances of 'greeting' use version 2
      When greeting[new] is started
      And greeting[old] receives Go
      And greeting[new] receives Go
      Then greeting[old] ended in state 'hello'
      And greeting[old] ran version 1
      And greeting[new] ended in state 'welcome'
      And greeting[new] ran version 2

    Example: A running instance keeps the timers of its version
      Given greeting[old] is started
      And the script 'greeting.groovy' is changed to:
        """groovy
        procedure('greeting') {
            initial 'waiting'
            state('waiting') {
                on(Go) { goTo 'welcome' }
                after(seconds(5), 'patience') { goTo 'welcome' }
            }
            finalState 'welcome'
        }
        """
      And the scripts are reloaded
      And greeting[new] is started
      When the clock reaches 5s
      Then greeting[new] ended in state 'welcome'
      And greeting[old] is in state 'waiting'
      When the clock reaches 30s
      Then greeting[old] ended in state 'hello'

  Rule: A changed script that fails verification is rejected with every problem listed; the running version stays

    Example: A typo in a target and a state that nothing leads to
      Given greeting[old] is started
      When the script 'greeting.groovy' is changed to:
        """groovy
        procedure('greeting') {
            initial 'waiting'
            state('waiting') {
                on(Go) { goTo 'welcom' }
                after(seconds(5), 'patience') { goTo 'welcome' }
            }
            state('island') {
                on(Go) { goTo 'welcome' }
            }
            finalState 'welcome'
        }
        """
      And the scripts are reloaded
      Then the reload was rejected, listing:
        """
        greeting.groovy:4:18: on(Go) in state 'waiting' goes to 'welcom', which is not a state; did you mean 'welcome'? declared states: island, waiting, welcome
        greeting.groovy:7:5: state 'island' is unreachable: no transition from the initial state 'waiting' leads to it; add goTo 'island' to a transition, or remove the state
        """
      And new instances of 'greeting' use version 1
      When greeting[next] is started
      And greeting[next] receives Go
      Then greeting[next] ended in state 'hello'
      And greeting[next] ran version 1

    Example: Once fixed, the script is taken as version 2: a rejected script uses up no version
      Given the script 'greeting.groovy' is changed to:
        """groovy
        procedure('greeting') {
            initial 'waiting'
            state('waiting') { on(Go) { goTo 'nowhere' } }
            finalState 'welcome'
        }
        """
      And the scripts are reloaded
      When the script 'greeting.groovy' is changed to:
        """groovy
        procedure('greeting') {
            initial 'waiting'
            state('waiting') { on(Go) { goTo 'welcome' } }
            finalState 'welcome'
        }
        """
      And the scripts are reloaded
      Then the reload loaded 'greeting' version 2
      And new instances of 'greeting' use version 2

  Rule: A reload recompiles only what changed

    Example: Reloading unchanged scripts changes nothing
      When the scripts are reloaded
      Then the reload changed nothing
      And new instances of 'greeting' use version 1

  Rule: A deleted script is undeployed: new instances are refused, running ones finish on their version

    Example: The script of a running instance is deleted
      Given greeting[old] is started
      When the script 'greeting.groovy' is deleted
      And the scripts are reloaded
      Then the reload removed 'greeting'
      And greeting[new] cannot be started, because:
        """
        procedure 'greeting' was undeployed: its running instances finish, new ones are refused; deployed are []
        """
      When greeting[old] receives Go
      Then greeting[old] ended in state 'hello'
      And greeting[old] ran version 1

    Example: A script put back after its deletion is deployed again, as the next version
      Given the script 'greeting.groovy' is deleted
      And the scripts are reloaded
      When the script 'greeting.groovy' is changed to:
        """groovy
        procedure('greeting') {
            initial 'waiting'
            state('waiting') { on(Go) { goTo 'hello' } }
            finalState 'hello'
        }
        """
      And the scripts are reloaded
      Then the reload loaded 'greeting' version 2
      When greeting[back] is started
      And greeting[back] receives Go
      Then greeting[back] ended in state 'hello'
      And greeting[back] ran version 2
