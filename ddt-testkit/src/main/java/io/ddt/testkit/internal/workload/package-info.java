/**
 * The machinery behind {@link io.ddt.testkit.Workload}: id and document generation, choosing and
 * building operations, the run loop and its rate limit. Not API; may change at any time.
 */
package io.ddt.testkit.internal.workload;
