/**
 * MongoDB's {@code $v:2} update diffs as the server reads them, shared by the applier and the
 * test kit's fake server. Internal: may change at any time.
 */
package io.ddt.internal.diff;
