Feature: MSK request by the UE
  A UE asks the BM-SC for MSKs when it lacks one: after a solicited pull, after a push under an older
  MUK, or when traffic shows a key it does not have (missed key update). It names Key Domain ID and MSK
  ID pairs, Key Number 0 meaning "the current one", and gets one status code per pair; the keys
  themselves come by MIKEY (TS 33.246 §6.3.2.2.1, §6.3.2.2.3, §6.3.2.4). When the announcement asks for
  back-off, the UE waits before asking, so that a whole population does not ask at once (§6.3.2.2.1).

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01
    And the user service "news" uses the streaming Key Group 0101
    And UE "alice" is bootstrapped at the BSF
    And "alice" is registered to "news"
    And the BM-SC does not push MSKs

  Rule: Key Number 0 asks for the current MSK of the Key Group (§6.3.2.1, §6.3.2.2.1)

    @wire
    Example: The request for 0101:0000 brings the current MSK
      Given the operator has rotated Key Group 0101
      When "alice" requests the current MSK of Key Group 0101
      Then "alice" sent an MSK request for "001-01 / 0101:0000"
      And "alice" holds the current MSK of Key Group 0101

  Rule: A UE that sees traffic under an MSK it lacks fetches it (§6.3.2.2.3 missed key update)

    @wire
    Example: An MTK message under an unknown MSK triggers an MSK request
      Given the operator has rotated Key Group 0101
      And "alice" joins the "news-live" session
      When the BM-SC starts MTK delivery for the "news-live" session
      Then "alice" discarded the MTK message as for an unknown MSK
      And "alice" sent an MSK request for Key Group 0101
      And "alice" holds the current MTK of the "news-live" session after the next resend

  Rule: The UE waits the announced back-off before an MSK request, except when it answers a solicited pull (§6.3.2.2.1)

    @wire
    Example: A missed key update waits offsetTime plus a random part of randomTimePeriod
      Given the announcement of "news" asks for back-off with offsetTime 10 s and randomTimePeriod 20 s
      And the operator has rotated Key Group 0101
      And "alice" joins the "news-live" session
      When the BM-SC starts MTK delivery for the "news-live" session
      Then "alice" sent no MSK request within the first 10 seconds
      And "alice" sent an MSK request within 30 seconds

    @wire
    Example: A solicited pull is answered at once
      Given the announcement of "news" asks for back-off with offsetTime 10 s and randomTimePeriod 20 s
      When the BM-SC solicits "alice" to pull Key Group 0101
      Then "alice" sent an MSK request within 1 second

  Rule: One status code per pair; the UE may retry the failed pairs (§6.3.2.4)

    @wire
    Example: A pair of a Key Group the UE is not registered for is refused alone
      Given the user service "weather" uses the download Key Group 0202
      And the operator has rotated Key Group 0101
      When "alice" requests the current MSKs of Key Groups 0101 and 0202
      Then the BM-SC answered "alice" 200 with the statuses:
        | msk                 | status |
        | 001-01 / 0101:0000  | 200    |
        | 001-01 / 0202:0000  | 403    |
