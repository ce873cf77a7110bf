Feature: GBA key lifetime at the UE
  The MUK and MRK come from a GBA run and live as long as its Ks_NAF (TS 33.246 §6.1, TS 33.220). A UE
  whose key expired bootstraps again before its next HTTP request to the BM-SC, and keeps its last MUK
  for the one message that may still use it: a solicited pull (§6.3.2.2.4 NOTE 1).

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01
    And the user service "news" uses the streaming Key Group 0101
    And UE "alice" is bootstrapped at the BSF with a key lifetime of 1 hour
    And "alice" is registered to "news"

  Rule: An expired Ks_NAF is renewed before the next HTTP request (§6.1)

    @wire
    Example: A request after the lifetime runs GBA first
      Given 2 hours pass
      When "alice" requests the current MSK of Key Group 0101
      Then "alice" ran GBA again before the request
      And the request of "alice" was authenticated with its new B-TID

  Rule: Only a solicited pull may still use the last MUK (§6.3.2.2.4 NOTE 1)

    Example: A push that arrives after the key lifetime is discarded, not acknowledged
      Given 59 minutes pass
      And 59 seconds pass
      And the network delays the next MIKEY message to "alice" by 2 minutes
      When the operator rotates Key Group 0101
      And 2 minutes pass
      Then "alice" discarded the push as its MUK had expired, without a verification message

    @wire
    Example: An MSK due under the expired MUK is solicited, not pushed, and the UE asks for it like after a pull
      Given 2 hours pass
      When the operator rotates Key Group 0101
      Then the BM-SC sent "alice" nothing but a solicited pull under its expired MUK
      And "alice" sent an MSK request for Key Group 0101
      And "alice" ran GBA again before its MSK request
      And "alice" holds the current MSK of Key Group 0101
      And the BM-SC recorded the delivery of that MSK to "alice" as acknowledged
