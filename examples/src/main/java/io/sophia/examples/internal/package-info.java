/**
 * Implementation of the command line, a thin shell over {@link io.sophia.report.Sophia}: argument
 * parsing and the commands ({@code Commands}), report files and probing time around the library's check
 * ({@code Check}), the printed summary ({@code Summary}) and the redacting terminal streams
 * ({@code TerminalStream}). Not an API.
 */
package io.sophia.examples.internal;
