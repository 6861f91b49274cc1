package io.sophia.examples.cli;

import io.sophia.diagnosis.InputException;
import io.sophia.diagnosis.InputTree;

import java.net.URI;
import java.net.URISyntaxException;
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

    /** As the config reader: a larger file is not a deployment config. */
    private static final long MAX_CONFIG_BYTES = 1 << 20;

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
     * @throws InputException naming the file, line and key of every problem
     */
    public static AlertsConfig read(Path file, Function<String, String> env) {
        String name = file.toString();
        Optional<InputTree.Node> root = InputTree.read(file, InputTree.Format.of(name), MAX_CONFIG_BYTES);
        if (root.isEmpty() || !(root.get() instanceof InputTree.MapNode map)) {
            return NONE;
        }
        Optional<InputTree.Entry> alerts = map.get("alerts");
        if (alerts.isEmpty()) {
            return NONE;
        }
        List<InputException.Problem> problems = new ArrayList<>();
        List<URI> urls = new ArrayList<>();
        if (!(alerts.get().value() instanceof InputTree.MapNode a)) {
            throw InputException.of(name, alerts.get().line(), "alerts", "expected a map with webhooks");
        }
        for (InputTree.Entry e : a.entries()) {
            if (!e.key().equals("webhooks")) {
                problems.add(new InputException.Problem(name, e.line(), "alerts." + e.key(),
                        "unknown key (known: webhooks)"));
            }
        }
        Optional<InputTree.Entry> hooks = a.get("webhooks");
        if (hooks.isPresent()) {
            if (!(hooks.get().value() instanceof InputTree.ListNode list)) {
                problems.add(new InputException.Problem(name, hooks.get().line(), "alerts.webhooks",
                        "expected a list of URLs or {urlEnv: NAME}"));
            } else {
                for (int i = 0; i < list.items().size(); i++) {
                    String key = "alerts.webhooks[" + i + "]";
                    InputTree.Node item = list.items().get(i);
                    String url = null;
                    int line = item instanceof InputTree.Scalar s ? s.line() : item instanceof InputTree.MapNode m
                            ? m.line() : hooks.get().line();
                    if (item instanceof InputTree.Scalar s && s.kind() == InputTree.ScalarKind.STRING) {
                        url = s.text();
                    } else if (item instanceof InputTree.MapNode m && m.entries().size() == 1
                            && m.get("urlEnv").isPresent()
                            && m.get("urlEnv").get().value() instanceof InputTree.Scalar v) {
                        url = env.apply(v.text());
                        if (url == null || url.isBlank()) {
                            problems.add(new InputException.Problem(name, line, key + ".urlEnv",
                                    "the environment variable " + v.text() + " is not set"));
                            continue;
                        }
                        url = url.strip();
                    } else {
                        problems.add(new InputException.Problem(name, line, key,
                                "expected a URL or {urlEnv: NAME}"));
                        continue;
                    }
                    Optional<URI> uri = httpUri(url);
                    if (uri.isEmpty()) {
                        // the value itself is not echoed: a webhook URL carries its credential
                        problems.add(new InputException.Problem(name, line, key,
                                "expected an http or https URL with a host"));
                    } else {
                        urls.add(uri.get());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
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
