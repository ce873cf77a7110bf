/**
 * In-memory network: a deterministic transport that carries encoded bytes between endpoints, with loss,
 * duplication, reordering and delay, driven by the engine's virtual time. Knows no MIKEY. Filled by the
 * engine issue.
 */
package org.mbmskeys.adapters.memory;
