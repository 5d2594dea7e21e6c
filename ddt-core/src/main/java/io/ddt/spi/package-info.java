/**
 * What users may implement or replace: the parts a {@code Transfer} composes. Each interface
 * says which thread calls it, what it does on failure and that it must not block forever.
 * Types here never depend on {@code io.ddt.internal}.
 */
package io.ddt.spi;
