/**
 * The deployment description {@code sophia check} reads (YAML or JSON):
 * {@link io.sophia.examples.config.DeploymentConfig} and its validation errors,
 * {@link io.sophia.examples.config.ConfigException}, which name the file, line and key.
 */
package io.sophia.examples.config;
