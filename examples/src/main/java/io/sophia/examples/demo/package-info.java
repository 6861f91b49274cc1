/**
 * The reference scenario on loopback: {@link io.sophia.examples.demo.DemoFleet} starts six service
 * stand-ins, a GitHub REST API stand-in and a Fly.io Machines API stand-in serving the payloads under
 * {@code src/main/resources/demo/} (see its README for the corpus each follows).
 */
package io.sophia.examples.demo;
