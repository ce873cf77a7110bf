Feature: Composition of procedures
  Procedures build on each other: one starts another for a sub-task and waits for a signal back, or
  tells a running one to stop. `start` and `signal` are effects like `send`: they happen after the step
  that asked for them completed, so the started or signalled instance sees a consistent sender. A
  script author relies on that order, on the signal's payload arriving with it, and on a signal to an
  instance that is not running being reported rather than lost silently.

  Background:
    Given the procedure:
      """groovy
      procedure('payment') {
          input 'customer', String
          input 'amount', String
          correlateBy 'customer'
          initial 'authorising'
          state('authorising') {
              onEntry { send 'bank', "authorise ${input('amount')} for ${key}" }
              on(Answer) {
                  guard { event.value == 'ok' }
                  action { signal 'order', key, 'paid', input('amount') }
                  goTo 'done'
              }
              on(Answer) { action { signal 'order', key, 'declined' }; goTo 'done' }
              on(signal('abort')) { goTo 'aborted' }
          }
          finalState 'done'
          finalState 'aborted'
          errorState 'failed'
      }
      """
    And the procedure:
      """groovy
      procedure('order') {
          input 'customer', String
          correlateBy 'customer'
          initial 'ordering'
          state('ordering') {
              on(Go) { action { start 'payment', key, [amount: '12.50'] }; goTo 'paying' }
          }
          state('paying') {
              on(signal('paid')) { action { emit "paid ${event.payload}" }; goTo 'shipped' }
              on(signal('declined')) { goTo 'cancelled' }
              after(seconds(30), 'payment') { action { signal 'payment', key, 'abort' }; goTo 'cancelled' }
          }
          finalState 'shipped'
          finalState 'cancelled'
          errorState 'failed'
      }
      """

  Rule: start begins another procedure's instance after the step that asked for it completed

    Example: The order's step completes first, then the payment starts and sends
      Given order[alice] is started
      When order[alice] receives Go
      Then the journal shows:
        """
        [0s] order[alice] ordering -[Go]-> paying (exit [ordering], enter [paying])
        [0s] payment[alice] start -> authorising (enter [authorising])
        [0s] payment[alice] send 'bank': authorise 12.50 for alice
        """
      And payment[alice] is in state 'authorising'

  Rule: signal reaches the named instance as a named signal, with its payload

    Example: The payment tells the order it was paid, and how much
      Given order[alice] is started
      And order[alice] receives Go
      When payment[alice] receives Answer "ok"
      Then the journal shows:
        """
        [0s] payment[alice] authorising -[Answer]-> done (exit [authorising], enter [done])
        [0s] payment[alice] ended in 'done'
        [0s] order[alice] paying -[signal 'paid']-> shipped (exit [paying], enter [shipped])
        [0s] order[alice] emit paid 12.50
        [0s] order[alice] ended in 'shipped'
        """

    Example: A declined payment cancels the order
      Given order[alice] is started
      And order[alice] receives Go
      When payment[alice] receives Answer "no"
      Then payment[alice] ended in state 'done'
      And order[alice] ended in state 'cancelled'

    Example: The order gives up after 30s and aborts the payment it started
      Given order[alice] is started
      And order[alice] receives Go
      When the clock reaches 30s
      Then order[alice] ended in state 'cancelled'
      And payment[alice] ended in state 'aborted'
      And the trace of payment[alice] is:
        """
        start -> authorising (enter [authorising])
        authorising -[signal 'abort']-> aborted (exit [authorising], enter [aborted])
        """

  Rule: Instances of different procedures with the same key are independent

    Example: Two customers, each with an order and a payment
      Given order[alice] is started
      And order[bob] is started
      And order[alice] receives Go
      And order[bob] receives Go
      When payment[bob] receives Answer "ok"
      Then order[bob] ended in state 'shipped'
      And order[alice] is in state 'paying'
      And payment[alice] is in state 'authorising'

  Rule: A signal to an instance that is not running is rejected as NO_INSTANCE; the sender carries on

    Example: A payment started on its own has no order to tell
      When payment[carol] is started with:
        | amount | 3.00 |
      And payment[carol] receives Answer "ok"
      Then payment[carol] ended in state 'done'
      And the journal shows:
        """
        [0s] payment[carol] authorising -[Answer]-> done (exit [authorising], enter [done])
        [0s] payment[carol] ended in 'done'
        [0s] order[carol] rejected signal 'paid': NO_INSTANCE (no instance of 'order' with key carol is running (it never started, or it ended))
        """

  Rule: A start for a key that is already running is rejected as ALREADY_RUNNING

    Example: The order asks for a payment that is already under way
      Given payment[dave] is started with:
        | amount | 1.00 |
      And order[dave] is started
      When order[dave] receives Go
      Then order[dave] is in state 'paying'
      And the journal shows:
        """
        [0s] order[dave] ordering -[Go]-> paying (exit [ordering], enter [paying])
        [0s] payment[dave] rejected start: ALREADY_RUNNING (payment v1 [dave] in authorising is already running; send or signal to it, or start again after it ended)
        """
      And 1 message was sent on 'bank' in all
