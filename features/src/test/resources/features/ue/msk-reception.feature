Feature: MSK message reception by the UE
  Every MSK message a UE receives goes through the same steps (TS 33.246 §6.4.6.1, §6.5): find the MUK
  by IDi and IDr, check the counter against the last one of that MUK before anything else, check the MAC,
  decrypt, apply the key rules, and only then store, exactly once. Whatever fails is discarded silently
  (reported on the UE, nothing sent back, nothing changed), so that an attacker on the path learns
  nothing and changes nothing. A handset vendor must be able to rely on this against replayed, tampered
  and stale messages.

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01
    And the user service "news" uses the streaming Key Group 0101
    And UE "alice" is bootstrapped at the BSF
    And "alice" is registered to "news"
    And the operator has rotated Key Group 0101

  Rule: The UE acknowledges an MSK message only when the V bit asks for it (§6.4.6.1, §6.3.2.2.4)

    @wire
    Example: A push with V is acknowledged
      Then "alice" sent 1 MIKEY verification message

    @wire
    Example: An MSK message without V is applied and not acknowledged
      When the BM-SC sends "alice" the current MSK of Key Group 0101 without the V bit
      Then "alice" applied it without a verification message
      And "alice" sent 1 MIKEY verification message

  Rule: A replayed MSK message is discarded: its counter is not newer than the last one of its MUK (§6.4.6.1 step 2)

    Example: The captured push replayed later changes nothing
      Given the operator rotates Key Group 0101
      When the first captured MSK message to "alice" is replayed
      Then "alice" discarded it as a replayed counter
      And "alice" holds the current MSK of Key Group 0101

    Example: A replay after the MSK was dropped by the two-MSK rule is still refused
      Given the operator rotates Key Group 0101
      And the operator rotates Key Group 0101
      When the first captured MSK message to "alice" is replayed
      Then "alice" discarded it as a replayed counter

  Rule: A message whose MAC does not verify is discarded before anything is decrypted or stored (§6.4.6.1)

    Example: One flipped byte in the key data
      Given the network flips byte 170 of the next MIKEY message to "alice"
      When the operator rotates Key Group 0101
      Then "alice" discarded it as a bad MAC
      And "alice" holds the previous MSK of Key Group 0101 only

  Rule: A message for a MUK the UE does not have is discarded (§6.4.6.1 step 1)

    @wire
    Example: A message for another UE's MUK
      Given UE "bob" is bootstrapped at the BSF
      And "bob" is registered to "news"
      When the MSK message pushed to "bob" is delivered to "alice" instead
      Then "alice" discarded it as an unknown MUK

  Rule: The UE keeps at most two MSKs of a Key Group; a third replaces the older (§6.5.3)

    @wire
    Example: Three rotations leave the two newest
      When the operator rotates Key Group 0101
      And the operator rotates Key Group 0101
      Then "alice" holds 2 MSKs of Key Group 0101: the newest two

  Rule: A key validity with SEQl above SEQu invalidates the MSK (§6.3.2.1B, §6.5.4)

    @wire
    Example: An invalidated MSK opens no further MTK message
      Given "alice" joins the "news-live" session
      When the BM-SC invalidates the MSK of Key Group 0101 for "alice"
      And the BM-SC sends the next MTK of the "news-live" session
      Then "alice" discarded the MTK message as for an invalid MSK

  Rule: A new UICC wipes every MBMS key of the old one (§6.4.3, Annex D)

    @wire
    Example: A UICC change leaves no key behind
      When "alice" gets another UICC
      Then "alice" holds no MBMS keys
