/**
 * Netty HTTP transport: the BM-SC Key Request server ({@code POST /keymanagement}) and the UE client.
 * Parses and writes HTTP; Digest and XML bodies belong to the procedures.
 */
package org.mbmskeys.adapters.http;
