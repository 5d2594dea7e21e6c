/**
 * The ddt public API: what applications call to copy MongoDB collections from a source cluster
 * to a target and keep the target in step by replaying the source's oplog.
 *
 * <p>Types in this package never depend on {@code io.ddt.internal}; the build checks it.
 */
package io.ddt;
