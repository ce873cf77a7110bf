/**
 * The BM-SC Key Distribution function's MIKEY messages (TS 33.246 §6.3.2.2.4, §6.3.2.3, §6.3.3, §6.4):
 * each UE's MUK from the BSF with its lifetime ({@link org.mbmskeys.mbms.bmsc.distribution.UeKeys}), MSK
 * push, validity update, invalidation and solicited pull with the acknowledgement check
 * ({@link org.mbmskeys.mbms.bmsc.distribution.KeyDistribution}), the MTK messages of a session
 * ({@link org.mbmskeys.mbms.bmsc.distribution.MtkStream}), and the records of finished deliveries
 * ({@link org.mbmskeys.mbms.bmsc.distribution.DeliveryRecordStorage}, in memory by default).
 *
 * <p>The procedure scripts decide when to send, resend and give up; the classes here build, seal and check.
 */
package org.mbmskeys.mbms.bmsc.distribution;
