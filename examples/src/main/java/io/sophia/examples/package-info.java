/**
 * The {@code sophia} command line ({@link io.sophia.examples.Main}): {@code demo}, {@code check} and
 * {@code watch}, packaged as one runnable jar, {@code examples/target/sophia.jar}.
 *
 * <p>Stability: the command line, its exit codes and the config keys are a contract (DESIGN.md);
 * the Java API of this module is an example, not a library API.
 */
package io.sophia.examples;
