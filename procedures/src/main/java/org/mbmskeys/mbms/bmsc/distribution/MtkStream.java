package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryException;
import org.mbmskeys.mbms.bmsc.keys.MtkAllocation;
import org.mbmskeys.mbms.bmsc.keys.RegisteredMsk;
import org.mbmskeys.mbms.bmsc.registrations.Registrations;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.CsbIds;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MtkDelivery;
import org.mbmskeys.mbms.traffic.DcfKeyId;
import org.mbmskeys.mbms.traffic.DcfKeys;
import org.mbmskeys.mbms.traffic.SrtpMasterKey;
import org.mbmskeys.mbms.traffic.SrtpMki;
import org.mbmskeys.mbms.traffic.TrafficKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MTK messages of one streaming or download session, i.e. of one Key Group (TS 33.246 §6.3.3; one Key
 * Group protects one RTP session or FLUTE channel, §4.2). Multicast: one message for every UE.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>{@link #next()} takes the group's <em>current</em> MSK from the {@link KeyRegistry} and allocates the
 *       next MTK ID under it (SEQl + 1 first, then increasing, §6.3.3.1, §6.5.4), with a fresh MTK (and salt
 *       for streaming), the next counter of that MSK's stream (one counter common to all UEs, reset with a
 *       new MSK, §6.4.3), a fresh random CSB ID and no RAND: the UEs use the MSK's MIKEY-RAND (§6.4.5.3
 *       NOTE). After a rotation the stream follows the new MSK by itself. It may be sent before the RTP
 *       traffic switches to the new MTK (§6.3.3.2.2).</li>
 *   <li>{@link #current()} is the last message made, byte for byte, to be resent periodically: "Reliability
 *       of MTK delivery is reached by re-sending MTK messages periodically", with the same TS, which the ME
 *       drops as a duplicate once it has the MTK (§6.3.3.2.2, §6.4.3 NOTE).</li>
 *   <li><b>Streaming</b>: messages go to the RTP destination address on UDP port 2269 (§6.3.3.2.2).
 *       <b>Download</b>: a message travels as an {@value #MIKEY_MEDIA_TYPE} object in the FLUTE session of the
 *       file it protects ({@link PreparedMtk#asObject}, §6.3.3.2.1).</li>
 * </ul>
 * {@link #next(Consumer)} hands the keys the traffic is protected with under the new MTK ({@link TrafficKeys}) to the
 * traffic protection before the message becomes current; the stream's own MTK and MSK copies are wiped once the
 * message is sealed. Thread-safe (one caller at a time).
 *
 * <pre>{@code
 * MtkStream stream = MtkStream.streaming(registry, group, MtkStream.mikeyDestinationFor(rtp), random, suite);
 * if (stream.next(keys -> srtpSender.use((SrtpMasterKey) keys)) instanceof MtkStep.Next n) {   // it destroys them
 *     send(n.message().datagram(), n.message().to().orElseThrow());
 * }
 * stream.current();   // resend every few seconds
 * }</pre>
 */
public final class MtkStream {

    /** "the IANA-registered type for MIKEY", the media type of MTK objects in FLUTE (§6.3.3.2.1). */
    public static final String MIKEY_MEDIA_TYPE = "application/mikey";

    private static final Logger LOG = LoggerFactory.getLogger(MtkStream.class);

    private final KeyRegistry registry;
    private final KeyGroupRef group;
    private final ServiceType serviceType;
    private final Optional<Endpoint> to;
    private final RandomBytes random;
    private final CryptoSuite suite;
    private final MikeySealer sealer;
    private PreparedMtk current;

    private MtkStream(KeyRegistry registry, KeyGroupRef group, ServiceType serviceType, Optional<Endpoint> to,
                      RandomBytes random, CryptoSuite suite) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.group = Objects.requireNonNull(group, "group");
        this.serviceType = serviceType;
        this.to = to;
        this.random = Objects.requireNonNull(random, "random");
        this.suite = Objects.requireNonNull(suite, "suite");
        this.sealer = new MikeySealer(suite);
        KeyGroupRecord record = registry.group(group.keyDomain(), group.keyGroup()).orElseThrow(() ->
                new IllegalArgumentException("no Key Group " + group + " in the key registry; create it first"));
        if (record.serviceType() != serviceType) {
            throw new IllegalArgumentException("Key Group " + group + " is " + record.serviceType() + ", not "
                    + serviceType + "; its MTK messages must be made for " + record.serviceType());
        }
    }

    /**
     * The stream of a streaming Key Group, sent to {@code mikeyDestination}: the RTP session's destination
     * address on port 2269 ({@link #mikeyDestinationFor}).
     *
     * @throws IllegalArgumentException if the group does not exist or is not streaming
     */
    public static MtkStream streaming(KeyRegistry registry, KeyGroupRef group, Endpoint mikeyDestination,
                                      RandomBytes random, CryptoSuite suite) {
        return new MtkStream(registry, group, ServiceType.STREAMING,
                Optional.of(Objects.requireNonNull(mikeyDestination, "mikeyDestination")), random, suite);
    }

    /**
     * The stream of a download Key Group; its messages travel as FLUTE objects.
     *
     * @throws IllegalArgumentException if the group does not exist or is not download
     */
    public static MtkStream download(KeyRegistry registry, KeyGroupRef group, RandomBytes random, CryptoSuite suite) {
        return new MtkStream(registry, group, ServiceType.DOWNLOAD, Optional.empty(), random, suite);
    }

    /** The RTP destination's host on the MIKEY port 2269 (§6.3.3.2.2: "the same IP destination address"). */
    public static Endpoint mikeyDestinationFor(Endpoint rtpDestination) {
        return Endpoint.of(rtpDestination.host(), Registrations.MIKEY_PORT);
    }

    public KeyGroupRef group() {
        return group;
    }

    public ServiceType serviceType() {
        return serviceType;
    }

    /**
     * Allocates the next MTK under the group's current MSK and seals its message, hands {@code protection} the keys
     * the traffic is protected with under it ({@link TrafficKeys}: copies it then owns and destroys), and only then
     * makes the message {@link #current()}, so no resend carries an MTK the traffic protection did not take. If
     * {@code protection} throws, the keys are destroyed, the message is dropped (its MTK ID and counter stay used:
     * they only go up) and the exception goes to the caller.
     */
    public synchronized MtkStep next(Consumer<? super TrafficKeys> protection) {
        Objects.requireNonNull(protection, "protection");
        while (true) {
            Optional<RegisteredMsk> found = registry.currentMsk(group.keyDomain(), group.keyGroup());
            if (found.isEmpty()) {
                return new MtkStep.NoCurrentMsk(group);
            }
            RegisteredMsk msk = found.get();
            try {
                MtkAllocation allocation;
                try {
                    allocation = registry.nextMtk(msk.ref());
                } catch (KeyRegistryException rotatedAway) {
                    continue;   // a rotation dropped it between the two reads: take the new current MSK
                }
                if (allocation instanceof MtkAllocation.Exhausted exhausted) {
                    LOG.debug("MTK stream of {}: {}", group, exhausted.detail());
                    return new MtkStep.Exhausted(exhausted);
                }
                MtkAllocation.Allocated mtk = (MtkAllocation.Allocated) allocation;
                try {
                    TimestampCounter counter = registry.nextCounter(ProtectingKey.msk(msk.ref()));
                    CsbId csbId = CsbIds.random(random);
                    Bytes datagram = sealer.seal(new MtkDelivery(csbId, msk.ref().keyDomain(), msk.ref().mskId(),
                            mtk.mtkId(), serviceType, mtk.mtk(), mtk.salt(), counter, msk.rand()), msk.key());
                    TrafficKeys keys = trafficKeys(msk, mtk, csbId);
                    try {
                        protection.accept(keys);
                    } catch (RuntimeException e) {
                        keys.destroy();
                        throw e;
                    }
                    current = new PreparedMtk(msk.ref(), mtk.mtkId(), counter, csbId, datagram, to);
                    LOG.debug("MTK stream of {}: MTK {} under MSK {}, counter {}", group, mtk.mtkId(), msk.ref(), counter);
                    return new MtkStep.Next(current);
                } finally {
                    mtk.mtk().destroy();
                    mtk.salt().ifPresent(SecretBytes::destroy);
                }
            } finally {
                msk.key().destroy();
            }
        }
    }

    /** {@link #next(Consumer)} for a stream whose traffic is protected elsewhere: the keys are destroyed at once. */
    public MtkStep next() {
        return next(TrafficKeys::destroy);
    }

    /**
     * What the traffic is protected with under this MTK (§6.6): for streaming the MTK as SRTP master key and the KEMAC
     * salt as master salt, named by the MKI MSK ID ‖ MTK ID (§6.5.4, §6.6.2.1); for download the DCF keys derived
     * from the MTK with the message's CSB ID and the MSK's MIKEY-RAND, named by the KeyID Key Domain ID ‖ MSK ID ‖
     * MTK ID (§6.5.4, §6.6.3.2). The UE derives the same from the message.
     */
    private TrafficKeys trafficKeys(RegisteredMsk msk, MtkAllocation.Allocated mtk, CsbId csbId) {
        if (serviceType == ServiceType.STREAMING) {
            return new SrtpMasterKey(SrtpMki.of(msk.ref().mskId(), mtk.mtkId()), copy(mtk.mtk()),
                    copy(mtk.salt().orElseThrow()));   // the registry gives every streaming MTK its salt
        }
        return DcfKeys.derive(DcfKeyId.of(msk.ref().keyDomain(), msk.ref().mskId(), mtk.mtkId()), mtk.mtk(), csbId,
                msk.rand(), suite);
    }

    private static SecretBytes copy(SecretBytes key) {
        return key.copy();
    }

    /** The last message {@link #next()} made, to resend as it is; empty before the first. */
    public synchronized Optional<PreparedMtk> current() {
        return Optional.ofNullable(current);
    }
}
