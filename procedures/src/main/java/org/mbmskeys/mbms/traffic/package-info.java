/**
 * How traffic protection names the MTK that protects it (TS 33.246 §6.6): the SRTP MKI of a streaming
 * service ({@link org.mbmskeys.mbms.traffic.SrtpMki}, §6.6.2.1) and the OMA DRM DCF KeyID of a download
 * service ({@link org.mbmskeys.mbms.traffic.DcfKeyId}, §6.6.3.2). Pure values, no SRTP or DCF processing:
 * they let a UE find the MTK a packet or a file needs, and a BM-SC label what it protects.
 */
package org.mbmskeys.mbms.traffic;
