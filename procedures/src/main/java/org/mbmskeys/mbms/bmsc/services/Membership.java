package org.mbmskeys.mbms.bmsc.services;

/**
 * The BM-SC Membership function's answer to "may this subscriber register to this MBMS User Service?"
 * (TS 33.246 §6.3.2.1A: "the BM-SC Key Request function shall verify whether the UE is authorized to
 * register"; no means 403 Forbidden, table G.2.4-1). The subscriber is named by the IMPI the BSF returned
 * with the GBA keys (§6.1). Subscription data lives elsewhere (an HSS, a product database); implement this
 * interface over it. Implementations must be thread-safe and must not block for long: a registration
 * request waits for the answer.
 *
 * <pre>{@code
 * Membership everyone = Membership.open();
 * AllowListMembership listed = Membership.allowList();
 * listed.allow(ServiceId.of("urn:example:news"), "001010123456789@ims.mnc001.mcc001.3gppnetwork.org");
 * }</pre>
 */
@FunctionalInterface
public interface Membership {

    /** True if the subscriber {@code impi} may register to {@code service}. */
    boolean mayRegister(String impi, ServiceId service);

    /** Every subscriber may register to every defined service (a trial or a free-to-air deployment). */
    static Membership open() {
        return (impi, service) -> true;
    }

    /** An empty allow-list: nobody may register until {@link AllowListMembership#allow} says so. */
    static AllowListMembership allowList() {
        return new AllowListMembership();
    }
}
