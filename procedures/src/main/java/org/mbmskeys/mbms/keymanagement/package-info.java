/**
 * The HTTP rules of MBMS key management between UE and BM-SC (TS 33.246 §6.3.2, Annex G, Annex H), as
 * pure values with no transport: which request a Request-URI names and which media types go with it
 * ({@link org.mbmskeys.mbms.keymanagement.KeyManagementRequest}), the per-item status codes of table
 * G.2.4-1 and when the UE repeats ({@link org.mbmskeys.mbms.keymanagement.ItemStatus},
 * {@link org.mbmskeys.mbms.keymanagement.UeRetryPolicy}), the {@code 3gpp-gba} User-Agent token
 * ({@link org.mbmskeys.mbms.keymanagement.GbaUserAgent}) and the wait before an MSK request
 * ({@link org.mbmskeys.mbms.keymanagement.MskRequestBackOff}). An HTTP adapter or a procedure script
 * uses them; Digest authentication is in {@link org.mbmskeys.mbms.digest}, the XML bodies in
 * {@link org.mbmskeys.mbms.keymanagement.xml}, and the two ends of an exchange in
 * {@link org.mbmskeys.mbms.ue.keymanagement} and {@link org.mbmskeys.mbms.bmsc.keymanagement}.
 */
package org.mbmskeys.mbms.keymanagement;
