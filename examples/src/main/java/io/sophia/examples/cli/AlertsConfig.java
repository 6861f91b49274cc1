package io.sophia.examples.cli;

import io.sophia.examples.config.ConfigException;
import io.sophia.examples.internal.YamlTree;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code alerts} section of a deployment config, read on its own so the config reader only has to
 * let the key through:
 *
 * <pre>
 * alerts:
 *   webhooks:
 *     - https://alerts.example.com/sophia        # a URL
 *     - urlEnv: SLACK_WEBHOOK_URL                # or the variable that holds it (Slack's URL is a secret)
 * </pre>
 *
 * <p>A webhook URL is never printed: errors name its position and key only.
 *
 * @param webhooks the URLs to POST alerts to, in file order
 */
public record AlertsConfig(List<URI> webhooks) {

    /** No alerts. */
    public static final AlertsConfig NONE = new AlertsConfig(List.of());

    /**
     * Canonical constructor: copies the list.
     *
     * @param webhooks the URLs to POST alerts to, in file order
     */
    public AlertsConfig {
        webhooks = List.copyOf(webhooks);
    }

    /**
     * Reads the {@code alerts} section of {@code file}.
     *
     * @param file a config file the config reader accepted
     * @param env  reads the {@code urlEnv} variables
     * @return the section, {@link #NONE} when absent
     * @throws ConfigException naming the file, line and key of every problem
     */
    public static AlertsConfig read(Path file, Function<String, String> env) throws ConfigException {
        String name = file.toString();
        Optional<YamlTree.Node> root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = YamlTree.parse(r, name.toLowerCase(Locale.ROOT).endsWith(".json"));
        } catch (YamlTree.SyntaxError e) {
            throw ConfigException.of(name, e.line(), "", e.getMessage());
        } catch (IOException e) {
            throw ConfigException.of(name, 0, "", "cannot read: " + e.getClass().getSimpleName());
        }
        if (root.isEmpty() || !(root.get() instanceof YamlTree.MapNode map)) {
            return NONE;
        }
        Optional<YamlTree.Entry> alerts = map.get("alerts");
        if (alerts.isEmpty()) {
            return NONE;
        }
        List<ConfigException.Problem> problems = new ArrayList<>();
        List<URI> urls = new ArrayList<>();
        if (!(alerts.get().value() instanceof YamlTree.MapNode a)) {
            throw ConfigException.of(name, alerts.get().line(), "alerts", "expected a map with webhooks");
        }
        for (YamlTree.Entry e : a.entries()) {
            if (!e.key().equals("webhooks")) {
                problems.add(new ConfigException.Problem(name, e.line(), "alerts." + e.key(), "unknown key (known: webhooks)"));
            }
        }
        Optional<YamlTree.Entry> hooks = a.get("webhooks");
        if (hooks.isPresent()) {
            if (!(hooks.get().value() instanceof YamlTree.ListNode list)) {
                problems.add(new ConfigException.Problem(name, hooks.get().line(), "alerts.webhooks",
                        "expected a list of URLs or {urlEnv: NAME}"));
            } else {
                for (int i = 0; i < list.items().size(); i++) {
                    String key = "alerts.webhooks[" + i + "]";
                    YamlTree.Node item = list.items().get(i);
                    String url = null;
                    int line = item instanceof YamlTree.ScalarNode s ? s.line() : item instanceof YamlTree.MapNode m
                            ? m.line() : hooks.get().line();
                    if (item instanceof YamlTree.ScalarNode s && s.kind() == YamlTree.ScalarKind.STRING) {
                        url = s.text();
                    } else if (item instanceof YamlTree.MapNode m && m.entries().size() == 1
                            && m.get("urlEnv").isPresent()
                            && m.get("urlEnv").get().value() instanceof YamlTree.ScalarNode v) {
                        url = env.apply(v.text());
                        if (url == null || url.isBlank()) {
                            problems.add(new ConfigException.Problem(name, line, key + ".urlEnv",
                                    "the environment variable " + v.text() + " is not set"));
                            continue;
                        }
                        url = url.strip();
                    } else {
                        problems.add(new ConfigException.Problem(name, line, key,
                                "expected a URL or {urlEnv: NAME}"));
                        continue;
                    }
                    Optional<URI> uri = httpUri(url);
                    if (uri.isEmpty()) {
                        // the value itself is not echoed: a webhook URL carries its credential
                        problems.add(new ConfigException.Problem(name, line, key,
                                "expected an http or https URL with a host"));
                    } else {
                        urls.add(uri.get());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AlertsConfig(urls);
    }

    private static Optional<URI> httpUri(String s) {
        try {
            URI u = new URI(s);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? Optional.of(u)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
