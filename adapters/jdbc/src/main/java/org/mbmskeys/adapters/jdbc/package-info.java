/**
 * Durable stores: registrations, key groups and wrapped MSKs, UE key state and engine instance records,
 * on embedded H2 (default) or PostgreSQL.
 */
package org.mbmskeys.adapters.jdbc;
