Feature: ACME's MSK push schedule
  ACME's BM-SC resends an unacknowledged MSK push every 5 seconds, 3 times at most, instead of the shipped
  back-off (2 s doubling to 30 s, 5 resends): its UEs sit behind a radio access where a lost datagram is
  usually lost for good within seconds, and support wants a failed delivery in the records within 20 s.
  The schedule is written in src/main/procedures/bmsc/msk-push.groovy, which replaces the shipped script
  of the same name; everything else is the shipped BM-SC (TS 33.246 §6.3.2.3.1).

  Background:
    Given a BM-SC "bmsc.acme.example" in Key Domain 001-01
    And the user service "match-day" uses the streaming Key Group 0a0a
    And UE "alice" is bootstrapped at the BSF
    And "alice" is registered to "match-day"

  Rule: A lost push is resent after 5 seconds

    Example: The first push is lost, the resend is acknowledged
      Given the network loses the next MIKEY message to "alice"
      When the operator rotates Key Group 0a0a
      And 5 seconds pass
      Then "alice" holds the current MSK of Key Group 0a0a
      And the BM-SC recorded the delivery of that MSK to "alice" as acknowledged after 2 attempts

  Rule: A UE that does not answer is given up after 3 resends, 20 seconds after the first push

    Example: An offline UE
      Given "alice" is offline
      When the operator rotates Key Group 0a0a
      And 19 seconds pass
      Then the BM-SC sent the push to "alice" 4 times at 0s, 5s, 10s and 15s
      When 1 second passes
      Then the BM-SC recorded the delivery of that MSK to "alice" as given up
