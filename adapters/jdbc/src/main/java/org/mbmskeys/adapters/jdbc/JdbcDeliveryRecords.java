package org.mbmskeys.adapters.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecordStorage;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery records in the table {@code delivery_record}, shared by every node on the database: a BM-SC restarted,
 * or another node, answers for the deliveries of the one that recorded them.
 *
 * <p>Recording is an {@code UPDATE} of the push's row (same UE, CSB ID and first-sent time) or, if it has none, an
 * {@code INSERT}; a node that took over a push thus replaces the record its first node wrote before it died. Times
 * are kept to the microsecond (PostgreSQL's precision), so a record read back has its times truncated to it.
 *
 * <p>Retention: records whose first message went out more than {@code retention} ago are deleted, every
 * {@value #PURGE_EVERY} records and by {@link #purgeExpired()} (which a process calls when it starts and then
 * periodically). An operator who bills from these rows exports them within the retention.
 */
public final class JdbcDeliveryRecords implements DeliveryRecordStorage {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDeliveryRecords.class);

    static final int PURGE_EVERY = 1024;
    private static final String COLUMNS =
            "impi, msk_ref, csb_id, counter_value, first_sent_at, attempts, outcome, acknowledged_at";

    private final Database db;
    private final Duration retention;
    private final InstantSource clock;
    private final AtomicLong added = new AtomicLong();

    /**
     * @param retention how long a record is kept, counted from its first message
     * @throws IllegalArgumentException if {@code retention} is not positive
     */
    public JdbcDeliveryRecords(Database db, Duration retention, InstantSource clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
    }

    @Override
    public void add(DeliveryRecord record) {
        Objects.requireNonNull(record, "record");
        db.inTransaction(c -> {
            if (update(c, record)) {
                return null;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "insert into delivery_record (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, record.impi());
                s.setString(2, record.msk().toString());
                s.setLong(3, unsigned(record.csbId()));
                s.setLong(4, record.counter().value());
                s.setObject(5, timestamp(record.firstSentAt()));
                s.setInt(6, record.attempts());
                s.setString(7, record.outcome().name());
                s.setObject(8, record.acknowledgedAt().map(JdbcDeliveryRecords::timestamp).orElse(null));
                s.executeUpdate();
            } catch (SQLException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                c.rollback();   // another node recorded the same push just now: ours, the later word, replaces it
                update(c, record);
            }
            return null;
        });
        if (added.incrementAndGet() % PURGE_EVERY == 0) {
            purgeExpired();
        }
    }

    /** Replaces the record of the same push, if there is one. */
    private static boolean update(Connection c, DeliveryRecord record) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update delivery_record set msk_ref = ?, counter_value = ?, "
                + "attempts = ?, outcome = ?, acknowledged_at = ? where impi = ? and csb_id = ? and first_sent_at = ?")) {
            s.setString(1, record.msk().toString());
            s.setLong(2, record.counter().value());
            s.setInt(3, record.attempts());
            s.setString(4, record.outcome().name());
            s.setObject(5, record.acknowledgedAt().map(JdbcDeliveryRecords::timestamp).orElse(null));
            s.setString(6, record.impi());
            s.setLong(7, unsigned(record.csbId()));
            s.setObject(8, timestamp(record.firstSentAt()));
            return s.executeUpdate() > 0;
        }
    }

    @Override
    public List<DeliveryRecord> byUe(String impi, int limit) {
        return newest("impi", Objects.requireNonNull(impi, "impi"), limit);
    }

    @Override
    public List<DeliveryRecord> byMsk(MskRef msk, int limit) {
        return newest("msk_ref", Objects.requireNonNull(msk, "msk").toString(), limit);
    }

    private List<DeliveryRecord> newest(String column, String value, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from delivery_record where " + column
                    + " = ? order by id desc limit ?")) {
                s.setString(1, value);
                s.setInt(2, limit);
                List<DeliveryRecord> newestFirst = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        newestFirst.add(read(rs));
                    }
                }
                Collections.reverse(newestFirst);
                return List.copyOf(newestFirst);
            }
        });
    }

    /** Deletes the records first sent more than the retention ago; answers how many. */
    public int purgeExpired() {
        Instant before = clock.instant().minus(retention);
        int deleted = db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("delete from delivery_record where first_sent_at < ?")) {
                s.setObject(1, timestamp(before));
                return s.executeUpdate();
            }
        });
        if (deleted > 0) {
            LOG.debug("Deleted {} delivery records first sent before {} (retention {})", deleted, before, retention);
        }
        return deleted;
    }

    private static DeliveryRecord read(ResultSet rs) throws SQLException {
        return new DeliveryRecord(rs.getString(1), MskRef.parse(rs.getString(2)), CsbId.of((int) rs.getLong(3)),
                TimestampCounter.of(rs.getLong(4)), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getInt(6),
                DeliveryOutcome.valueOf(rs.getString(7)),
                Optional.ofNullable(rs.getObject(8, OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static long unsigned(CsbId csbId) {
        return csbId.value() & 0xFFFFFFFFL;
    }
}
