Feature: MTK delivery by the BM-SC
  The traffic keys of a session are delivered to every receiver at once: for streaming, MIKEY messages
  to the session's multicast group on UDP port 2269, sent again periodically so that a UE joining late
  or missing one catches up, and sent ahead of the switch to a new MTK; for download, as an
  application/mikey object next to the file it protects (TS 33.246 §6.3.3). Nobody answers an MTK
  message: no acknowledgement, no error, no request.

  Background:
    Given a BM-SC "bmsc.example.org" in Key Domain 001-01
    And the user service "news" uses the streaming Key Group 0101 for the session "news-live" on group 239.1.1.1
    And the operator has rotated Key Group 0101
    And UE "alice" is bootstrapped at the BSF
    And "alice" is registered to "news"
    And "alice" joins the "news-live" session

  Rule: Streaming MTKs go to the session's multicast group on port 2269 and are resent periodically (§6.3.3.2.2)

    @wire
    Example: A UE joining after the first MTK message gets the key from a resend
      When the BM-SC starts MTK delivery for "news-live", resending every 5 seconds
      And UE "bob" is bootstrapped at the BSF
      And "bob" is registered to "news"
      And "bob" joins the "news-live" session
      And 5 seconds pass
      Then "bob" holds the current MTK of "news-live"
      And every MTK message went to 239.1.1.1 port 2269

    Example: A UE that holds the current MTK takes its resends as such, not as replays
      When the BM-SC starts MTK delivery for "news-live", resending every 5 seconds
      And 15 seconds pass
      Then "alice" holds the current MTK of "news-live"
      And "alice" reported no discarded datagram

  Rule: MSK messages give the SRTP sender's current rollover counter with the session's SSRC (§6.4.5.1, RFC 3830 §6.1.1)
    The SRTP-ID map entry of a streaming MSK message names the RTP session (SSRC) and the sender's rollover counter
    (ROC) at the time, so a UE registering late starts SRTP from the right packet index. The SP is not changed.

    @wire
    Example: A UE registering after the counter advanced gets it
      Given the SRTP sender of "news-live" is at rollover counter 3
      When UE "bob" is bootstrapped at the BSF
      And "bob" is registered to "news"
      Then the last MSK message to "bob" gives the SSRC of "news-live" and rollover counter 3
      And the last MSK message to "alice" gives the SSRC of "news-live" and rollover counter 0

    Example: A rotation after the counter advanced gives it to every UE
      When the SRTP sender of "news-live" reaches rollover counter 7
      And the operator rotates Key Group 0101
      Then the last MSK message to "alice" gives the SSRC of "news-live" and rollover counter 7

  Rule: The next MTK is sent ahead of the switch, and MTK IDs only go up (§6.3.3.1, §6.3.3.2.2)

    @wire
    Example: Switching to the next MTK
      Given the BM-SC started MTK delivery for "news-live", resending every 5 seconds
      When the BM-SC moves "news-live" to its next MTK
      Then "alice" holds the next MTK of "news-live" as current

    Example: A replayed older MTK message is discarded
      Given the BM-SC started MTK delivery for "news-live", resending every 5 seconds
      And the BM-SC moved "news-live" to its next MTK
      When the first captured MTK message of "news-live" is replayed
      Then "alice" discarded it as a replayed counter
      And "alice" holds the next MTK of "news-live" as current

  Rule: The traffic is protected with the MTKs the UEs get (§6.6.1, §6.6.2.1, §6.5.4, §6.6.3.2)
    The BM-SC's Session and Transmission function protects the traffic with the MTKs of the MTK messages. Its SRTP
    sender is handed each new MTK of its session before the MTK message goes out: the MTK as master key, the KEMAC
    salt as master salt, and the MKI that names them in the packets, MSK ID ‖ MTK ID. A file of a download session is
    protected (OMA DRM DCF) with the encryption and authentication keys derived from its MTK (RFC 3830 §4.1.3 with
    cs_id 0), under the KeyID Key Domain ID ‖ MSK ID ‖ MTK ID; the UE derives the same keys from the MTK object.

    @wire
    Example: The SRTP sender protects with the master key and salt the UEs receive
      When the BM-SC starts MTK delivery for "news-live", resending every 5 seconds
      And the BM-SC moves "news-live" to its next MTK
      Then the SRTP sender of "news-live" was handed each MTK before its MTK message was sent
      And "alice" holds the master key and salt the SRTP sender of "news-live" was handed last, under its MKI

    Example: A file is protected with the DCF keys of the MTK its object carries
      Given the user service "weather" uses the download Key Group 0202 for the session "maps"
      And the operator has rotated Key Group 0202
      When the BM-SC prepares the file "map.bin" of "maps"
      Then the BM-SC gave the DCF keys of "map.bin" under the KeyID of the MTK in its object

  Rule: Nobody answers an MTK message (§6.3.3.2)

    Example: A tampered MTK message is dropped silently
      Given the network flips byte 40 of the next MIKEY message to "alice"
      When the BM-SC starts MTK delivery for "news-live", resending every 5 seconds
      Then "alice" discarded it as a bad MAC
      And "alice" sent no MIKEY message

  Rule: Download MTKs travel as an application/mikey object next to the file they protect (§6.3.3.2.1)

    Example: An MTK object for a file
      Given the user service "weather" uses the download Key Group 0202 for the session "maps"
      And the operator has rotated Key Group 0202
      And "alice" is registered to "weather"
      When the BM-SC prepares the file "map.bin" of "maps"
      And "alice" is handed that object by its download client
      Then the BM-SC made an "application/mikey" object for "map.bin"
      And "alice" opened it with the current MSK of Key Group 0202

    Example: A UE without the MSK cannot open the object
      Given the user service "weather" uses the download Key Group 0202 for the session "maps"
      And the operator has rotated Key Group 0202
      When the BM-SC prepares the file "map.bin" of "maps"
      And "alice" is handed that object by its download client
      Then "alice" discarded it as for an unknown MSK
