/**
 * The MongoDB full copy: planning ranges, copying them in parallel within a byte budget, and the
 * metadata around them. Internal: may change at any time; use {@code io.ddt.mongo.MongoFullCopier}.
 */
package io.ddt.internal.copy;
