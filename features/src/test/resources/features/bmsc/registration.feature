Feature: User Service Registration at the BM-SC
  A UE that wants a protected MBMS user service registers to it at the BM-SC before it can get any key
  (TS 33.246 §6.3.2.1A). The registration is where the BM-SC authenticates the subscriber (HTTP Digest
  with the B-TID as user name and the MRK from GBA as password, §6.2.1.3), decides whether this
  subscriber may have each service, learns where to send MIKEY (the source address of the request,
  §6.3.1), and starts delivering the MSKs the services need. An operator must be able to trust that
  nobody gets keys without a valid bootstrapped key, and that a refusal of one service does not
  refuse the others.

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01
    And the user service "news" uses the streaming Key Group 0101
    And the user service "weather" uses the download Key Group 0202
    And UE "alice" is bootstrapped at the BSF
    And "alice" has read the service announcement of "news" and "weather" naming "bmsc.example.org"

  Rule: A registration without credentials is challenged with Digest over the bootstrapped key (§6.2.1.3, Annex H)

    @wire
    Example: The first request of a UE is answered 401 and the second, authorized one 200
      When "alice" starts using "news"
      Then the HTTP exchanges between "alice" and the BM-SC were:
        | request           | authorization | status |
        | POST register     | none          | 401    |
        | POST register     | Digest        | 200    |
      And the 401 offered realm "3GPP-bootstrapping@bmsc.example.org" with qop "auth-int" and algorithm MD5
      And "alice" is registered to "news" at "bmsc.example.org"

    @wire
    Example: A request signed with a wrong MRK registers nothing
      Given "alice" computes its Digest password from a wrong MRK
      When "alice" starts using "news"
      Then the BM-SC answered "alice" 401 every time
      And the BM-SC has no registration of "alice"
      And no MIKEY message was sent to "alice"

    Example: A replayed registration request is refused
      Given "alice" is registered to "news"
      When the captured authorized registration request of "alice" is replayed
      Then the BM-SC answered the replay 401
      And the BM-SC still has exactly one registration of "alice" to "news"

  Rule: Each service of a request gets its own status code; the status line says whether the request was processed (§6.3.2.4, Annex G.2.4)

    @wire
    Example: A subscriber who may have one service but not the other is registered to the one
      Given only "bob" may register to "weather"
      When "alice" starts using "news" and "weather"
      Then the BM-SC answered "alice" 200 with the statuses:
        | service | status |
        | news    | 200    |
        | weather | 403    |
      And "alice" is registered to "news" at "bmsc.example.org"
      And "alice" is not registered to "weather"

    Example: A service the BM-SC does not carry is answered 501
      When "alice" asks to register to "sports"
      Then the BM-SC answered "alice" 200 with the statuses:
        | service | status |
        | sports  | 501    |

    Example: A malformed registration body is a 400 and changes nothing
      When "alice" posts a registration whose body is not XML
      Then the BM-SC answered "alice" 400
      And the BM-SC has no registration of "alice"

  Rule: The BM-SC sends MIKEY to the source address of the registration (§6.3.1)

    @wire
    Example: MSK delivery goes to where the registration came from
      Given the operator has rotated Key Group 0101
      When "alice" starts using "news"
      Then the BM-SC sent the MSK of Key Group 0101 to the address "alice" registered from, port 2269

  Rule: After a registration the BM-SC delivers the MSKs of the registered services (§6.3.2.1A)

    @wire
    Example: A registered UE holds the current MSK of its service
      Given the operator has rotated Key Group 0101
      When "alice" starts using "news"
      Then "alice" holds the current MSK of Key Group 0101
      And the BM-SC recorded the delivery of that MSK to "alice" as acknowledged
