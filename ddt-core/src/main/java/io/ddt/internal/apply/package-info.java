/**
 * Applying change events to the target: each document change as one idempotent write
 * ({@link io.ddt.internal.apply.DocumentWrites}) and each DDL command through the namespace
 * mapping ({@link io.ddt.internal.apply.DdlApplier}). Internal: may change at any time.
 */
package io.ddt.internal.apply;
