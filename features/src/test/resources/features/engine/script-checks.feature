Feature: Script checks before anything runs
  Every script is compiled and verified once, when the procedures load, and a broken one never starts:
  loading stops with every problem of every script listed together, each as file:line:col with what is
  allowed instead. A script author fixes a whole batch of mistakes from one run, and nothing half-checked
  reaches the engine. (The DSL reference, docs/dsl.md, lists every message; this feature shows that they
  come together and stop the load.) An embedder adds rules of its own that run with the built-in ones, and
  a definition built in Java meets the same checks, in the same words, when it is deployed.

  Rule: Loading stops with every problem of every script, including scripts that are fine being held back

    Example: Two broken scripts and a good one
      Given the procedure script 'alpha.groovy':
        """groovy
        procedure('alpha') {
            desription 'misspelt'
            initial 'waiting'
            state('waiting') {
                on(Go) { goTo 'dnoe' }
            }
            finalState 'done'
        }
        """
      And the procedure script 'beta.groovy':
        """groovy
        procedure('beta') {
            input 'ue', String
            input 'ue', String
            initial 'a'
            state('a') {
                on(Signal) { goTo 'b' }
                on(Go) { goTo 'stuck' }
            }
            state('stuck') {
                on(Ping) { }
            }
            state('b') { on(Go) { goTo 'done' } }
            finalState('done') {
                after(seconds(1)) { goTo 'a' }
            }
        }
        """
      And the procedure script 'gamma.groovy':
        """groovy
        procedure('gamma') {
            initial 'waiting'
            state('waiting') { on(Go) { goTo 'done' } }
            finalState 'done'
        }
        """
      When the engine tries to load its procedures from that directory
      Then loading failed with:
        """
        alpha.groovy:2:5: unknown keyword 'desription' in the procedure block; did you mean 'description'? allowed here: correlateBy, description, errorState, finalState, initial, input, spec, state, variable
        alpha.groovy:5:18: on(Go) in state 'waiting' goes to 'dnoe', which is not a state; did you mean 'done'? declared states: done, waiting
        beta.groovy:3:5: duplicate input 'ue': already declared at beta.groovy:2:5; input names are unique
        beta.groovy:6:9: on(Signal) in state 'a' would never fire: signals are matched by name; write on(signal('name')) { ... }
        beta.groovy:9:5: state 'stuck' is not final and has no way out: no transition or timer of it or of an enclosing state leads elsewhere; add on(...) { goTo '...' } or after(...) { goTo '...' }, or declare it with finalState
        beta.groovy:14:9: final state 'done' cannot have timers: the procedure ends there; remove after(1s) or declare 'done' with state(...)
        6 problems in 2 files
        """

  Rule: Scripts that verify load as version 1 of their procedures

    Example: A good script is deployed and runs
      Given the procedure script 'gamma.groovy':
        """groovy
        procedure('gamma') {
            initial 'waiting'
            state('waiting') { on(Go) { goTo 'done' } }
            finalState 'done'
        }
        """
      When the engine tries to load its procedures from that directory
      Then new instances of 'gamma' use version 1
      When gamma[k] is started
      And gamma[k] receives Go
      Then gamma[k] ended in state 'done'

  Rule: An embedder's own checks run after the built-in ones and fail a script at load, at its position

    Example: The embedder requires a spec clause, and one script names none
      Given the embedder requires every procedure to name its spec clause
      And the procedure script 'alpha.groovy':
        """groovy
        procedure('alpha') {
            initial 'waiting'
            state('waiting') { on(Go) { goTo 'done' } }
            finalState 'done'
        }
        """
      And the procedure script 'beta.groovy':
        """groovy
        procedure('beta') {
            spec 'TS 33.246 §6.3'
            initial 'waiting'
            state('waiting') { on(Go) { goTo 'done' } }
            state('done') { }
        }
        """
      When the engine tries to load its procedures from that directory
      Then loading failed with:
        """
        alpha.groovy:1:1: procedure 'alpha' names no spec clause; add spec 'TS 33.246 §...'
        beta.groovy:5:5: state 'done' is not final and has no way out: no transition or timer of it or of an enclosing state leads elsewhere; add on(...) { goTo '...' } or after(...) { goTo '...' }, or declare it with finalState
        2 problems in 2 files
        """

    Example: A script that names its spec clause loads and runs
      Given the embedder requires every procedure to name its spec clause
      And the procedure script 'gamma.groovy':
        """groovy
        procedure('gamma') {
            spec 'TS 33.246 §6.3'
            initial 'waiting'
            state('waiting') { on(Go) { goTo 'done' } }
            finalState 'done'
        }
        """
      When the engine tries to load its procedures from that directory
      Then new instances of 'gamma' use version 1

  Rule: A definition built in Java is checked when it is deployed, by the same checks and in the same words

    Example: A Java-built procedure with a state that has no way out is refused
      When the procedure 'delta', built in Java at 'Delta.java:10' with a state 'done' that is not final, is deployed
      Then deploying failed with:
        """
        Delta.java:12:1: state 'done' is not final and has no way out: no transition or timer of it or of an enclosing state leads elsewhere; add on(...) { goTo '...' } or after(...) { goTo '...' }, or declare it with finalState
        1 problem in 1 file
        """

    Example: The embedder's check refuses a Java-built procedure that names no spec clause
      Given the embedder requires every procedure to name its spec clause
      When the procedure 'delta', built in Java at 'Delta.java:10' with spec clause '', is deployed
      Then deploying failed with:
        """
        Delta.java:10:1: procedure 'delta' names no spec clause; add spec 'TS 33.246 §...'
        1 problem in 1 file
        """

    Example: A Java-built procedure that passes every check is deployed and runs
      Given the embedder requires every procedure to name its spec clause
      When the procedure 'delta', built in Java at 'Delta.java:10' with spec clause 'TS 33.246 §6.3', is deployed
      Then new instances of 'delta' use version 1
      When delta[k] is started
      And delta[k] receives Go
      Then delta[k] ended in state 'done'

  Rule: Each mistake is reported once, in the script's own terms, and none hides another

    Example: An import that does not resolve does not hide the script's other problems
      Given the procedure script 'alpha.groovy':
        """groovy
        import org.example.Missing
        procedure('alpha') {
            desription 'misspelt'
            initial 'waiting'
            state('waiting') {
                on(Missing) { goTo 'done' }
                on(Go) { goTo 'dnoe' }
            }
            finalState 'done'
        }
        """
      When the engine tries to load its procedures from that directory
      Then loading failed with:
        """
        alpha.groovy:1:8: unable to resolve class org.example.Missing; is it on the class path the ProcedureCompiler was given?
        alpha.groovy:3:5: unknown keyword 'desription' in the procedure block; did you mean 'description'? allowed here: correlateBy, description, errorState, finalState, initial, input, spec, state, variable
        alpha.groovy:7:18: on(Go) in state 'waiting' goes to 'dnoe', which is not a state; did you mean 'done'? declared states: done, waiting
        3 problems in 1 file
        """

    Example: A typo inside another keyword is reported once, as a typo
      Given the procedure script 'beta.groovy':
        """groovy
        procedure('beta') {
            initial 'waiting'
            state('waiting') {
                on(sginal('cancel')) { goTo 'done' }
            }
            finalState 'done'
        }
        """
      When the engine tries to load its procedures from that directory
      Then loading failed with:
        """
        beta.groovy:4:12: unknown keyword 'sginal' in a state block; did you mean 'signal'? allowed here: after, delay, hours, initial, millis, minutes, on, onEntry, onExit, seconds, signal, state
        1 problem in 1 file
        """

    Example: A target computed from a String and a GString is a state name like any other
      Given the procedure script 'gamma.groovy':
        """groovy
        procedure('gamma') {
            initial 'waiting'
            state('waiting') {
                for (int i = 1; i <= 2; i++) {
                    boolean last = i == 2
                    on(signal("step${i}")) { goTo(last ? 'done' : "step${i}") }
                }
            }
            state('step1') { on(Go) { goTo 'done' } }
            finalState 'done'
        }
        """
      When the engine tries to load its procedures from that directory
      Then new instances of 'gamma' use version 1
      When gamma[k] is started
      And gamma[k] gets signal 'step1'
      And gamma[k] receives Go
      Then gamma[k] ended in state 'done'
