/**
 * Netty HTTP transport: the BM-SC Key Request server ({@code POST /keymanagement}) and the UE client, and
 * {@link org.mbmskeys.adapters.http.HttpWire}, the HTTP/1.1 codec the roles make and read their messages with (on
 * these sockets and on the in-memory network alike). Parses and writes HTTP; Digest and XML bodies belong to the
 * procedures.
 */
package org.mbmskeys.adapters.http;
