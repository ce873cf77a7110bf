package org.mbmskeys.mbms.ue.announcement;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.ue.announcement.ProtectionDecision.GbaFlavour;
import org.mbmskeys.mbms.ue.announcement.ProtectionDecision.NoAccess;

/**
 * Decides, from a User Service Description and the UE's card, whether and how the UE registers
 * (TS 33.246 §6.3.2.1A):
 *
 * <ul>
 *   <li>no service protection description: {@link ProtectionDecision.NoRegistration};</li>
 *   <li>UICC key management required: UICC key management with 3G GBA if the UICC application is capable,
 *       else {@link NoAccess.Reason#UICC_KEY_MANAGEMENT_UNAVAILABLE};</li>
 *   <li>not required: UICC key management if the UICC application is capable, else ME key management; 3G GBA
 *       with a USIM, 2G GBA with a SIM if the description allows it, else
 *       {@link NoAccess.Reason#USIM_REQUIRED}.</li>
 * </ul>
 *
 * <p>The BM-SC is chosen "with the same mechanism as the File Repair Server is selected in TS 26.346":
 * uniformly at random among the announced FQDNs, from the injected {@link RandomBytes} (without modulo bias).
 * The UE "shall keep the same FQDN for subsequent key management procedures": pass the kept choice back and it
 * is reused while the announcement still lists it. Thread-safe if the random source is.
 */
public final class ServiceAccess {

    /** Draws before giving up on rejection sampling; a uniform source needs more than one with chance < 2^-32. */
    private static final int MAX_DRAWS = 64;

    private final RandomBytes random;

    public ServiceAccess(RandomBytes random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The decision for a first registration: a BM-SC is chosen afresh. */
    public ProtectionDecision decide(UserServiceDescription description, UeCapabilities capabilities) {
        return decide(description, capabilities, Optional.empty());
    }

    /**
     * The decision, keeping {@code chosenBefore} as the BM-SC if the announcement still lists it (§6.3.2.1A:
     * "The UE shall keep the same FQDN").
     */
    public ProtectionDecision decide(UserServiceDescription description, UeCapabilities capabilities,
                                     Optional<Fqdn> chosenBefore) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(chosenBefore, "chosenBefore");
        if (description.protection().isEmpty()) {
            return new ProtectionDecision.NoRegistration();
        }
        ServiceProtection protection = description.protection().get();
        String service = "service " + description.serviceId();
        if (capabilities.card() == UeCapabilities.Card.NONE) {
            return new NoAccess(NoAccess.Reason.NO_SUBSCRIBER_CARD, service + " is protected and the UE has no "
                    + "USIM or SIM to run GBA with (TS 33.246 §6.1)");
        }
        MbmsKeyManagement keyManagement;
        GbaFlavour gba;
        if (capabilities.uiccKeyManagementCapable()) {
            keyManagement = MbmsKeyManagement.UICC;
            gba = GbaFlavour.GBA_3G;
        } else if (protection.uiccKeyManagementRequired()) {
            return new NoAccess(NoAccess.Reason.UICC_KEY_MANAGEMENT_UNAVAILABLE, service + " requires UICC key "
                    + "management and the selected UICC application is not capable of MBMS key management "
                    + "(TS 33.246 §6.3.2.1A)");
        } else if (capabilities.card() == UeCapabilities.Card.USIM) {
            keyManagement = MbmsKeyManagement.ME;
            gba = GbaFlavour.GBA_3G;
        } else if (protection.gba2gAllowed()) {
            keyManagement = MbmsKeyManagement.ME;
            gba = GbaFlavour.GBA_2G;
        } else {
            return new NoAccess(NoAccess.Reason.USIM_REQUIRED, service + " does not allow 2G GBA and the UE has a "
                    + "SIM only: a USIM is needed (TS 33.246 §6.3.2.1A)");
        }
        List<Fqdn> servers = protection.keyManagementServers();
        Fqdn bmsc = chosenBefore.filter(servers::contains).orElseGet(() -> choose(servers));
        return new ProtectionDecision.Register(bmsc, keyManagement, gba);
    }

    /** One of {@code servers}, uniformly at random (TS 26.346 File Repair Server selection). */
    Fqdn choose(List<Fqdn> servers) {
        int n = servers.size();
        if (n == 1) {
            return servers.get(0);
        }
        long range = 1L << 32;
        long limit = range - range % n; // draws at or above it would favour the first servers
        long draw = 0;
        for (int i = 0; i < MAX_DRAWS; i++) {
            draw = unsigned32(random.next(4));
            if (draw < limit) {
                break;
            }
        }
        return servers.get((int) (draw % n));
    }

    private static long unsigned32(Bytes b) {
        if (b.length() != 4) {
            throw new IllegalStateException("random source returned " + b.length() + " bytes when 4 were asked");
        }
        return ((long) b.u8(0) << 24) | (b.u8(1) << 16) | (b.u8(2) << 8) | b.u8(3);
    }
}
