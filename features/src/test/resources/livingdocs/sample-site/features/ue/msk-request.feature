@sample
Feature: MSK request <sample>
  A sample feature for the living docs' own tests. The UE asks the BM-SC for the MSKs it lacks
  (`POST msk-request`), and the BM-SC pushes them over MIKEY.

  Example: A loose example before any rule, citing RFC 3830 §5.1
    Given a UE

  Rule: The BM-SC answers an MSK request with one MIKEY message per MSK (§6.3.2.1A, Annex G)
    The request names key IDs; TS 33.220 §4.5.2 derives the keys it uses.

    Background:
      Given a UE

    Example: Two MSKs requested, two pushed
      When the UE asks for MSKs "0001:0002" and "0001:0003"
      Then the BM-SC pushes:
        """
        MSK 0001:0002 & MSK 0001:0003 <both>
        """

    Example: An unknown key is answered with an error, §6.3.2.2
      When the UE asks for MSK "ffff:ffff"
      Then the answer is 404

  Rule: Requests are counted

    Scenario Outline: <n> requests in a row
      When the UE asks <n> times
      Then the BM-SC saw <n> requests

      Examples: few
        | n |
        | 1 |
        | 2 |

      Examples: many
        | n  |
        | 10 |
