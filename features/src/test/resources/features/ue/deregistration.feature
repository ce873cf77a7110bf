Feature: User Service Deregistration by the UE
  A handset tells the BM-SC when it no longer wants a service: when the user leaves it and, for every
  ongoing service, at power-down (TS 33.246 §6.3.2.1B). Without it the BM-SC keeps pushing keys to a
  UE that does not listen. The request is authenticated like the registration.

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01
    And the user service "news" uses the streaming Key Group 0101
    And the user service "weather" uses the download Key Group 0202
    And UE "alice" is bootstrapped at the BSF
    And "alice" is registered to "news" and "weather"

  Rule: The UE deregisters a service the user leaves (§6.3.2.1B)

    @wire
    Example: Leaving one service deregisters only that one
      When the user of "alice" leaves "weather"
      Then "alice" sent a deregistration request for "weather"
      And "alice" is registered to "news" at "bmsc.example.org"
      And "alice" is not registered to "weather"

  Rule: At power-down the UE deregisters every ongoing service (§6.3.2.1B)

    @wire
    Example: Switching off deregisters both services
      When "alice" is switched off
      Then "alice" sent a deregistration request for "news" and "weather"
      And the BM-SC has no registration of "alice"

  Rule: The deregistration is answered like a registration: Digest, one status per service (§6.3.2.1B, §6.3.2.4, Annex G.2.2)

    @wire
    Example: The answer uses the register response type
      When the user of "alice" leaves "weather"
      Then the BM-SC answered the deregistration with content type "application/mbms-register-response+xml"
      And the BM-SC answered the deregistration of "alice" with the statuses:
        | service | status |
        | weather | 200    |

  Rule: The UE repeats a deregistration only where G.2.4 says so: a 503 after its Retry-After (§6.3.2.1B, Annex G.2.4)

    @wire
    Example: A deregistration answered 503 is sent again once Retry-After has passed
      Given the BM-SC is overloaded, answering 503 with Retry-After 20 seconds
      When the user of "alice" leaves "weather"
      And 10 seconds pass
      And the operator ends the overload of the BM-SC
      And 10 seconds pass
      Then the BM-SC answered "alice" 503 with Retry-After 20 seconds once
      And "alice" is not registered to "weather"
      And "alice" is registered to "news" at "bmsc.example.org"
