/**
 * What the BM-SC's procedure scripts ({@code procedures/bmsc/*.groovy}) see of the role code: the events they
 * wait for ({@link org.mbmskeys.mbms.bmsc.procedure.KeyRequestArrived},
 * {@link org.mbmskeys.mbms.bmsc.procedure.MikeyArrived}) and the services they call with {@code service(Type)}
 * ({@link org.mbmskeys.mbms.bmsc.procedure.KeyRequests}, {@link org.mbmskeys.mbms.bmsc.procedure.KeyDelivery},
 * {@link org.mbmskeys.mbms.bmsc.procedure.MtkDelivery}). This is the contract an operator's own scripts are
 * compiled and checked against.
 */
package org.mbmskeys.mbms.bmsc.procedure;
