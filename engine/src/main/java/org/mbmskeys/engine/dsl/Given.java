package org.mbmskeys.engine.dsl;

import org.mbmskeys.engine.model.SourceRef;

/** A value a keyword gave, and where: for keywords that may be given once per block. */
record Given<T>(T value, SourceRef at) {
}
