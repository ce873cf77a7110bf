package org.mbmskeys.engine.bytes;

import java.util.ArrayList;
import java.util.List;

/**
 * Which {@link SecretBytes} a block of code created on the current thread, and which of them it left
 * undestroyed: the way a test sees a forgotten {@link SecretBytes#destroy()} of a copy that never leaves a
 * method (the MUK copy sealed into one MIKEY message, the HA1 of one refused request), which nothing else can
 * observe.
 *
 * <pre>{@code
 * try (SecretAudit audit = SecretAudit.begin()) {
 *     bmsc.pushMsk(group);                       // seals one message per UE with a copy of its MUK
 *     assertThat(audit.undestroyed()).isEmpty(); // every copy was wiped; on failure the list names
 * }                                              // where each live secret was created
 * }</pre>
 *
 * <p>Only secrets created on the thread that began the audit, between {@link #begin()} and {@link #close()},
 * are recorded; code that hands work to other threads is audited on those threads. Audits nest: a secret
 * is recorded by the innermost open audit and, when that closes, by the one around it. While no audit is
 * open anywhere, creating a secret costs one extra volatile read.
 */
public final class SecretAudit implements AutoCloseable {

    private static final ThreadLocal<SecretAudit> CURRENT = new ThreadLocal<>();
    private static final StackWalker WALKER = StackWalker.getInstance();

    /** Audits open in this JVM: while zero, {@link SecretBytes} does not look for one. */
    private static volatile int open;

    private final Thread thread = Thread.currentThread();
    private final SecretAudit outer = CURRENT.get();
    private final List<Created> created = new ArrayList<>();
    private boolean closed;

    private SecretAudit() {
    }

    /** Starts recording the secrets this thread creates, until {@link #close()}. */
    public static SecretAudit begin() {
        SecretAudit audit = new SecretAudit();
        synchronized (SecretAudit.class) {
            open++;
        }
        CURRENT.set(audit);
        return audit;
    }

    /** Called by every {@link SecretBytes} constructor. */
    static void created(SecretBytes secret) {
        if (open == 0) {
            return;
        }
        SecretAudit audit = CURRENT.get();
        if (audit != null) {
            audit.created.add(new Created(secret, site()));
        }
    }

    /** How many secrets were created so far under this audit. */
    public int createdCount() {
        return created.size();
    }

    /** The secrets created under this audit that are not destroyed now, in creation order. */
    public List<Created> undestroyed() {
        List<Created> live = new ArrayList<>();
        for (Created c : created) {
            if (!c.secret().isDestroyed()) {
                live.add(c);
            }
        }
        return live;
    }

    /** Whether {@code secret} was created under this audit (by identity, not content). */
    public boolean recorded(SecretBytes secret) {
        for (Created c : created) {
            if (c.secret() == secret) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops recording; the audit still answers {@link #undestroyed()}. Its secrets pass to the audit around
     * it, if any. Idempotent.
     *
     * @throws IllegalStateException if called on another thread, or while an audit begun inside it is open
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("a SecretAudit is closed on the thread that began it");
        }
        if (CURRENT.get() != this) {
            throw new IllegalStateException("close the audit begun inside this one first");
        }
        closed = true;
        if (outer != null) {
            outer.created.addAll(created);
            CURRENT.set(outer);
        } else {
            CURRENT.remove();
        }
        synchronized (SecretAudit.class) {
            open--;
        }
    }

    /** The first frame outside {@code SecretBytes}, {@code Hex} and this class: the code that asked for it. */
    private static String site() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isSecretBytesMachinery(f.getClassName()))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "."
                        + f.getMethodName() + ":" + f.getLineNumber())
                .orElse("?"));
    }

    private static boolean isSecretBytesMachinery(String className) {
        return isOrIsNestedIn(className, SecretBytes.class) || isOrIsNestedIn(className, SecretAudit.class)
                || isOrIsNestedIn(className, Hex.class);
    }

    private static boolean isOrIsNestedIn(String className, Class<?> type) {
        return className.equals(type.getName()) || className.startsWith(type.getName() + "$");
    }

    /**
     * One secret created under an audit and where: the class, method and line that created it. Prints the
     * length and the site, never the content.
     *
     * @param secret the secret
     * @param site   {@code Class.method:line} of the code that created it
     */
    public record Created(SecretBytes secret, String site) {

        @Override
        public String toString() {
            return secret.length() + " bytes from " + site;
        }
    }
}
