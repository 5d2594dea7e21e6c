/**
 * Internal to the test kit: how MongoDB orders BSON values, shared by the fake cluster's
 * {@code _id} index and the content assertions. Not an API; may change at any time.
 */
package io.ddt.testkit.internal.bson;
