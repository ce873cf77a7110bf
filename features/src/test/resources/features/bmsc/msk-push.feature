Feature: MSK push by the BM-SC
  The BM-SC decides when an MSK changes and pushes it to every registered UE that needs it, in a MIKEY
  message over UDP protected with the UE's MUK (TS 33.246 §6.3.2.3.1). When it asks for an
  acknowledgement (the V bit), it resends until the UE answers or the schedule runs out, and keeps a
  delivery record an operator can use for charging and for support. The retransmission schedule is
  written in the procedure script (bmsc/msk-push.groovy); the examples below use the shipped one:
  resend after 2 s, then back off doubling up to 30 s, 5 resends at most.

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01
    And the user service "news" uses the streaming Key Group 0101
    And UE "alice" is bootstrapped at the BSF
    And "alice" is registered to "news"

  Rule: A push with the V bit is acknowledged by the UE and recorded as delivered (§6.3.2.3.1, §6.4.6.1)

    @wire
    Example: Re-keying a Key Group reaches the UE once
      When the operator rotates Key Group 0101
      Then "alice" holds the current MSK of Key Group 0101
      And "alice" sent 1 MIKEY verification message
      And the BM-SC recorded the delivery of that MSK to "alice" as acknowledged after 1 attempt

  Rule: An unacknowledged push is sent again on the script's schedule, each time with the next counter (§6.3.2.3.1, §6.4.3)

    Example: A lost push is resent and then acknowledged
      Given the network loses the next MIKEY message to "alice"
      When the operator rotates Key Group 0101
      And 2 seconds pass
      Then "alice" holds the current MSK of Key Group 0101
      And the BM-SC recorded the delivery of that MSK to "alice" as acknowledged after 2 attempts

    Example: A lost acknowledgement makes the BM-SC resend, and the UE acknowledges the resend and keeps one copy of the MSK
      Given the network loses the next MIKEY message from "alice"
      When the operator rotates Key Group 0101
      And 2 seconds pass
      Then "alice" applied the MSK once and acknowledged it twice
      And the BM-SC recorded the delivery of that MSK to "alice" as acknowledged after 2 attempts

    Example: A UE that stays offline is given up after the schedule
      Given "alice" is offline
      When the operator rotates Key Group 0101
      And 2 minutes pass
      Then the BM-SC sent the push to "alice" 6 times at 0s, 2s, 6s, 14s, 30s and 60s
      And the BM-SC recorded the delivery of that MSK to "alice" as given up

  Rule: A re-key keeps at most as many UEs' pushes in flight as the operator allows; the next UE's starts when one ends (an operator setting: §6.3.2.3.1 leaves the pace open)

    TS 33.246 leaves the pace of a re-key to the BM-SC. Without a limit every UE's push starts at once; with
    one, re-keying a million UEs holds only that many pushes in memory and on the air, and a UE that does not
    answer holds its place until the push gives up on it.

    Example: With one UE in flight, an offline UE holds up the next until its push is given up
      Given UE "bob" is bootstrapped at the BSF
      And "bob" is registered to "news"
      And the BM-SC keeps at most 1 UE of a re-key in flight
      And "alice" is offline
      When the operator rotates Key Group 0101
      Then "bob" does not hold the current MSK of Key Group 0101 yet
      When 2 minutes pass
      Then the BM-SC recorded the delivery of that MSK to "alice" as given up
      And "bob" holds the current MSK of Key Group 0101
      And the BM-SC recorded the delivery of that MSK to "bob" as acknowledged after 1 attempt

    Example: With two UEs in flight, the others go past an offline UE
      Given UE "bob" is bootstrapped at the BSF
      And "bob" is registered to "news"
      And UE "carol" is bootstrapped at the BSF
      And "carol" is registered to "news"
      And the BM-SC keeps at most 2 UEs of a re-key in flight
      And "alice" is offline
      When the operator rotates Key Group 0101
      Then "bob" holds the current MSK of Key Group 0101
      And "carol" holds the current MSK of Key Group 0101

  Rule: A push may only update the key validity (§6.3.2.3.1)

    Example: A validity-only update keeps the key and moves its validity
      Given the operator has rotated Key Group 0101
      And "alice" holds the current MSK of Key Group 0101
      When the operator extends the validity of the current MSK of Key Group 0101 to MTK IDs 1 to 2000
      Then "alice" holds the same MSK with validity 1 to 2000

  Rule: A push under a MUK that is not the UE's current one is answered like a solicited pull (§6.3.2.3.1)

    Example: The UE bootstrapped again; the push under its previous MUK brings an MSK request, not an acknowledgement
      Given the operator has rotated Key Group 0101
      And "alice" has bootstrapped again since it registered
      When the operator rotates Key Group 0101
      Then "alice" sent no MIKEY verification message
      And "alice" sent an MSK request for Key Group 0101
      And "alice" holds the current MSK of Key Group 0101
      When 2 seconds pass
      Then the BM-SC recorded the delivery of that MSK to "alice" as acknowledged
