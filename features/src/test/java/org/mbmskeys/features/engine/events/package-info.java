/**
 * The synthetic events of the engine features: small records with no meaning beyond their names, so
 * that the features read as statements about the engine and nothing else. Feature steps name them as
 * {@code Go} or {@code Answer "yes"} ({@code EventParameter}); scripts see them without imports.
 */
package org.mbmskeys.features.engine.events;
