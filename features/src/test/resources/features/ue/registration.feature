Feature: User Service Registration by the UE
  A handset registers to a protected user service before it can receive its keys, and keeps that
  registration alive as long as the user wants the service (TS 33.246 §6.3.2.1A). What it registers for,
  to which BM-SC, with which GBA keys, and whether it may register at all, come from the service
  announcement and the UICC. A handset vendor needs the UE to register exactly when the specification
  says so: not for unprotected services, not without a capable UICC when UICC key management is
  required, again at every power-on and whenever the key management connection was lost.

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01
    And the user service "news" uses the streaming Key Group 0101
    And UE "alice" is bootstrapped at the BSF

  Rule: An unprotected service needs no registration and no GBA run (§6.3.2.1A)

    Example: A service announced without a protection description is used without key management
      Given "alice" has read the service announcement of "radio" without protection
      When "alice" starts using "radio"
      Then "alice" sent no HTTP request
      And "alice" did not run GBA

  Rule: When the announcement requires UICC key management, a UE whose UICC cannot do it does not try the service (§6.3.2.1A)

    Example: A UICC without MBMS key management gets no access
      Given "alice" has a UICC without MBMS key management
      And "alice" has read the service announcement of "news" requiring UICC key management
      When "alice" starts using "news"
      Then "alice" reported "news" as not accessible because the UICC cannot do MBMS key management
      And "alice" sent no HTTP request

  Rule: With UICC key management the UE still signs in the realm of the ME-based key, "3GPP-bootstrapping" (§6.1, Annex H; TS 24.109 §5.2.2.1)

    @wire
    Example: A GBA_U card doing MBMS key management registers with Ks_ext_NAF and receives its MSK under Ks_int_NAF
      Given UE "carol" with a GBA_U card that does MBMS key management is bootstrapped at the BSF
      And "carol" has read the service announcement of "news" requiring UICC key management
      And the operator has rotated Key Group 0101
      When "carol" starts using "news"
      Then the 401 offered realm "3GPP-bootstrapping@bmsc.example.org" with qop "auth-int" and algorithm MD5
      And "carol" signed every key management request in realm "3GPP-bootstrapping@bmsc.example.org"
      And "carol" is registered to "news" at "bmsc.example.org"
      And "carol" holds the current MSK of Key Group 0101
      And "carol" sent 1 MIKEY verification message

  Rule: The UE registers at first use to one BM-SC of the announcement and keeps it (§6.3.2.1A)

    Example: The UE picks one of the announced BM-SCs and uses it for all later key management
      Given a second BM-SC "bmsc2.example.org" serves "news" as well
      And "alice" has read the service announcement of "news" naming "bmsc.example.org" and "bmsc2.example.org"
      When "alice" starts using "news"
      And "alice" is switched off and on again
      Then "alice" is registered to "news" at the BM-SC it chose
      And every key management request of "alice" went to that BM-SC

  Rule: The UE trusts a 200 only when the BM-SC proved it knows the MRK (§6.2.1.3 mutual authentication, Annex H step 8)

    Example: A 200 without a valid Authentication-Info is not a registration
      Given "alice" has read the service announcement of "news" naming "bmsc.example.org"
      And the network replaces the rspauth of the next 200 to "alice"
      When "alice" starts using "news"
      Then "alice" does not take itself as registered to "news"
      And "alice" reported the BM-SC's answer as not authenticated

  Rule: The UE repeats a failed registration only where G.2.4 says so: 401 and 503 (after Retry-After), backing off

    @wire
    Example: A BM-SC that is temporarily unavailable is asked again after Retry-After
      Given "alice" has read the service announcement of "news" naming "bmsc.example.org"
      And the BM-SC is overloaded for the next 30 seconds
      When "alice" starts using "news"
      And 30 seconds pass
      Then "alice" is registered to "news" at "bmsc.example.org"
      And the BM-SC answered "alice" 503 with Retry-After 30 seconds once

    @wire
    Example: The UE waits the whole Retry-After, even when the overload ends sooner
      Given "alice" has read the service announcement of "news" naming "bmsc.example.org"
      And the BM-SC is overloaded, answering 503 with Retry-After 20 seconds
      When "alice" starts using "news"
      And 10 seconds pass
      And the operator ends the overload of the BM-SC
      And 9 seconds pass
      Then "alice" is not registered to "news"
      When 1 second passes
      Then "alice" is registered to "news" at "bmsc.example.org"
      And the BM-SC answered "alice" 503 with Retry-After 20 seconds once

    @wire
    Example: A refused service is not asked again
      Given "alice" has read the service announcement of "news" naming "bmsc.example.org"
      And only "bob" may register to "news"
      When "alice" starts using "news"
      And 10 minutes pass
      Then "alice" sent 2 registration requests in all
      And "alice" is not registered to "news"

    Example: A lost answer is asked for again with back-off
      Given "alice" has read the service announcement of "news" naming "bmsc.example.org"
      And the network loses the next 2 HTTP responses to "alice"
      When "alice" starts using "news"
      And 1 minute passes
      Then "alice" is registered to "news" at "bmsc.example.org"

  Rule: The UE registers again at every power-on unless the user left the service or the UICC changed (§6.3.2.1A)

    @wire
    Example: Power-on registers again
      Given "alice" is registered to "news"
      When "alice" is switched off and on again
      Then "alice" is registered to "news" at "bmsc.example.org"
      And "alice" sent a registration request after power-on

    @wire
    Example: A service the user left is not registered at power-on
      Given "alice" is registered to "news"
      And the user of "alice" leaves "news"
      When "alice" is switched off and on again
      Then "alice" sent no registration request after power-on

    @wire
    Example: After a UICC change the UE does not register by itself
      Given "alice" is registered to "news"
      When "alice" is switched off, gets another UICC and is switched on
      Then "alice" sent no registration request after power-on
      And "alice" holds no MBMS keys

  Rule: The UE registers again when the key management connection was lost (§6.3.2.1A)

    @wire
    Example: A lost PDP context is followed by a new registration that overrides the old one
      Given "alice" is registered to "news"
      When the key management connection of "alice" is lost
      Then "alice" sent a registration request after the connection was lost
      And "alice" is registered to "news" at "bmsc.example.org"
      And the BM-SC still has exactly one registration of "alice" to "news"
