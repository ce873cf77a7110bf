package org.mbmskeys.benchmarks.engine;

/** The acknowledgement that ends a {@code bench.msk-push} instance. Public because the script names it. */
public record Ack() {
}
