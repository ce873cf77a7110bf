/**
 * HTTP Digest (RFC 7616, RFC 2617) with GBA keys, as the BM-SC Key Request function and the UE use it
 * (TS 33.246 §6.2.1.3 and Annex H). Transport-free: everything works on header values,
 * the method, the request-URI and the body bytes.
 *
 * <p>Where to start:
 * <ul>
 *   <li>BM-SC: {@link org.mbmskeys.mbms.digest.DigestVerifier} (challenges, verification,
 *       {@code Authentication-Info}), fed by a {@link org.mbmskeys.mbms.digest.DigestCredentials} lookup
 *       (B-TID to base64(MRK), see {@link org.mbmskeys.mbms.digest.MrkDigestPassword}).</li>
 *   <li>UE: {@link org.mbmskeys.mbms.digest.DigestClient}.</li>
 *   <li>Headers as values: {@link org.mbmskeys.mbms.digest.DigestChallenge},
 *       {@link org.mbmskeys.mbms.digest.DigestAuthorization},
 *       {@link org.mbmskeys.mbms.digest.AuthenticationInfo}; failures are
 *       {@link org.mbmskeys.mbms.digest.DigestFailure}.</li>
 * </ul>
 */
package org.mbmskeys.mbms.digest;
