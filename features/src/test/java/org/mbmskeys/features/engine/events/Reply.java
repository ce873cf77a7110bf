package org.mbmskeys.features.engine.events;

/** A supertype of events, so that features can show that {@code on(Reply)} also takes its subtypes. */
public interface Reply {

    String value();
}
