/**
 * AssertJ-style assertions on the content of MongoDB clusters, for tests of code that uses
 * ddt. Start from {@link io.ddt.testkit.assertions.DdtAssertions#assertThat(io.ddt.testkit.TestCluster)}:
 *
 * <pre>{@code
 * assertThat(target).hasSameContentAs(source);
 * }</pre>
 *
 * <p>The assertions only read. Failure messages name namespaces, {@code _id}s and field names,
 * never document values. Only {@code DdtAssertions} and {@code ClusterAssert} are public; the
 * rest of the package may change at any time.
 */
package io.ddt.testkit.assertions;
