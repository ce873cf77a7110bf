package org.mbmskeys.features.engine;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.lang.reflect.InvocationTargetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.features.engine.events.Go;

/**
 * Turns the way features write events ({@code Go}, {@code Answer "yes"}) into event objects of package
 * {@code events}, and back into text for envelopes: routed envelopes carry the event's text as UTF-8, and
 * the features' routing rules read it back.
 */
final class Events {

    /** The text of an event in a step: a class name, optionally followed by one quoted value. */
    static final String SYNTAX = "[A-Z][A-Za-z]*(?: \"[^\"]*\")?";

    private static final Pattern EVENT = Pattern.compile("([A-Z][A-Za-z]*)(?: \"([^\"]*)\")?");
    private static final String PACKAGE = Go.class.getPackageName();

    private Events() {
    }

    /**
     * The event {@code text} names.
     *
     * @throws IllegalArgumentException if no event class has that name, or it does not take the value given
     */
    static Object parse(String text) {
        Matcher m = EVENT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an event; write a class of " + PACKAGE
                    + " with an optional quoted value, as in Go or Answer \"yes\"");
        }
        Class<?> type;
        try {
            type = Class.forName(PACKAGE + "." + m.group(1));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no event class " + m.group(1) + " in " + PACKAGE
                    + "; add a record there to use it in features", e);
        }
        String value = m.group(2);
        try {
            return value == null ? type.getConstructor().newInstance() : type.getConstructor(String.class).newInstance(value);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(m.group(1) + (value == null ? " needs a value, as in " + m.group(1)
                    + " \"text\"" : " takes no value; write it as " + m.group(1)), e);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot create " + text, e);
        }
    }

    /** The payload of an envelope that carries the event written {@code text}. */
    static Bytes encode(String text) {
        return Bytes.wrap(text.getBytes(UTF_8));
    }

    /** The event an envelope's payload carries. */
    static Object decode(Bytes payload) {
        return parse(new String(payload.toByteArray(), UTF_8));
    }
}
