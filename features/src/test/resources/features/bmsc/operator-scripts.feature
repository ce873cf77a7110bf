Feature: The operator's own scripts
  The scripts the BM-SC runs are defaults. An operator who wants, say, a different push retransmission
  schedule puts their own version of the script in a folder the BM-SC is given; it replaces the shipped
  script of the same file name, declares that script's procedure and goes through the same checks, including
  the role contract: the names, inputs, events and signals the BM-SC's own code relies on, a TS 33.246 clause
  and a description (`mbms-keys procedures check FOLDER` runs the same checks from the command line). A changed script can be loaded while the BM-SC runs: procedures
  already running finish on the version they started with, new ones run the edited script. A script with
  a mistake is refused with every problem, and the BM-SC keeps running the version it had.

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01, with a script folder of the operator's
    And the user service "news" uses the streaming Key Group 0101
    And UE "alice" is bootstrapped at the BSF
    And "alice" is registered to "news"

  Rule: An edited script is loaded while pushes are in flight; they finish on their version, new pushes use the new one

    Example: The operator changes the push schedule while a push is being resent
      Given "alice" is offline
      When the operator rotates Key Group 0101
      And 3 seconds pass
      And the operator changes the push schedule to a first resend after 10 seconds, 2 resends at most, without back-off
      Then the BM-SC loaded "bmsc.msk-push" version 2
      When 2 minutes pass
      Then the BM-SC sent the push to "alice" 6 times at 0s, 2s, 6s, 14s, 30s and 60s
      And the BM-SC recorded the delivery of that MSK to "alice" as given up
      When the operator rotates Key Group 0101
      And 1 minute passes
      Then the BM-SC sent the push to "alice" 3 times at 0s, 10s and 20s
      And the BM-SC recorded the delivery of that MSK to "alice" as given up

  Rule: An edited script goes through the same checks; one with a mistake is refused and the old version stays

    Example: A script that does not parse is refused, naming the file and line
      When the operator saves a push script with the text:
        """
        procedure('bmsc.msk-push') {
            initial 'pushing'
            state('pushing') {
        """
      Then the BM-SC refused the reload, naming "msk-push.groovy" line 3
      And the BM-SC still runs "bmsc.msk-push" version 1

    Example: A script that breaks the role contract is refused, saying what the BM-SC needs
      When the operator saves a push script that no longer declares the input 'kind'
      Then the BM-SC refused the reload, saying "kind"
      And the BM-SC still runs "bmsc.msk-push" version 1

    Example: A UE script saved under the file name of a BM-SC script is refused, not run in its place
      When the operator saves the UE's script "registration.groovy" in the BM-SC's folder
      Then the BM-SC refused the reload, saying "procedure 'ue.registration' is not a BM-SC procedure"
      And the BM-SC still runs "bmsc.registration" version 1

    Example: A push script saved under another file name is refused, naming the file that replaces the shipped one
      When the operator saves the push script as "fast-push.groovy"
      Then the BM-SC refused the reload, saying "replaces the shipped script of the same file name: name yours msk-push.groovy"
      And the BM-SC still runs "bmsc.msk-push" version 1

    Example: Pushes keep the old schedule after a refused edit
      Given the operator saves a push script that no longer declares the input 'kind'
      And "alice" is offline
      When the operator rotates Key Group 0101
      And 2 minutes pass
      Then the BM-SC sent the push to "alice" 6 times at 0s, 2s, 6s, 14s, 30s and 60s
