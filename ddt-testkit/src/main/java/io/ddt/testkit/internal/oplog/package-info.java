/**
 * Internal to the test kit: MongoDB's oplog formats reproduced as pure functions over
 * {@code org.bson} values, for the fake cluster's oplog. Not an API; may change at any time.
 */
package io.ddt.testkit.internal.oplog;
