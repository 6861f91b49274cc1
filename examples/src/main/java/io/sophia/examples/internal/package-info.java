/**
 * Implementation of the command line: argument parsing ({@code Commands}), the one check code path
 * ({@code Check}), the wiring to the other modules ({@code Wiring}), the printed summary
 * ({@code Summary}) and a line-aware YAML/JSON tree ({@code YamlTree}). Not an API.
 */
package io.sophia.examples.internal;
