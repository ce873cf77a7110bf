/**
 * In-memory network: a deterministic transport that carries the exact bytes a socket would (MIKEY
 * datagrams, HTTP/1.1 wire bytes) between many nodes on the engine's virtual time, with seeded fault
 * injection (drop, duplicate, delay, reorder, partition, corrupt), a capture of all traffic, replay, and
 * a pcap of the datagrams. Knows no MIKEY. Start at {@link org.mbmskeys.adapters.memory.MemoryNetwork}.
 */
package org.mbmskeys.adapters.memory;
