/**
 * The MongoDB implementations of ddt's SPI: what a {@code Transfer} uses by default, and what
 * applications compose themselves.
 */
package io.ddt.mongo;
