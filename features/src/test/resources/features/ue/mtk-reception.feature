Feature: MTK message reception by the UE
  An MTK message is opened with the MSK it names and the MIKEY-RAND stored with that MSK (TS 33.246
  §6.4.6.2, §6.5.4). Before the MAC, the UE checks that the counter is newer than the last one of that
  MSK and that the MTK ID is above the current one and inside the MSK's key validity (SEQl < MTK ID <=
  SEQu). Whatever fails is dropped silently: nothing is ever sent back for an MTK message (§6.3.3.2).

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01
    And the user service "news" uses the streaming Key Group 0101 for the session "news-live" on group 239.1.1.1
    And the operator has rotated Key Group 0101 with validity 10 to 20
    And UE "alice" is bootstrapped at the BSF
    And "alice" is registered to "news"
    And "alice" joins the "news-live" session

  Rule: The first MTK of an MSK has an ID above SEQl, and SEQl follows the MTK ID (§6.3.3.1, §6.5.4)

    @wire
    Example: The first MTK is 11
      When the BM-SC starts MTK delivery for "news-live", resending every 5 seconds
      Then "alice" holds MTK 11 of "news-live" as current

  Rule: An MTK message whose counter is not newer than the last one of its MSK is discarded (§6.4.6.2 step 2, §6.4.3)

    Example: A captured MTK message replayed after the switch to the next MTK
      Given the BM-SC started MTK delivery for "news-live", resending every 5 seconds
      And the BM-SC moved "news-live" to its next MTK
      When the first captured MTK message of "news-live" is replayed
      Then "alice" discarded it as a replayed counter
      And "alice" holds MTKs 11 and 12 of "news-live"

  Rule: A counter may jump ahead: BM-SCs sharing a service may count NTP-UTC seconds in it (§6.3.4.6, §6.4.3)
    Newer is decided by RFC 1982 serial arithmetic on 32 bits: a jump of less than half the range is newer,
    also across the wrap of NTP era 0 in 2036; half the range or more is not.

    @wire
    Example: MTK messages counting NTP seconds, an hour apart
      When the BM-SC sends an MTK message for MTK 11 with counter 3976000000
      And the BM-SC sends an MTK message for MTK 12 with counter 3976003600
      Then "alice" holds MTKs 11 and 12 of "news-live"
      And "alice" holds MTK 12 of "news-live" as current

    @wire
    Example: The NTP seconds wrap at the end of era 0
      When the BM-SC sends an MTK message for MTK 11 with counter 4294967000
      And the BM-SC sends an MTK message for MTK 12 with counter 304
      Then "alice" holds MTK 12 of "news-live" as current

    @wire
    Example: A jump of half the range is not newer
      When the BM-SC sends an MTK message for MTK 11 with counter 1000
      And the BM-SC sends an MTK message for MTK 12 with counter 2147484648
      Then "alice" discarded it as a replayed counter
      And "alice" holds MTK 11 of "news-live" as current

  Rule: An MTK ID outside SEQl..SEQu or not above the current one is refused before the MAC (§6.4.6.2 step 3, §6.5.4)

    @wire
    Example: An MTK ID going back
      Given the BM-SC started MTK delivery for "news-live", resending every 5 seconds
      And the BM-SC moved "news-live" to its next MTK
      When the BM-SC sends an MTK message for MTK 11 with a fresh counter
      Then "alice" discarded it as an MTK ID that is not newer
      And "alice" holds MTK 12 of "news-live" as current

    @wire
    Example: An MTK ID above SEQu
      When the BM-SC sends an MTK message for MTK 21 with a fresh counter
      Then "alice" discarded it as outside the key validity

  Rule: The UE keeps the two most recent MTKs of a Key Group, for the switch-over (§6.5.4)

    @wire
    Example: The previous MTK stays until the one after the next arrives
      Given the BM-SC started MTK delivery for "news-live", resending every 5 seconds
      When the BM-SC moves "news-live" to its next MTK
      Then "alice" holds MTKs 11 and 12 of "news-live"
      When the BM-SC moves "news-live" to its next MTK
      Then "alice" holds MTKs 12 and 13 of "news-live"

  Rule: The UE adopts the SRTP policy and SRTP-ID map entry of a verified MSK message and gives them with each MTK (§6.4.6.1 step 5, §6.6.2.1)
    The media layer sets SRTP up with the MTK as master key, the salt, the policy (the RFC 4771 ROC
    transmission rate R and mode, the key and tag lengths) and the SRTP-ID map entry (the SSRC, the sender's ROC). The policy's session encryption key length is the
    master key length (RFC 3830 §6.10.1), so an MTK of another length could not be used: it is discarded.

    @wire
    Example: The MTK comes with the policy and map entry the MSK message carried
      When the BM-SC starts MTK delivery for "news-live", resending every 5 seconds
      Then "alice" holds MTK 11 of "news-live" with the SRTP policy and SRTP-ID map entry of its MSK message

    @wire
    Example: An MTK longer than the policy's master key
      When the BM-SC sends an MTK message for MTK 11 with a 32-byte MTK
      Then "alice" discarded it as an MTK of another length than its SRTP policy
      And "alice" holds no MTK of "news-live"

  Rule: For a file of a download session the UE derives the DCF keys from the MTK the file's KeyID names (§6.5.4, §6.6.3.2)
    "The derived authentication and encryption keys shall be provided to the download protection protocol": the UE's
    download client reads the KeyID in the file's DCF (base64 of Key Domain ID ‖ MSK ID ‖ MTK ID) and asks the UE for
    the keys. They are derived from that MTK as RFC 3830 §4.1.3 says, with cs_id 0, the CSB ID of its MTK message and
    the MIKEY-RAND of its MSK, and are the keys the BM-SC protected the file with.

    Example: The keys the BM-SC protected the file with
      Given the user service "weather" uses the download Key Group 0202 for the session "maps"
      And the operator has rotated Key Group 0202
      And "alice" is registered to "weather"
      When the BM-SC prepares the file "map.bin" of "maps"
      And "alice" is handed that object by its download client
      Then "alice" gives the DCF keys of "map.bin" the BM-SC gave

    Example: No keys for a file whose MTK object the UE did not take
      Given the user service "weather" uses the download Key Group 0202 for the session "maps"
      And the operator has rotated Key Group 0202
      When the BM-SC prepares the file "map.bin" of "maps"
      And "alice" is handed that object by its download client
      Then "alice" discarded it as for an unknown MSK
      And "alice" gives no DCF keys for "map.bin"
