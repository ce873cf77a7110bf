/**
 * What traffic protection takes from key management (TS 33.246 §6.6): how it names the MTK that protects it, the
 * SRTP MKI of a streaming service ({@link org.mbmskeys.mbms.traffic.SrtpMki}, §6.6.2.1) and the OMA DRM DCF KeyID of
 * a download service ({@link org.mbmskeys.mbms.traffic.DcfKeyId}, §6.6.3.2), and the keys it protects with
 * ({@link org.mbmskeys.mbms.traffic.TrafficKeys}): the SRTP master key and salt of an MTK, or the DCF encryption and
 * authentication keys derived from it (§6.5.4). No SRTP or DCF processing: these let a UE find and use the MTK a
 * packet or a file needs, and a BM-SC protect and label what it sends.
 */
package org.mbmskeys.mbms.traffic;
