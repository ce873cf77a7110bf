package org.mbmskeys.adapters.jdbc;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.distribution.PreparedPush;
import org.mbmskeys.mbms.bmsc.distribution.PushKind;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.protection.AckExpectation;

/**
 * The push a {@code bmsc.msk-push} instance is waiting to have acknowledged: kept with the instance so that a
 * restarted BM-SC resends it with the next counter (§6.4.3) and still recognises the UE's verification message for
 * any earlier attempt (§6.4.5.2). A {@link PreparedPush} holds no key: its datagram is the sealed MIKEY message as
 * sent on the wire.
 */
public final class PreparedPushValue implements InstanceValueType<PreparedPush> {

    @Override
    public Class<PreparedPush> type() {
        return PreparedPush.class;
    }

    @Override
    public String name() {
        return "bmsc.PreparedPush/1";
    }

    @Override
    public void write(PreparedPush p, DataOutput out) throws IOException {
        InstanceValues.writeText(p.impi(), out);
        InstanceValues.writeText(p.msk().toString(), out);
        InstanceValues.writeText(p.kind().name(), out);
        out.writeInt(p.validity().seqLow().value());
        out.writeInt(p.validity().seqHigh().value());
        InstanceValues.writeBytes(p.datagram(), out);
        InstanceValues.writeText(p.to().host(), out);
        out.writeInt(p.to().port());
        out.writeBoolean(p.ackExpectation().isPresent());
        if (p.ackExpectation().isPresent()) {
            AckExpectation a = p.ackExpectation().get();
            out.writeInt(a.csbId().value());
            InstanceValues.writeBytes(a.rand(), out);
            InstanceValues.writeBytes(a.idi(), out);
            InstanceValues.writeBytes(a.idr(), out);
            out.writeLong(a.counter().value());
        }
        out.writeInt(p.csbId().value());
        out.writeLong(p.counter().value());
        InstanceValues.writeBytes(p.mukId().idi(), out);
        InstanceValues.writeBytes(p.mukId().idr(), out);
        out.writeInt(p.attempt());
        out.writeInt(p.sentCounters().size());
        for (TimestampCounter c : p.sentCounters()) {
            out.writeLong(c.value());
        }
        out.writeLong(p.firstPreparedAt().getEpochSecond());
        out.writeInt(p.firstPreparedAt().getNano());
    }

    @Override
    public PreparedPush read(DataInput in) throws IOException {
        try {
            String impi = InstanceValues.readText(in);
            MskRef msk = MskRef.parse(InstanceValues.readText(in));
            PushKind kind = PushKind.valueOf(InstanceValues.readText(in));
            KeyValidity validity = new KeyValidity(MtkId.of(in.readInt()), MtkId.of(in.readInt()));
            var datagram = InstanceValues.readBytes(in);
            Endpoint to = Endpoint.of(InstanceValues.readText(in), in.readInt());
            Optional<AckExpectation> ack = Optional.empty();
            if (in.readBoolean()) {
                ack = Optional.of(new AckExpectation(CsbId.of(in.readInt()), InstanceValues.readBytes(in),
                        InstanceValues.readBytes(in), InstanceValues.readBytes(in), TimestampCounter.of(in.readLong())));
            }
            CsbId csbId = CsbId.of(in.readInt());
            TimestampCounter counter = TimestampCounter.of(in.readLong());
            MukId mukId = new MukId(InstanceValues.readBytes(in), InstanceValues.readBytes(in));
            int attempt = in.readInt();
            int sent = in.readInt();
            if (sent < 1 || sent > 1000) {
                throw new IOException("a stored push with " + sent + " counters sent");
            }
            List<TimestampCounter> sentCounters = new ArrayList<>(sent);
            for (int i = 0; i < sent; i++) {
                sentCounters.add(TimestampCounter.of(in.readLong()));
            }
            Instant first = Instant.ofEpochSecond(in.readLong(), in.readInt());
            return new PreparedPush(impi, msk, kind, validity, datagram, to, ack, csbId, counter, mukId, attempt,
                    sentCounters, first);
        } catch (IllegalArgumentException e) {
            throw new IOException("stored push is malformed: " + e.getMessage(), e);
        }
    }
}
