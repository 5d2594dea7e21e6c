/**
 * ddt's internals, shared by its parts: the copy ({@code copy}), the applier ({@code apply}),
 * the {@code $v:2} diff reader ({@code diff}). Not an API: may change at any time.
 */
package io.ddt.internal;
