package org.mbmskeys.adapters.jdbc;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's instance records in the table {@code engine_instance}, so that a BM-SC started again (after a stop
 * or a SIGKILL) takes over its running procedures where the last step left them: a push waiting for its
 * verification message is resent on its schedule, with the next counter, and its answer still recognised.
 *
 * <p>Write-through: the records the engine runs stay in an in-memory store, which answers every {@link #load}
 * (the engine loads before each step and must not wait on the database for it); each {@link #save} of a durable
 * procedure's record also writes its row, before the engine carries out the step's sends and replies, and
 * {@link #remove} deletes it. The rows are read only by {@link #forEach}, which the engine calls when it starts.
 * A record is written whole after each step that saves it (a few hundred bytes for a push).
 *
 * <p>Rows belong to a node: {@link #forEach} takes over only this node's, so BM-SC nodes on one PostgreSQL
 * database must each have their own {@code node} name, kept across restarts. A node that runs renews its lease
 * ({@link #renewLease}); the instances of a node whose lease lapsed are taken over by another
 * ({@link #takeOverLapsed}), so that their timers fire on that node. A node that comes back after its instances
 * were taken over cannot write them any more ({@link InstanceTakenOverException}): an instance runs on one node.
 *
 * <p>Procedures the process starts again by itself when it starts (an MTK delivery from the configuration) may be
 * left out with {@link Builder#durable}; their records live in memory only.
 */
public final class JdbcInstanceStore implements InstanceStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcInstanceStore.class);

    private final Database db;
    private final InstanceRecordCodec codec;
    private final InstanceValues values;
    private final String node;
    private final Predicate<String> durable;
    private final InstanceStore live = InstanceStore.inMemory();

    private JdbcInstanceStore(Builder b) {
        this.db = b.db;
        this.values = b.values;
        this.codec = new InstanceRecordCodec(b.values);
        this.node = b.node;
        this.durable = b.durable;
    }

    /** A store on {@code db}'s {@code engine_instance} table, for node {@code node}. */
    public static Builder builder(Database db, String node) {
        return new Builder(db, node);
    }

    @Override
    public Optional<InstanceRecord> load(String procedure, Object key) {
        return live.load(procedure, key);
    }

    /**
     * @throws UnstorableValueException if the record holds a value of a type the store's values do not know
     *                                  (nothing is written then)
     */
    @Override
    public void save(InstanceRecord record) {
        if (durable.test(record.procedure())) {
            byte[] body = codec.encode(record);
            String key = keyText(record.key());
            Long next = record.deadlines().stream().mapToLong(d -> d.at().toEpochMilli()).min().stream().boxed()
                    .findFirst().orElse(null);
            boolean written = live.load(record.procedure(), record.key()).isPresent();
            Boolean kept = db.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("update engine_instance set state = ?, next_deadline = ?, "
                        + "body = ? where node = ? and procedure_name = ? and instance_key = ?")) {
                    s.setString(1, record.state());
                    setDeadline(s, 2, next);
                    s.setBytes(3, body);
                    s.setString(4, node);
                    s.setString(5, record.procedure());
                    s.setString(6, key);
                    if (s.executeUpdate() == 1) {
                        return true;
                    }
                }
                if (written) {
                    return false;   // this node wrote the row, and it is gone: another node took it over
                }
                // Only this instance's lane writes its row, so nothing inserts it between the update and the insert.
                try (PreparedStatement s = c.prepareStatement("insert into engine_instance (procedure_name, "
                        + "instance_key, node, state, next_deadline, body) values (?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, record.procedure());
                    s.setString(2, key);
                    s.setString(3, node);
                    s.setString(4, record.state());
                    setDeadline(s, 5, next);
                    s.setBytes(6, body);
                    s.executeUpdate();
                }
                return true;
            });
            if (!kept) {
                live.remove(record.procedure(), record.key());
                throw new InstanceTakenOverException(record.procedure() + "[" + record.key() + "] was taken over by another "
                        + "node after the lease of node " + node + " lapsed; this node does not run it any more, and "
                        + "the step's messages are not sent");
            }
        }
        live.save(record);
    }

    private static void setDeadline(PreparedStatement s, int index, Long next) throws java.sql.SQLException {
        if (next == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, next);
        }
    }

    @Override
    public void remove(String procedure, Object key) {
        // A record that was never saved (a request answered in its first step) has no row to delete.
        if (durable.test(procedure) && live.load(procedure, key).isPresent()) {
            String text = keyText(key);
            db.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "delete from engine_instance where node = ? and procedure_name = ? and instance_key = ?")) {
                    s.setString(1, node);
                    s.setString(2, procedure);
                    s.setString(3, text);
                    s.executeUpdate();
                }
                return null;
            });
        }
        live.remove(procedure, key);
    }

    /**
     * The records in memory, then this node's rows not in memory (read back from the database when the engine
     * starts on a fresh process). A row that cannot be read is logged and left in the table, untouched.
     */
    @Override
    public void forEach(Consumer<? super InstanceRecord> action) {
        live.forEach(action);
        List<StoredRow> rows = db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("select procedure_name, instance_key, body from engine_instance "
                    + "where node = ? order by procedure_name, instance_key")) {
                s.setString(1, node);
                List<StoredRow> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (durable.test(r.getString(1))) {
                            out.add(new StoredRow(r.getString(1), r.getString(2), r.getBytes(3)));
                        }
                    }
                }
                return out;
            }
        });
        notRunningHere(rows).forEach(action);
    }

    /**
     * The records of {@code rows} this process does not run already, read back; a row that cannot be read is
     * logged with its procedure and key, and left in the table untouched.
     */
    private List<InstanceRecord> notRunningHere(List<StoredRow> rows) {
        List<InstanceRecord> records = new ArrayList<>();
        for (StoredRow row : rows) {
            try {
                InstanceRecord record = codec.decode(row.body());
                if (live.load(record.procedure(), record.key()).isEmpty()) {
                    records.add(record);
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("the stored record of {}[{}] (now node {}'s) cannot be read and is left in the table: {}",
                        row.procedure(), row.key(), node, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        return records;
    }

    private record StoredRow(String procedure, String key, byte[] body) {
    }

    // ------------------------------------------------------------------------------------ leases across nodes

    /**
     * Renews this node's lease until {@code until} (epoch time on the database's nodes: their clocks must agree,
     * e.g. by NTP, to well within the lease). A node renews well before its lease ends, for as long as it runs.
     */
    public void renewLease(Instant until) {
        long end = until.toEpochMilli();
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("update engine_node set lease_until = ? where node = ?")) {
                s.setLong(1, end);
                s.setString(2, node);
                if (s.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into engine_node (node, lease_until) select ?, ? "
                    + "where not exists (select 1 from engine_node where node = ?)")) {
                s.setString(1, node);
                s.setLong(2, end);
                s.setString(3, node);
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Takes over the instances of every other node whose lease ended before {@code now}: their rows become this
     * node's, in one transaction with the removal of the lapsed lease, which is claimed {@code FOR UPDATE SKIP
     * LOCKED} so that of several nodes looking at once exactly one takes each lapsed node's instances. Answers the
     * records read back, for {@link org.mbmskeys.engine.runtime.Engine#takeOver}; unreadable rows are logged and
     * stay in the table, now this node's.
     */
    public List<InstanceRecord> takeOverLapsed(Instant now) {
        List<StoredRow> rows = db.inTransaction(c -> {
            List<String> lapsed = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select node from engine_node where lease_until < ? and node <> ? "
                    + "order by node for update skip locked")) {
                s.setLong(1, now.toEpochMilli());
                s.setString(2, node);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        lapsed.add(r.getString(1));
                    }
                }
            }
            List<StoredRow> taken = new ArrayList<>();
            for (String gone : lapsed) {
                try (PreparedStatement s = c.prepareStatement("select procedure_name, instance_key, body from "
                        + "engine_instance where node = ? order by procedure_name, instance_key")) {
                    s.setString(1, gone);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            taken.add(new StoredRow(r.getString(1), r.getString(2), r.getBytes(3)));
                        }
                    }
                }
                // An instance with the same key here already (both nodes ran one) keeps this node's row.
                try (PreparedStatement s = c.prepareStatement("delete from engine_instance e where e.node = ? and exists "
                        + "(select 1 from engine_instance m where m.node = ? and m.procedure_name = e.procedure_name "
                        + "and m.instance_key = e.instance_key)")) {
                    s.setString(1, gone);
                    s.setString(2, node);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("update engine_instance set node = ? where node = ?")) {
                    s.setString(1, node);
                    s.setString(2, gone);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("delete from engine_node where node = ?")) {
                    s.setString(1, gone);
                    s.executeUpdate();
                }
                LOG.warn("the lease of node {} lapsed; node {} takes over its instances", gone, node);
            }
            return taken;
        });
        return notRunningHere(rows);
    }

    /** The key as the table's text: its type, a colon and its text; other types as their stored bytes, in hex. */
    private String keyText(Object key) {
        if (key instanceof String s) {
            return "s:" + s;
        }
        if (key instanceof Integer || key instanceof Long) {
            return (key instanceof Integer ? "i:" : "l:") + key;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            values.write(key, new java.io.DataOutputStream(bytes));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "x:" + HexFormat.of().formatHex(bytes.toByteArray());
    }

    @Override
    public String toString() {
        return "JdbcInstanceStore[node " + node + ", " + db + "]";
    }

    /** Builds a {@link JdbcInstanceStore}. */
    public static final class Builder {

        private final Database db;
        private final String node;
        private InstanceValues values = InstanceValues.standard();
        private Predicate<String> durable = procedure -> true;

        private Builder(Database db, String node) {
            this.db = Objects.requireNonNull(db, "db");
            this.node = Objects.requireNonNull(node, "node");
            if (node.isBlank() || node.length() > 200) {
                throw new IllegalArgumentException("a node name is 1..200 characters, not blank; got '" + node + "'");
            }
        }

        /** The values instance records may hold (default: {@link InstanceValues#standard()}). */
        public Builder values(InstanceValues values) {
            this.values = Objects.requireNonNull(values, "values");
            return this;
        }

        /** Which procedures' records are written to the database (default: all); the others live in memory only. */
        public Builder durable(Predicate<String> procedures) {
            this.durable = Objects.requireNonNull(procedures, "procedures");
            return this;
        }

        public JdbcInstanceStore build() {
            return new JdbcInstanceStore(this);
        }
    }
}
