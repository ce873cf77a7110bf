package org.mbmskeys.engine.dsl;

/**
 * What an unknown bare word evaluates to in a structural block, after it was reported: the keyword it is
 * given to then uses the word as the name it spells ({@code goTo done} without quotes goes to 'done'), and
 * {@code on(Unimported)} gets this class as a stand-in event type, so the rest of the procedure is checked
 * as written instead of being reported again as a consequence.
 */
record UnknownName(String name) {
}
