Feature: BM-SC solicited pull
  To re-key a UE, or a whole Key Group, without pushing the key itself, the BM-SC sends a short MIKEY
  message that only says "ask me for the current MSK of this Key Group": Key Number 0, no key in the
  KEMAC, the V bit never set, protected with the last MUK the BM-SC knows for the UE (TS 33.246
  §6.3.2.2.4). The UE then runs an MSK request. The seeds that introduced it worried about a lost
  solicitation and a UE that is offline: the script resends and, when nothing comes, falls back to a push.

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01
    And the user service "news" uses the streaming Key Group 0101
    And the BM-SC re-keys Key Group 0101 by solicited pull
    And UE "alice" is bootstrapped at the BSF
    And "alice" is registered to "news"

  Rule: The solicitation carries Key Number 0, a keyless KEMAC and no V bit; the UE answers with an MSK request (§6.3.2.2.4)

    @wire
    Example: Re-keying by solicited pull
      When the operator rotates Key Group 0101
      Then the BM-SC sent "alice" a solicited pull for Key Group 0101 with Key Number 0, no key and V not set
      And "alice" sent an MSK request for "001-01 / 0101:0000"
      And "alice" holds the current MSK of Key Group 0101

  Rule: A lost solicitation is sent again; a UE that does not ask gets a push instead (seed reliability concerns)

    Example: The first solicitation is lost
      Given the network loses the next MIKEY message to "alice"
      When the operator rotates Key Group 0101
      And 10 seconds pass
      Then "alice" holds the current MSK of Key Group 0101

    Example: An offline UE is pushed the key when it comes back
      Given "alice" is offline
      When the operator rotates Key Group 0101
      And 2 minutes pass
      And "alice" is online again
      And 2 minutes pass
      Then "alice" holds the current MSK of Key Group 0101
      And the BM-SC recorded the delivery of that MSK to "alice" as acknowledged

  Rule: The solicitation may use the last MUK past its GBA key lifetime; the UE bootstraps again before its request (§6.3.2.2.4 NOTE 1, §6.1)

    Example: A UE whose Ks_NAF expired accepts the pull and bootstraps before asking
      Given the Ks_NAF of "alice" has expired
      When the operator rotates Key Group 0101
      Then "alice" accepted the solicited pull with its last MUK
      And "alice" ran GBA again before its MSK request
      And "alice" holds the current MSK of Key Group 0101

  Rule: When the BM-SC's MUK lifetime ran out, it demands new bootstrapping on the UE's next request (§6.3.2.2.4)

    Example: An expired MUK at the BM-SC
      Given the BM-SC keeps a MUK for 1 hour
      And 2 hours pass
      When the operator rotates Key Group 0101
      Then the BM-SC answered the MSK request of "alice" with a bootstrapping renegotiation
      And "alice" ran GBA again before its next MSK request
      And "alice" holds the current MSK of Key Group 0101
      And the BM-SC recorded the delivery of that MSK to "alice" as acknowledged
