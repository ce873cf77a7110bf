Feature: MSK request at the BM-SC
  The BM-SC answers an MSK request only for an authenticated UE that is registered to a service using
  the requested MSK, with one status code per pair, and then delivers the granted MSKs by MIKEY
  (TS 33.246 §6.3.2.2.1, §6.3.2.4, Annex G.2.3). A UE must not obtain, by asking, a key of a service
  it did not register to.

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01
    And the user service "news" uses the streaming Key Group 0101
    And the user service "weather" uses the download Key Group 0202
    And the operator has rotated Key Group 0101
    And the operator has rotated Key Group 0202
    And UE "alice" is bootstrapped at the BSF
    And "alice" is registered to "news"

  Rule: Only MSKs of a service the UE is registered to are delivered (§6.3.2.2.1)

    @wire
    Example: The MSK of another service is refused with 403 and not sent
      When "alice" requests the current MSKs of Key Groups 0101 and 0202
      Then the BM-SC answered "alice" 200 with the statuses:
        | msk                 | status |
        | 001-01 / 0101:0000  | 200    |
        | 001-01 / 0202:0000  | 403    |
      And the BM-SC sent "alice" the MSK of Key Group 0101 only

    @wire
    Example: A UE that never registered gets nothing
      Given UE "mallory" is bootstrapped at the BSF
      When "mallory" requests the current MSK of Key Group 0101
      Then the BM-SC answered "mallory" 200 with the statuses:
        | msk                 | status |
        | 001-01 / 0101:0000  | 403    |
      And no MIKEY message was sent to "mallory"

  Rule: The answer is authenticated and names the MSK response type (Annex G.2.3, Annex H step 7)

    @wire
    Example: The 200 carries Authentication-Info and application/mbms-msk-response+xml
      When "alice" requests the current MSK of Key Group 0101
      Then the BM-SC answered the MSK request with content type "application/mbms-msk-response+xml"
      And the answer carried an Authentication-Info that "alice" verified

  Rule: A tampered request body is refused by Digest auth-int; the UE repeats the request (§6.2.1.3, table G.2.4-1)

    Example: A request whose body was changed on the way
      Given the network flips the last byte of the next HTTP request from "alice"
      When "alice" requests the current MSK of Key Group 0101
      Then the BM-SC answered that request 401
      And the BM-SC sent "alice" no MSK for it
      And "alice" repeated the request with fresh Digest credentials and got the MSK
