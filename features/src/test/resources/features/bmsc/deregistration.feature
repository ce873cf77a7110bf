Feature: User Service Deregistration at the BM-SC
  When a UE leaves services, the BM-SC forgets those registrations and should make the keys the UE no
  longer needs useless to it: it invalidates them with an MSK delivery whose key validity has SEQl above
  SEQu (TS 33.246 §6.3.2.1B). An MSK still needed by another service of the same UE stays.

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01
    And the user service "news" uses the streaming Key Group 0101
    And the user service "news-hd" uses the streaming Key Group 0101
    And the user service "weather" uses the download Key Group 0202
    And the operator has rotated Key Group 0101
    And the operator has rotated Key Group 0202
    And UE "alice" is bootstrapped at the BSF
    And "alice" is registered to "news", "news-hd" and "weather"

  Rule: The BM-SC invalidates the MSKs the UE no longer needs for any other service (§6.3.2.1B)

    Example: Leaving "weather" invalidates the MSK of Key Group 0202
      When "alice" deregisters from "weather"
      Then the BM-SC sent "alice" an invalidation of the MSK of Key Group 0202
      And "alice" treats the MSK of Key Group 0202 as invalid
      And the BM-SC recorded the invalidation for "alice"

    Example: An MSK shared with a remaining service stays valid
      When "alice" deregisters from "news"
      Then the BM-SC sent "alice" no invalidation
      And "alice" holds the current MSK of Key Group 0101

  Rule: Only an authenticated UE can deregister (§6.3.2.1B)

    Example: A deregistration with a wrong MRK changes nothing
      Given "alice" computes its Digest password from a wrong MRK
      When "alice" deregisters from "weather"
      Then the BM-SC answered every deregistration request of "alice" 401
      And "alice" is still registered at the BM-SC to "news", "news-hd" and "weather"
      And the BM-SC sent "alice" no invalidation
