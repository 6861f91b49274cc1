package io.sophia.diagnosis.internal.reasoning;

import io.sophia.core.CauseId;
import io.sophia.core.Deployment;
import io.sophia.core.FailureKind;
import io.sophia.core.Observation;
import io.sophia.core.Service;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;
import io.sophia.diagnosis.internal.kb.RegexGuard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns observations and derived statuses into {@link Fact}s, including the facts that only
 * exist across sources: jobs failing at a common step, jobs cancelled after another failed, a
 * healthy peer deployed the same way, a service whose dependency is down, a deployed version that
 * is not the run's commit.
 */
final class Facts {

    private static final Set<String> FAILED = Set.of("failure", "cancelled", "timed_out", "startup_failure");
    static final int LINE_MAX = 200;

    private Facts() {
    }

    /**
     * The facts of {@code observations}; {@code indications} (the built-in log indications) also read a health check's
     * output for a name that did not resolve, in the same words as a log line, and {@code lineCause} reads a machine's
     * exit detail as the log indications read a line ({@link Knowledge#lineCause()}), {@code answerCause} a service's
     * error answer ({@link Knowledge#answerCause()}).
     */
    static List<Fact> extract(Deployment deployment, List<Observation> observations, Map<String, ServiceHealth> health,
                              List<Knowledge.CompiledIndication> indications, java.util.function.Function<String, String> lineCause,
                              java.util.function.Function<String, String> answerCause, java.time.Instant now) {
        List<Fact> out = new ArrayList<>();
        Map<String, Integer> serviceOrder = new HashMap<>();
        // services by id, built once: Deployment.service(id) scans the list, and it is asked for every observation
        Map<String, Service> services = new HashMap<>();
        for (int i = 0; i < deployment.services().size(); i++) {
            Service s = deployment.services().get(i);
            serviceOrder.put(s.id(), i);
            services.put(s.id(), s);
        }
        Set<String> hosts = serviceHosts(deployment);
        hosts.addAll(serviceAddresses(observations, services));
        // the DOWN services, once: every TLS fact asks whether another service is down
        List<String> down = health.values().stream().filter(h -> h.status() == Status.DOWN).map(ServiceHealth::id).toList();
        Set<String> downByOwnName = downByOwnName(observations);
        Set<String> downNames = downNames(down, downByOwnName, services);
        Set<String> downForOwnName = new java.util.HashSet<>(downByOwnName);
        downForOwnName.retainAll(down);
        // a name that fails while its container is said not to run is withdrawn because the service is down (p114-34)
        observations.stream().filter(o -> o instanceof Observation.ProbeFailure f && isNameFailure(f) && f.detail() != null
                && CONTAINER_NOT_RUNNING.matcher(f.detail()).find()).forEach(o -> downForOwnName.remove(o.serviceId()));
        Map<Integer, String> loopbacks = declaredLoopbacks(deployment, services, down);
        Set<String> splitNames = splitNames(observations);
        Set<String> servedOwn = servedOwnCertificate(observations);
        CiIndex ci = ciIndex(observations);
        LogIndex logs = logIndex(observations);
        Set<String> nameFailing = nameFailing(observations);
        Scope scope = new Scope(serviceOrder, services, health, hosts, down, downNames, loopbacks, splitNames, servedOwn, ci, logs,
                new java.util.HashSet<>(), indications, lineCause, answerCause, now, missingHosts(observations, services),
                failingNames(nameFailing, services), nameFailing, certificateOutOfDate(observations, now),
                fallbackCertificateServed(observations), bodyRejected(observations, lineCause, downNames), storesDependedOn(services),
                waitedForRunner(ci, logs), answering(observations, services), livenessFailing(observations, services),
                downForOwnName, PodLooks.of(observations), registryTags(observations),
                quietLogs(observations, services, lineCause),
                runnerLookCause(observations, services, lineCause, answerCause, downNames),
                servingRunCommit(ci.run(), health));
        int seq = 0;
        for (Observation o : observations) {
            seq++;
            observationFacts(o, seq, scope, out);
        }
        NamedFailures named = namedFailures(observations, services, down, scope.ownByCondition());
        derived(deployment, services, ServiceStates.byService(observations), health, ci,
                topByJob(logs.best()), named.byJob(), named.down(), scope.servingRunCommit(), serviceOrder, out);
        releaseSplitFacts(observations, services, serviceOrder, out);
        out.sort(Comparator.comparing(Fact::type).thenComparing(Fact::order));
        return out;
    }

    /**
     * What every observation's facts read, built once per {@link #extract}: the services and their order, the DOWN
     * services and the names they go by, the CI run's index and the logs' best findings; {@code ownByCondition}
     * gathers, as the condition facts are made, the services whose violated expectation names a failure of their own.
     */
    private record Scope(Map<String, Integer> serviceOrder, Map<String, Service> services, Map<String, ServiceHealth> health,
                         Set<String> hosts, List<String> down, Set<String> downNames, Map<Integer, String> loopbacks,
                         Set<String> splitNames, Set<String> servedOwn, CiIndex ci, LogIndex logs, Set<String> ownByCondition,
                         List<Knowledge.CompiledIndication> indications, java.util.function.Function<String, String> lineCause,
                         java.util.function.Function<String, String> answerCause, java.time.Instant now,
                         Set<String> missingHosts, Set<String> failingNames, Set<String> nameFailing,
                         boolean certificateOutOfDate, boolean fallbackCertificateServed,
                         Map<String, Set<String>> bodyRejected,
                         Set<String> storesDependedOn, Set<Long> waitedForRunner, Set<String> answering,
                         Map<String, List<Observation.ProbeFailure>> livenessFailing, Set<String> downForOwnName,
                         PodLooks podLooks, Map<String, Set<String>> registryTags,
                         Map<String, List<Observation.ProbeFailure>> quietLogs, String runnerLookCause,
                         Set<String> servingRunCommit) {
    }

    /**
     * A look's target or words that name the CI's own runner service or what makes its runners: gitlab-runner's unit, an
     * actions-runner-controller scale set or its listener ("tallyho-runners-754b578d-listener"), the EC2 runners'
     * scale-up function ("scale-runners"), a Buildkite agent.
     */
    private static final java.util.regex.Pattern RUNNER_LOOK = java.util.regex.Pattern.compile(
            "(?i)runner|buildkite-agent|\\bscale[- ]?set\\b");

    /** The cause families a look at the runner service can name that lie outside the runner itself. */
    private static final java.util.regex.Pattern OUTSIDE_THE_RUNNER = java.util.regex.Pattern.compile(
            "^(config|auth|platform|dependency|network|tls|registry|image)\\.");

    /**
     * Issue 9, session 45 (r45-p205): the cause a look at the CI's own runner service ({@link #RUNNER_LOOK}) reads in
     * the platform's or the host's words ({@link #probeDetailCause}), when it lies outside the runner
     * ({@link #OUTSIDE_THE_RUNNER}: a configuration, a credential, the platform, a dependency, the network), or "": the
     * runner is offline or never made because of that cause, so a job that waits for a runner, or that the CI marks stuck
     * with no runner online, is its consequence (p205-32: gitlab-runner's service exiting on its own config.toml, "Near
     * line 2 (last key parsed ''): bare keys cannot contain '('", beside GitLab's "This job is stuck because the project
     * doesn't have any runners online assigned to it."; p205-30: the scale set's GitHub config secret not found). The
     * first such look in the observations' order.
     */
    static String runnerLookCause(List<Observation> observations, Map<String, Service> services,
                                  java.util.function.Function<String, String> lineCause,
                                  java.util.function.Function<String, String> answerCause, Set<String> downNames) {
        for (Observation o : observations) {
            if (!(o instanceof Observation.ProbeFailure f) || f.detail() == null
                    || !RUNNER_LOOK.matcher((f.target() == null ? "" : f.target()) + "\n" + Words.clip(f.detail(), 4000))
                            .find()) {
                continue;
            }
            String cause = probeDetailCause(f, lineCause, answerCause, downNames, known(services, f.serviceId()));
            if (OUTSIDE_THE_RUNNER.matcher(cause).find()) {
                return cause;
            }
        }
        return "";
    }

    /**
     * Issue 9, session 44 (r44-left, p197-30): the tags a registry lists for its repositories, as looks show them: the
     * registry API's tag list ("GET /v2/&lt;name&gt;/tags/list", {"name":"sync/rail-sync","tags":["2026.12.02"]}, the
     * OCI distribution spec's answer) or skopeo's "list-tags" ({"Repository": "ghcr.io/o/app", "Tags": [...]}), by the
     * repository's path ({@link #repositoryPath}). A list a look asked for one page of ("?n=100", "&amp;last=...") may
     * not hold every tag and is left out, and so is a look that is no tag listing (its target or words name neither the
     * API's path nor skopeo's command): a Kibana status or a release's JSON has a "name" and "tags" too. Read as far as
     * a look's detail is (4,000 characters): a list cut there has no closing bracket and is not read.
     */
    private static Map<String, Set<String>> registryTags(List<Observation> observations) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Observation o : observations) {
            if (!(o instanceof Observation.ProbeFailure f) || f.detail() == null
                    || f.target() != null && PAGED_TAG_LIST.matcher(f.target()).find()) {
                continue;
            }
            String detail = Words.clip(f.detail(), 4000);
            if (!TAG_LISTING.matcher(f.target() == null ? detail : f.target() + "\n" + detail).find()) {
                continue;
            }
            java.util.regex.Matcher name = TAG_LIST_NAME.matcher(detail);
            java.util.regex.Matcher tags = TAG_LIST_TAGS.matcher(detail);
            if (name.find() && tags.find()) {
                Set<String> listed = out.computeIfAbsent(repositoryPath(name.group(2)), k -> new java.util.HashSet<>());
                java.util.regex.Matcher tag = QUOTED.matcher(tags.group(1));
                while (tag.find()) {
                    listed.add(tag.group(1));
                }
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern TAG_LIST_NAME = java.util.regex.Pattern.compile(
            "(?i)\"(name|repository)\"\\s*:\\s*\"([^\"\\s]+)\"");
    private static final java.util.regex.Pattern TAG_LIST_TAGS = java.util.regex.Pattern.compile(
            "(?i)\"tags\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"([^\"]*)\"");
    private static final java.util.regex.Pattern PAGED_TAG_LIST = java.util.regex.Pattern.compile("[?&](n|last)=");
    private static final java.util.regex.Pattern TAG_LISTING = java.util.regex.Pattern.compile(
            "(?i)/tags/list\\b|\\blist-tags\\b");

    /**
     * An image reference the kubelet says it failed or backs off pulling: 'Failed to pull image "r.example/o/app:1.2"',
     * 'Back-off pulling image "r.example/o/app:1.2"' (its events, also quoted inside JSON).
     */
    private static final java.util.regex.Pattern PULL_FAILED_IMAGE = java.util.regex.Pattern.compile(
            "(?i)\\b(?:back-?off pulling|failed to pull) image \\\\?\"([^\"\\\\\\s]+)\\\\?\"");

    /**
     * A repository's path as a registry names it in its API: without the registry's host (a first part with a dot or
     * a port, or localhost) or a "docker://" transport, Docker Hub's official images under "library/", lower case.
     */
    static String repositoryPath(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("docker://")) {
            n = n.substring("docker://".length());
        }
        int slash = n.indexOf('/');
        if (slash > 0) {
            String first = n.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                n = n.substring(slash + 1);
            }
        }
        return n.contains("/") ? n : "library/" + n;
    }

    /**
     * True when {@code detail} shows the kubelet failing to pull an image by a tag ({@link #PULL_FAILED_IMAGE}; not by
     * digest) that a registry's tag list for the same repository, seen in another look, does not hold: the tag was
     * never pushed (or was deleted), whatever the pull's own words (an "ImagePullBackOff" says only that pulls fail).
     */
    static boolean imageTagUnlisted(String detail, Map<String, Set<String>> registryTags) {
        if (detail == null || registryTags.isEmpty()) {
            return false;
        }
        java.util.regex.Matcher m = PULL_FAILED_IMAGE.matcher(detail);
        while (m.find()) {
            String ref = m.group(1);
            if (ref.contains("@")) {
                continue;
            }
            int slash = ref.lastIndexOf('/');
            int colon = ref.lastIndexOf(':');
            String tag = colon > slash ? ref.substring(colon + 1) : "latest";
            Set<String> listed = registryTags.get(repositoryPath(colon > slash ? ref.substring(0, colon) : ref));
            if (listed != null && !listed.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Issue 9, session 44 (r44-left, h147-24, p196-03): the looks at the logs of one pod's containers through the cluster's
     * CLI ("kubectl -n tickets logs tickets-6b8f9d7c5-2xqlm -c cloud-sql-proxy --previous"): a container's previous log
     * exists only when it restarted. A pod's containers share one network namespace, so a container refused at the
     * loopback while a sibling container of the same pod restarted (a database proxy sidecar that exits at start) is
     * refused where that sibling listens: the refusal is the sibling's absence, not a client's default for want of a
     * setting.
     *
     * @param refusedBesideRestart the looks of a container refused at the loopback beside a sibling's restart
     * @param restartBesideRefusal the previous-log looks of a restarted container beside a sibling refused at the loopback
     */
    private record PodLooks(Set<Observation.ProbeFailure> refusedBesideRestart,
                            Set<Observation.ProbeFailure> restartBesideRefusal) {

        static PodLooks of(List<Observation> observations) {
            Map<String, List<Map.Entry<Observation.ProbeFailure, ContainerLog>>> byPod = new HashMap<>();
            for (Observation o : observations) {
                if (o instanceof Observation.ProbeFailure f && f.serviceId() != null && f.target() != null) {
                    ContainerLog c = ContainerLog.of(f.target());
                    if (c != null) {
                        byPod.computeIfAbsent(f.serviceId() + " " + c.pod(), k -> new ArrayList<>()).add(Map.entry(f, c));
                    }
                }
            }
            Set<Observation.ProbeFailure> refused = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            Set<Observation.ProbeFailure> restarted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (List<Map.Entry<Observation.ProbeFailure, ContainerLog>> looks : byPod.values()) {
                // each pod's restarts and refusals read once, then paired across containers
                List<Map.Entry<Observation.ProbeFailure, ContainerLog>> restarts = looks.stream()
                        .filter(l -> l.getValue().previous() && showsPreviousLog(l.getKey().detail())).toList();
                if (restarts.isEmpty()) {
                    continue;
                }
                for (var refusal : looks) {
                    if (refusal.getKey().detail() == null || !LOOPBACK_REFUSED.matcher(refusal.getKey().detail()).find()) {
                        continue;
                    }
                    for (var restart : restarts) {
                        if (!restart.getValue().container().equals(refusal.getValue().container())) {
                            refused.add(refusal.getKey());
                            restarted.add(restart.getKey());
                        }
                    }
                }
            }
            return new PodLooks(refused, restarted);
        }
    }

    /**
     * True when a "--previous" look shows a previous instance's log: kubectl's own refusal ('previous terminated
     * container "proxy" in pod "web-1" not found', "Error from server ...") or nothing at all says the container never
     * restarted (review 44).
     */
    static boolean showsPreviousLog(String detail) {
        return detail != null && !detail.isBlank() && !NO_PREVIOUS_LOG.matcher(detail).find();
    }

    private static final java.util.regex.Pattern NO_PREVIOUS_LOG = java.util.regex.Pattern.compile(
            "(?i)previous terminated container \\S{1,260} in pod \\S{1,260} not found|^\\s*Error from server\\b");

    /** A look at one named container's log in a pod, and whether at its previous (restarted) instance. */
    private record ContainerLog(String pod, String container, boolean previous) {

        /** {@return the look a "kubectl ... logs POD -c CONTAINER [--previous]" target is, or null for another} */
        static ContainerLog of(String target) {
            java.util.regex.Matcher m = KUBECTL_LOGS.matcher(target.strip());
            if (!m.find()) {
                return null;
            }
            String pod = null;
            String container = null;
            boolean previous = false;
            String[] tokens = m.group(1).split("\\s+");
            for (int i = 0; i < tokens.length; i++) {
                String t = tokens[i];
                if (t.startsWith("|") || t.equals(">") || t.equals("&&") || t.equals(";")) {
                    break;
                }
                if (t.equals("-c") || t.equals("--container")) {
                    container = i + 1 < tokens.length ? tokens[++i] : null;
                } else if (t.startsWith("--container=")) {
                    container = t.substring("--container=".length());
                } else if (t.equals("-p") || t.equals("--previous") || t.equals("--previous=true")) {
                    previous = true;
                } else if (CLI_FLAGS_WITH_VALUE.contains(t)) {
                    i++;
                } else if (!t.startsWith("-") && pod == null) {
                    pod = t;
                }
            }
            return pod == null || container == null || container.isEmpty() ? null
                    : new ContainerLog(pod, container, previous);
        }
    }

    /** The flags of "kubectl logs" whose value is the next word. */
    private static final Set<String> CLI_FLAGS_WITH_VALUE = Set.of("-n", "--namespace", "--tail", "--since", "-l",
            "--selector", "--context");

    /** A look through the cluster's CLI at a pod's logs: what follows "logs". */
    private static final java.util.regex.Pattern KUBECTL_LOGS = java.util.regex.Pattern.compile(
            "^(?:kubectl|oc)\\b.*?\\slogs\\s+(.+)$");

    /**
     * A connection refused at the loopback, in a client's words: Node's "connect ECONNREFUSED 127.0.0.1:5432", libpq's
     * 'connection to server at "127.0.0.1", port 5432 failed: Connection refused', Go's "dial tcp [::1]:5432: connect:
     * connection refused", libpq before 14's 'could not connect to server: Connection refused Is the server running on
     * host "127.0.0.1" and accepting TCP/IP connections on port 5432?'.
     */
    private static final java.util.regex.Pattern LOOPBACK_REFUSED = java.util.regex.Pattern.compile(
            "(?i)\\bECONNREFUSED (127\\.0\\.0\\.1|::1|localhost):\\d+"
                    + "|(?<![\\w.])(127\\.0\\.0\\.1|localhost|\\[?::1\\]?)\\b.{0,40}?\\d{2,5}\\b.{0,80}?\\brefused\\b"
                    + "|\\brefused\\b.{0,80}?\\bon host \\\\?\"?(127\\.0\\.0\\.1|localhost|::1)\\b");

    /**
     * Issue 9, session 44 (r44-left, p197-31): true when {@code text}, seen for {@code svc}, names a dependency of
     * {@code svc} that is DOWN only because its own name does not resolve (a probe of its own found it so, {@link
     * #downByOwnName}): by its id as a stack's service discovery names it or by its host ("getaddrinfo ENOTFOUND
     * photos_redis" from the queue workers whose store at tcp://photos_redis:6379 does not resolve). The dependency's
     * DOWN is that name's failure, so the dependent's words for it are the name's evidence, not a consequence of an
     * outage the dependency would explain.
     */
    private static boolean namesUnresolvedDependency(String text, String svc, Scope sc) {
        Service s = svc == null ? null : sc.services().get(svc);
        if (s == null || text == null || sc.downForOwnName().isEmpty()) {
            return false;
        }
        Set<String> deps = new java.util.HashSet<>(s.dependsOn());
        deps.retainAll(sc.downForOwnName());
        return !deps.isEmpty() && namesHost(text, failingNames(deps, sc.services()), svc);
    }

    /**
     * The services with a violated expectation on their answer's body ("[BODY] contains \"Backend Status: ok\""), each
     * with the causes those expectations' actual values read as: an answer whose status they accept is still one their
     * expectations reject, and its body may say why in the app's own words (h92-21: a front end's own guard page,
     * "Backend URL missing. Please set VITE_API_URL environment variable.", served with 200, while the expectation's actual
     * value is only "Configuration Error"). A cause the actual value already reads is not read again in the body that
     * value restates (h9-34: "connect ECONNREFUSED 127.0.0.1:27017" in both).
     */
    private static Map<String, Set<String>> bodyRejected(List<Observation> observations,
                                                         java.util.function.Function<String, String> lineCause,
                                                         Set<String> downNames) {
        Map<String, Set<String>> out = new HashMap<>();
        for (Observation o : observations) {
            if (o instanceof Observation.ConditionCheck c && !c.passed() && c.serviceId() != null
                    && c.condition() != null && c.condition().contains("[BODY]")) {
                out.computeIfAbsent(c.serviceId(), k -> new java.util.HashSet<>())
                        .add(carriedTextCause(c.actual(), lineCause, downNames, c.serviceId()));
            }
        }
        return out;
    }

    /**
     * The names, lower case, of the deployment's services a probe of their own found not resolving (answered as not
     * existing or not answered at all): their ids, two letters or more, as a stack's own service discovery names them,
     * and their hosts. A log line naming one of them with a name that does not resolve sees the same name the probe saw
     * fail (h77-37: "lookup argocd-redis on 10.96.0.10:53: no such host" while the probe of argocd-redis's name was
     * answered NXDOMAIN): one observation of one name twice, not two independent sources.
     */
    private static Set<String> failingNames(Set<String> nameFailing, Map<String, Service> services) {
        Set<String> out = new java.util.HashSet<>();
        for (String id : nameFailing) {
            if (id.length() >= 2) {
                out.add(id.toLowerCase(Locale.ROOT));
            }
            String host = hostOf(services.get(id));
            if (host != null) {
                out.add(host.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The services a probe of their own found their name does not resolve for (or its lookup timed out). */
    private static Set<String> nameFailing(List<Observation> observations) {
        Set<String> out = new java.util.HashSet<>();
        for (Observation o : observations) {
            if (o.serviceId() != null && isNameFailure(o)) {
                out.add(o.serviceId());
            }
        }
        return out;
    }

    /**
     * True when a TLS handshake with one of the deployment's services was presented a certificate that has expired or
     * is not valid yet: a date no configuration that did not apply explains.
     */
    private static boolean certificateOutOfDate(List<Observation> observations, java.time.Instant now) {
        return observations.stream().anyMatch(o -> o instanceof Observation.TlsHandshake t && t.serviceId() != null
                && (t.daysToExpiry() < 0 || t.notBefore() != null && now != null && t.notBefore().isAfter(now)));
    }

    /**
     * True when a TLS handshake with one of the deployment's services was presented a self-signed certificate for another
     * host: a proxy's own fallback ("Kubernetes Ingress Controller Fake Certificate", TRAEFIK DEFAULT CERT, a panel's
     * CN=localhost), what it serves for a host it holds no certificate for, in dates.
     */
    private static boolean fallbackCertificateServed(List<Observation> observations) {
        return observations.stream().anyMatch(o -> o instanceof Observation.TlsHandshake t && t.serviceId() != null
                && t.selfSigned() && !t.hostnameMatches() && t.daysToExpiry() >= 0);
    }

    /**
     * The CI run, its jobs in order, their names and conclusions by id, the jobs that never waited for a runner, and the
     * services a job of which that deploys ({@link #deploys}) ended failed ({@code deployFailed}: failure, cancelled,
     * time limit) or did not succeed ({@code deployNotSucceeded}: any other conclusion, none included).
     */
    private record CiIndex(List<Observation.CiJob> jobs, Observation.CiRun run, Map<Long, String> jobNames,
                           Map<Long, String> jobConclusions, Set<Long> superseded, Set<String> deployFailed,
                           Set<String> deployNotSucceeded) {

        /** The run's trigger ("push", "schedule" ...), "" without one. */
        String runEvent() {
            return run == null || run.event() == null ? "" : run.event();
        }
    }

    /**
     * The host names of the deployment's own services a probe of their own was answered does not exist (NXDOMAIN), lower
     * case.
     */
    private static Set<String> missingHosts(List<Observation> observations, Map<String, Service> services) {
        Set<String> out = new java.util.HashSet<>();
        for (Observation o : observations) {
            if (o.serviceId() != null && isNameMissing(o)) {
                Service s = services.get(o.serviceId());
                String host = hostOf(s);
                if (host != null) {
                    out.add(host.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /**
     * True when the host's "www." twin (www.x.com for x.com, x.com for www.x.com), a service of the deployment, is answered
     * as not existing: hosting platforms put the apex and its www name in one certificate order (GitHub Pages, Netlify,
     * Vercel), and an ACME order fails as a whole when one of its names cannot be validated, so the certificate the host
     * lacks waits on the name that does not exist (p120-28: "GitHub bundles www.ratio.software into the same cert
     * request, and that CNAME record is still missing", omicron-soft/omicron-soft.github.io#18).
     */
    private static boolean siblingNameMissing(String host, Set<String> missingHosts) {
        if (host == null || missingHosts.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        String twin = h.startsWith("www.") ? h.substring(4) : "www." + h;
        return twin.indexOf('.') > 0 && missingHosts.contains(twin);
    }

    /**
     * The finding that ended each log (by {@link #logKey}), the jobs that have a log at all, and per log and step the
     * lines its findings read and showed as context ({@link #stepKey}): what else the step printed around its failure.
     */
    private record LogIndex(Map<String, Observation.LogFinding> best, Set<Long> logged, Map<String, String> stepLines,
                            Map<Long, List<String>> jobLines) {
    }

    /** The characters of a step's lines a log fact carries at most ({@code stepLines}). */
    private static final int STEP_LINES_MAX = 8000;

    private static String stepKey(Observation.LogFinding f) {
        return logKey(f) + "|" + (f.step() == null ? "" : f.step());
    }

    /** Per job its best finding of a named cause, and the DOWN services a failure of their own is named for. */
    private record NamedFailures(Map<Long, Observation.LogFinding> byJob, Set<String> down) {
    }

    /**
     * The services that are down because their own name does not resolve (p39-24: "kafka" NXDOMAIN), whose lookup by a
     * dependent would only restate it; not one of which no machine is started, which is why its private name fails
     * (h22-27: a stopped Postgres's .internal name NXDOMAIN, the app's lookup of it a consequence), nor one whose address
     * refuses while its name is answered as missing (h42-17: a headless service's name withdrawn while its pod restarts,
     * addressRefuses and nameMissing).
     */
    private static Set<String> downByOwnName(List<Observation> observations) {
        Set<String> nameFails = new java.util.HashSet<>();
        Set<String> withMachines = new java.util.HashSet<>();
        Set<String> started = new java.util.HashSet<>();
        Set<String> refusing = new java.util.HashSet<>();
        Set<String> missing = new java.util.HashSet<>();
        for (Observation o : observations) {
            if (o.serviceId() != null && isNameFailure(o)) {
                nameFails.add(o.serviceId());
                if (isNameMissing(o)) {
                    missing.add(o.serviceId());
                }
            } else if (o.serviceId() != null && isRefusal(o)) {
                refusing.add(o.serviceId());
            } else if (o instanceof Observation.PlatformMachine m && m.serviceId() != null) {
                withMachines.add(m.serviceId());
                if ("started".equalsIgnoreCase(m.state())) {
                    started.add(m.serviceId());
                }
            }
        }
        withMachines.removeAll(started);
        nameFails.removeAll(withMachines);
        // a name the resolver did not answer for is the resolver's failure, not a name withdrawn (nameMissing)
        refusing.retainAll(missing);
        nameFails.removeAll(refusing);
        return nameFails;
    }

    /**
     * The names the DOWN services go by in a line: their ids as a stack's own service discovery names them ("lookup db
     * on 127.0.0.11:53"), two letters or more, and their private host names, under any prefix the platform's DNS puts
     * before them ("ledgerly-db.internal" as "top2.nearest.of.ledgerly-db.internal"), and their private IPv4 addresses;
     * not those in {@code nameFails}.
     */
    private static Set<String> downNames(List<String> down, Set<String> nameFails, Map<String, Service> services) {
        Set<String> downNames = down.stream().filter(id -> id.length() >= 2 && !nameFails.contains(id))
                .map(id -> id.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        for (String id : down) {
            Service s = services.get(id);
            String host = hostOf(s);
            if (host != null && !nameFails.contains(id)
                    && (PRIVATE_HOST.matcher(host).find() || PRIVATE_ADDRESS.matcher(host).matches())) {
                downNames.add(host.toLowerCase(Locale.ROOT));
            }
        }
        return downNames;
    }

    private static CiIndex ciIndex(List<Observation> observations) {
        List<Observation.CiJob> jobs = new ArrayList<>();
        Observation.CiRun run = null;
        Map<Long, String> jobNames = new HashMap<>();
        Map<Long, String> jobConclusions = new HashMap<>();
        // the jobs a newer run of their concurrency group replaced (one that ran no step waited for the group), or that
        // an annotation says ran on a runner until their time limit: neither waited for a runner
        Set<Long> superseded = new java.util.HashSet<>();
        Set<String> deployFailed = new java.util.HashSet<>();
        Set<String> deployNotSucceeded = new java.util.HashSet<>();
        for (Observation o : observations) {
            if (o instanceof Observation.CiJob j) {
                jobs.add(j);
                jobNames.put(j.jobId(), j.name());
                if (j.conclusion() != null) {
                    jobConclusions.put(j.jobId(), j.conclusion());
                }
                // a job that only looks (a check, a test, logs read) did not deploy, whatever its conclusion; its words
                // are read once per job (every failed conclusion is one that did not succeed)
                if (j.serviceId() != null && !"success".equals(j.conclusion()) && deploys(j)) {
                    deployNotSucceeded.add(j.serviceId());
                    if (j.conclusion() != null && FAILED.contains(j.conclusion())) {
                        deployFailed.add(j.serviceId());
                    }
                }
            } else if (o instanceof Observation.CiRun r) {
                run = r;
            } else if (o instanceof Observation.CiAnnotation an && an.message() != null
                    && SUPERSEDED_IN_GROUP.matcher(an.message()).find()) {
                superseded.add(an.jobId());
            }
        }
        return new CiIndex(jobs, run, jobNames, jobConclusions, superseded, deployFailed, deployNotSucceeded);
    }

    /** The finding that ended each log: best score, then the last line (a retried warning comes earlier). */
    private static LogIndex logIndex(List<Observation> observations) {
        Map<String, Observation.LogFinding> best = new HashMap<>();
        Set<Long> logged = new java.util.HashSet<>();
        Map<String, Set<String>> steps = new HashMap<>();
        Map<Long, List<String>> jobLines = new HashMap<>();
        for (Observation o : observations) {
            if (o instanceof Observation.LogFinding f) {
                logged.add(f.jobId());
                if (f.line() != null) {
                    jobLines.computeIfAbsent(f.jobId(), k -> new ArrayList<>()).add(f.line());
                }
                Set<String> lines = steps.computeIfAbsent(stepKey(f), k -> new java.util.LinkedHashSet<>());
                lines.add(f.line() == null ? "" : f.line());
                if (f.context() != null) {
                    lines.addAll(f.context());
                }
                best.merge(logKey(f), f, (a, b) -> {
                    int c = Double.compare(clamp(a.score()), clamp(b.score()));
                    return c > 0 || (c == 0 && a.lineNumber() >= b.lineNumber()) ? a : b;
                });
            }
        }
        Map<String, String> stepLines = new HashMap<>();
        steps.forEach((k, lines) -> stepLines.put(k, Words.clip(String.join("\n", lines), STEP_LINES_MAX)));
        return new LogIndex(best, logged, stepLines, jobLines);
    }

    /** The facts one observation states, in the order it states them; {@code seq} is its place among observations. */
    private static void observationFacts(Observation o, int seq, Scope sc, List<Fact> out) {
        Map<String, Integer> serviceOrder = sc.serviceOrder();
        String svc = known(sc.services(), o.serviceId());
        if (o instanceof Observation.LogFinding f) {
            out.add(logFact(f, svc, seq, sc));
        } else if (o instanceof Observation.CiJob j) {
            jobFacts(j, svc, seq, sc, out);
        } else if (o instanceof Observation.CiRun r) {
            out.add(runFact(r, seq, serviceOrder, sc));
        } else if (o instanceof Observation.CiAnnotation an) {
            out.add(annotationFact(an, svc, seq, sc));
        } else if (o instanceof Observation.ProbeFailure f) {
            out.add(probeFact(f, svc, seq, sc));
        } else if (o instanceof Observation.HttpCheck h && svc != null) {
            out.add(httpFact(h, svc, seq, sc));
        } else if (o instanceof Observation.ConditionCheck c && svc != null) {
            out.add(conditionFact(c, svc, seq, sc));
        } else if (o instanceof Observation.ChangeSet cs) {
            changeFacts(cs, seq, serviceOrder, out);
        } else if (o instanceof Observation.PlatformMachine m) {
            machineFacts(m, svc, seq, sc, out);
        } else if (o instanceof Observation.TlsHandshake t && svc != null) {
            out.add(tlsFact(t, svc, seq, sc));
        } else if (o instanceof Observation.DnsResolution d && svc != null) {
            out.add(new Fact("dns", svc, svc, true, attrs("host", d.host(), "loopbackOnly", String.valueOf(loopbackOnly(d))),
                    vars(svc, "host", d.host(), "addresses",
                    Words.list(d.addresses(), 3)), key(serviceOrder, svc, svc, "", 0, seq)));
        } else if (o instanceof Observation.TcpConnect t && svc != null) {
            out.add(new Fact("tcp", svc, svc, true, attrs("host", t.host()), vars(svc, "host", t.host(), "port",
                    String.valueOf(t.port())), key(serviceOrder, svc, svc, "", 0, seq)));
        } else if (o instanceof Observation.McpHandshake m && svc != null) {
            out.add(new Fact("mcp", svc, svc, true, attrs("era", m.era(), "protocolVersion", m.protocolVersion()),
                    vars(svc, "server", m.serverName(), "version", m.serverVersion(), "protocolVersion",
                            m.protocolVersion()), key(serviceOrder, svc, svc, "", 0, seq)));
        }
    }

    private static Fact logFact(Observation.LogFinding f, String svc, int seq, Scope sc) {
        String job = f.jobName() != null ? f.jobName() : sc.ci().jobNames().getOrDefault(f.jobId(), "job " + f.jobId());
        String subject = svc != null ? svc : job;
        Map<String, ServiceHealth> health = sc.health();
        Service service = svc == null ? null : sc.services().get(svc);
        String storeDown = downDependency(service, sc, f);
        Map<String, String> a = attrs("causeId", Words.wire(f.causeId()), "indication", f.indicationId(), "source", Words.wire(f.source()),
                "job", job, "jobConclusion", sc.ci().jobConclusions().getOrDefault(f.jobId(), ""), "step", f.step(),
                "line", Words.clip(f.line(), 4000), "top",
                String.valueOf(sc.logs().best().get(logKey(f)) == f), "score", String.valueOf(clamp(f.score())), "lineNumber",
                String.valueOf(f.lineNumber()), "serviceStatus",
                svc != null && health.get(svc) != null ? health.get(svc).status().name() : "",
                "namesService", String.valueOf(namesService(f.line(), sc.hosts())),
                "namesDownService", String.valueOf(namesHost(hostWords(f.line()), sc.downNames(), svc)
                        || namesDeclaredLoopback(f.line(), sc.loopbacks(), svc)), "namesOwnApp",
                String.valueOf(namesOwnApp(f.line(), svc == null ? null : sc.services().get(svc))),
                "namesFailingName", String.valueOf(namesHost(f.line(), sc.failingNames(), svc)),
                "namesUnresolvedDependency", String.valueOf(namesUnresolvedDependency(f.line(), svc, sc)),
                "generalShape", String.valueOf(f.indicationId() != null
                        && f.indicationId().endsWith(io.sophia.diagnosis.internal.logs.LogScan.GENERAL_SHAPE_SUFFIX)),
                "otherServiceNameFails", String.valueOf(svc != null && !sc.nameFailing().contains(svc)
                        && !sc.nameFailing().isEmpty()),
                "certificateOutOfDate", String.valueOf(sc.certificateOutOfDate()),
                "fallbackCertificateServed", String.valueOf(sc.fallbackCertificateServed()),
                "stepLines", sc.logs().stepLines().getOrDefault(stepKey(f), ""),
                "runEvent", sc.ci().runEvent(), "passedBefore", passedBefore(f, sc.ci().jobs()),
                "dependsOnDown", String.valueOf(dependsOnDown(service, health)),
                "serviceDatastoreDown", String.valueOf(storeDown != null),
                "memoryAtLimit", String.valueOf(memoryAtLimit(f.line())), "runnerLookCause", sc.runnerLookCause(),
                "serviceServesRunCommit", String.valueOf(svc != null && sc.servingRunCommit().contains(svc)),
                "serviceDeployFailed", String.valueOf(ownDeployFailed(svc, sc.ci())));
        Map<String, String> v = vars(svc, "job", job, "step", f.step() == null ? "an unnamed step" : f.step(),
                "dependency", storeDown,
                "line", Words.clip(f.line(), LINE_MAX), "lineNumber", String.valueOf(f.lineNumber()),
                "indication", f.indicationId(), "causeId", Words.wire(f.causeId()), "source", Words.source(f.source()),
                "runnerLookCause", sc.runnerLookCause());
        // best-scored finding first within a subject, so the quoted line is the one that explains the failure
        return new Fact("log", svc, subject, false, a, v, key(sc.serviceOrder(), svc, subject,
                String.format(Locale.ROOT, "%08.6f", 1.0 - clamp(f.score())), f.lineNumber(), seq));
    }

    /**
     * True when {@code s} (a log line's service) depends on a service that is DOWN: a datastore its line cannot reach may
     * be that one, down, wherever the line says it dialled (p132-15: pgwatch's sink on its own host, "dial tcp
     * 127.0.0.1:5432"). False without a service or without dependencies.
     */
    static boolean dependsOnDown(Service s, Map<String, ServiceHealth> health) {
        return s != null && s.dependsOn().stream().anyMatch(d -> isDown(health, d));
    }

    /** True when {@code health} has service {@code id} DOWN. */
    private static boolean isDown(Map<String, ServiceHealth> health, String id) {
        ServiceHealth h = health.get(id);
        return h != null && h.status() == Status.DOWN;
    }

    /**
     * The first service the job's service {@code s} declares in its dependsOn that is DOWN and declared as a
     * datastore, cache, broker or secret store ({@link Datastores#isDatastore}), null when there is none (or no job's
     * service, or one that is DOWN itself): the store the service the job talks to needs is down while that service
     * still answers (h112-38: a push to Harbor answered 500 while Harbor's health API answers and the Harbor database it
     * depends on refuses connections). A DOWN job's service is the dependency facts' chain, with its root's own error
     * (p138-37: an app down because its broker's image is gone, its pull answered 503 by Docker Hub), unless the lines
     * around {@code f} name that service's own host: then the job talks to the very service that is down, and what it is
     * answered is that service's (issue 9, session 35, rules35b: h118-45, "The push refers to repository
     * [harbor.internal.elmstead.net/...]" answered 503 while Harbor's health API answers 503 and its Redis refuses).
     */
    private static String downDependency(Service s, Scope sc, Observation.LogFinding f) {
        if (s == null || sc.health().get(s.id()) == null
                || (isDown(sc.health(), s.id()) && !contextNamesHost(f, hostOf(s)))) {
            return null;
        }
        for (String d : s.dependsOn()) {
            if (isDown(sc.health(), d) && Datastores.isDatastore(sc.services().get(d))) {
                return d;
            }
        }
        return null;
    }

    /** True when the line of {@code f} or a line of its context names {@code host} (case-insensitive, as a word). */
    private static boolean contextNamesHost(Observation.LogFinding f, String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        java.util.regex.Pattern word = java.util.regex.Pattern.compile(
                "(?i)(^|[^\\w.-])" + java.util.regex.Pattern.quote(host) + "($|[^\\w.-])");
        if (f.line() != null && word.matcher(f.line()).find()) {
            return true;
        }
        return f.context() != null && f.context().stream().anyMatch(l -> l != null && word.matcher(l).find());
    }

    /**
     * The names of the steps of {@code f}'s job that succeeded before the step it was read in, one a line, in the job's
     * order: what the job had already done without error when the line was printed (h109-05: "flyctl status" reached the
     * platform's API with the token that the registry then refused). "" when the job is not listed or the finding names
     * no step of it.
     */
    static String passedBefore(Observation.LogFinding f, List<Observation.CiJob> jobs) {
        if (f.step() == null || f.step().isEmpty()) {
            return "";
        }
        for (Observation.CiJob j : jobs) {
            if (j.jobId() != f.jobId()) {
                continue;
            }
            List<String> passed = new ArrayList<>();
            for (Observation.CiStep st : j.steps()) {
                if (f.step().equals(st.name())) {
                    return String.join("\n", passed);
                }
                if ("success".equals(st.conclusion()) && st.name() != null) {
                    passed.add(st.name());
                }
            }
            return "";
        }
        return "";
    }

    /**
     * Session 45 (r45-p205): true when {@code j} was cancelled in a run that concluded failure although none of its jobs
     * failed or ran out of time: on GitHub a person's cancel, or a newer run's in the same concurrency group, ends the
     * run cancelled; a run that fails with its jobs cancelled was stopped by something else (a time limit, whose
     * annotation says so, or the runner taken away under the job: elizaOS/eliza#10353, p205-03 and h81-46, "The
     * operation was canceled." two minutes into the checkout on a self-hosted pool, no actor, no concurrency group).
     */
    static boolean cancelledInFailedRun(Observation.CiJob j, Observation.CiRun run, List<Observation.CiJob> jobs) {
        if (!"cancelled".equals(j.conclusion()) || run == null || !"failure".equals(run.conclusion())) {
            return false;
        }
        return jobs.stream().noneMatch(o -> "failure".equals(o.conclusion()) || "timed_out".equals(o.conclusion())
                || "startup_failure".equals(o.conclusion()));
    }

    /** A job's fact, then one per step. */
    private static void jobFacts(Observation.CiJob j, String svc, int seq, Scope sc, List<Fact> out) {
        Map<String, Integer> serviceOrder = sc.serviceOrder();
        Observation.CiStep failed = j.failedStep();
        Map<String, String> a = attrs("name", j.name(), "conclusion", j.conclusion(), "status", j.status(),
                "failedStep", failed == null ? "" : failed.name(), "runner", j.runnerName(), "service", svc == null ? "" : svc,
                "endedAtRoundLimit", String.valueOf(endedAtRoundLimit(j)), "ranSixHours",
                String.valueOf(ranSixHours(j)), "waitedForRunner", String.valueOf(sc.waitedForRunner().contains(j.jobId())),
                "waitedADay", String.valueOf(sc.waitedForRunner().contains(j.jobId()) && lastedADay(j)),
                "waitingForRunner", String.valueOf(waitingForRunner(j, sc.now())), "runnerLookCause", sc.runnerLookCause(),
                "cancelledInFailedRun", String.valueOf(cancelledInFailedRun(j, sc.ci().run(), sc.ci().jobs())));
        String minutes = minutes(j, sc.now());
        Map<String, String> v = vars(svc, "job", j.name(), "conclusion", words(j.conclusion()), "step",
                failed == null ? "" : failed.name(), "runner", j.runnerName(), "minutes", minutes, "waited", waited(minutes),
                "runnerLookCause", sc.runnerLookCause());
        out.add(new Fact("job", svc, j.name(), false, a, v, key(serviceOrder, svc, j.name(), "", j.jobId(), seq)));
        // afterFailedStep: a step listed after the job's failed step (skipped because of that failure, not its own if:)
        boolean afterFailed = false;
        String runEvent = sc.ci().runEvent();
        for (Observation.CiStep st : j.steps()) {
            Map<String, String> sa = attrs("job", j.name(), "name", st.name(), "conclusion", st.conclusion(),
                    "jobConclusion", j.conclusion(), "afterFailedStep", String.valueOf(afterFailed), "runEvent", runEvent,
                    "failedInSiblingJob", String.valueOf(failedInSiblingJob(j, st, sc.ci().jobs())));
            afterFailed |= st == failed;
            Map<String, String> sv = vars(svc, "job", j.name(), "step", st.name(), "conclusion", words(st.conclusion()));
            out.add(new Fact("step", svc, j.name() + " / " + st.name(), false, sa, sv,
                    key(serviceOrder, svc, j.name(), String.format(Locale.ROOT, "%04d", st.number()), j.jobId(), seq)));
        }
    }

    /**
     * The jobs that waited for a runner ({@link #waitedForRunner(Observation.CiJob, boolean, boolean)}) by what the logs
     * say of them: worked out once, for the job facts and for the annotations of the same jobs.
     */
    private static Set<Long> waitedForRunner(CiIndex ci, LogIndex logs) {
        Set<Long> out = new java.util.HashSet<>();
        for (Observation.CiJob j : ci.jobs()) {
            // a job whose only lines read are the CI's queue lines printed nothing of its own: no runner started it
            List<String> read = logs.jobLines().getOrDefault(j.jobId(), List.of());
            boolean queued = !read.isEmpty() && read.stream().allMatch(l -> QUEUE_LINE.matcher(l).find());
            boolean noRunnerWait = (logs.logged().contains(j.jobId()) && !queued) || ci.superseded().contains(j.jobId());
            if (waitedForRunner(j, noRunnerWait, queued)) {
                out.add(j.jobId());
            }
        }
        return out;
    }

    // a deploy environment in a job's name ("deploy-staging", "deploy (prod)"): such jobs take the environment's own
    // secrets (GitHub environments), so one job's login succeeding says nothing of another's (p126-02, p27-16)
    private static final java.util.regex.Pattern ENVIRONMENT_WORD = java.util.regex.Pattern.compile(
            "(?i)(^|[^a-z])(dev|develop|development|stag|stage|staging|prod|production|prd|qa|uat|test|testing|preview|"
                    + "sandbox|live|canary|demo|int|integration|preprod|pre-prod)([^a-z]|$)");

    /**
     * True when {@code st} succeeded in job {@code j} while another job of the same run failed at a step of the same
     * name, and neither job's name names a deploy environment: the same login, with the same credential, worked beside
     * the failure (p126-34: one of two parallel jobs of one Okta account refused, the other logged in), so the failure
     * is not the credential's.
     */
    private static boolean failedInSiblingJob(Observation.CiJob j, Observation.CiStep st, List<Observation.CiJob> jobs) {
        if (!"success".equals(st.conclusion()) || st.name() == null || j.name() == null
                || ENVIRONMENT_WORD.matcher(j.name()).find()) {
            return false;
        }
        for (Observation.CiJob other : jobs) {
            Observation.CiStep failed = other.failedStep();
            if (other != j && failed != null && st.name().equals(failed.name()) && other.name() != null
                    && !ENVIRONMENT_WORD.matcher(other.name()).find()) {
                return true;
            }
        }
        return false;
    }

    private static Fact runFact(Observation.CiRun r, int seq, Map<String, Integer> serviceOrder, Scope sc) {
        Map<String, String> a = attrs("conclusion", r.conclusion(), "status", r.status(), "workflow", r.workflowName(),
                "event", r.event(), "branch", r.headBranch(), "waitingForRunner",
                String.valueOf(runWaitingForRunner(r, sc.ci().jobs(), sc.now())));
        Map<String, String> v = vars(null, "workflow", r.workflowName(), "conclusion", words(r.conclusion()),
                "runId", String.valueOf(r.runId()), "sha", shortSha(r.headSha()), "branch", r.headBranch());
        return new Fact("run", null, "run " + r.runId(), false, a, v, key(serviceOrder, null, "run", "",
                r.runId(), seq));
    }

    private static Fact annotationFact(Observation.CiAnnotation an, String svc, int seq, Scope sc) {
        String job = sc.ci().jobNames().getOrDefault(an.jobId(), "job " + an.jobId());
        // a job without a log speaks only through its annotations: read them as its log's lines would be; a job with a
        // log, through those that do not restate a line its log's findings read (GitHub makes an annotation of every
        // "##[error]" line): a journal, a proxy's error log, a runner's own log the job's log does not show (issue 9,
        // session 34, rules34a: h113-21's "Failed at step EXEC spawning ...: No such file or directory", h113-28's
        // nginx "connect() failed (111: Connection refused) while connecting to upstream")
        // an annotation whose title names an attempt before the run's (GitHub's "deploy (attempt 1)") beside the job's
        // log is the earlier attempt's word, which the latest attempt's log supersedes (review34b, session 34: p120-24's
        // "Invalid API key" of attempt 1, attempts 2 and 3 failing on the platform's content server)
        boolean restated = sc.logs().logged().contains(an.jobId())
                && (restatesLogLine(an.message(), sc.logs().jobLines().getOrDefault(an.jobId(), List.of()))
                || earlierAttempt(an, sc.ci()));
        Map<String, String> a = attrs("level", an.level(), "title", an.title(), "message", Words.clip(an.message(), 4000),
                "messageCause", restated ? "" : detailCause(an.message(), sc.lineCause()),
                "jobWaitedForRunner", String.valueOf(sc.waitedForRunner().contains(an.jobId())));
        Map<String, String> v = vars(svc, "level", an.level(), "title", Words.clip(an.title(), 120), "message",
                Words.clip(an.message(), LINE_MAX), "job", job);
        return new Fact("annotation", svc, svc != null ? svc : job, false, a, v,
                key(sc.serviceOrder(), svc, job, "", an.jobId(), seq));
    }

    /**
     * True when an annotation's {@code message} says what a line its job's log findings read says: one contains the
     * other, or the message is empty. The log's reading of it stands; read again it would count twice.
     */
    static boolean restatesLogLine(String message, List<String> lines) {
        String m = comparable(message);
        if (m.isEmpty()) {
            return true;
        }
        // a message cut (RemoteText's 8192 characters, GitHub's 64 KB) or a line cut (the log scanner's line limit)
        // keeps its head: the head of the message found in the line is the line restated
        String head = m.length() > RESTATE_HEAD ? m.substring(0, RESTATE_HEAD) : m;
        for (String line : lines) {
            String x = comparable(line);
            if (!x.isEmpty() && (x.contains(head) || m.contains(x))) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern TITLE_ATTEMPT =
            java.util.regex.Pattern.compile("(?i)\\(attempt #?(\\d{1,4})\\)");

    /** True when {@code an}'s title names an attempt ("(attempt 1)") before the latest of its job or its run. */
    private static boolean earlierAttempt(Observation.CiAnnotation an, CiIndex ci) {
        java.util.regex.Matcher m = TITLE_ATTEMPT.matcher(an.title() == null ? "" : an.title());
        if (!m.find()) {
            return false;
        }
        int latest = ci.run() == null ? 1 : ci.run().runAttempt();
        for (Observation.CiJob j : ci.jobs()) {
            if (j.jobId() == an.jobId()) {
                latest = Math.max(latest, j.runAttempt());
            }
        }
        return Integer.parseInt(m.group(1)) < latest;
    }

    /** The characters of an annotation's message whose presence in a log line says the line is restated. */
    private static final int RESTATE_HEAD = 160;

    /**
     * {@code s} as compared by {@link #restatesLogLine}: masked as the log's lines are (a URL's credentials), without
     * the ellipsis of a cut, white space collapsed (review34b, session 34: the same line masked or cut in one and not
     * in the other was read twice).
     */
    private static String comparable(String s) {
        if (s == null) {
            return "";
        }
        String x = io.sophia.core.Secrets.patterns().redact(s).replaceAll("\\s+", " ").strip();
        while (x.endsWith(io.sophia.core.Secrets.ELLIPSIS)) {
            x = x.substring(0, x.length() - io.sophia.core.Secrets.ELLIPSIS.length()).stripTrailing();
        }
        return x;
    }

    /**
     * The services that answered a probe of their own (an HTTP status their expectations accept, a TCP connection, an
     * MCP handshake): a look at such a service's host shows a part of it failing while it runs.
     */
    private static Set<String> answering(List<Observation> observations, Map<String, Service> services) {
        Set<String> out = new java.util.HashSet<>();
        for (Observation o : observations) {
            Service s = o.serviceId() == null ? null : services.get(o.serviceId());
            if (s != null && answers(s, o)) {
                out.add(s.id());
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern LIVENESS_FAILED = java.util.regex.Pattern.compile(
            "\\bLiveness probe failed: |\\bfailed liveness probe, will be restarted\\b");

    /**
     * Per service, the probes of it whose detail shows the kubelet's liveness probe failing ("Liveness probe failed: dial
     * tcp 10.244.0.12:1234: i/o timeout" among its events): a crash loop another look at the same service shows is the
     * restarts that probe causes (as app.crash-on-boot/crash-loop-beside-liveness-failure says of a log's step; p185-23).
     */
    private static Map<String, List<Observation.ProbeFailure>> livenessFailing(List<Observation> observations,
                                                                             Map<String, Service> services) {
        Map<String, List<Observation.ProbeFailure>> out = new HashMap<>();
        for (Observation o : observations) {
            if (o instanceof Observation.ProbeFailure f && f.detail() != null && known(services, f.serviceId()) != null
                    && LIVENESS_FAILED.matcher(f.detail()).find()) {
                out.computeIfAbsent(f.serviceId(), k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    /** True when another probe of {@code svc} than {@code f} shows its liveness probe failing ({@link #livenessFailing}). */
    private static boolean livenessFailingBeside(Observation.ProbeFailure f, String svc, Scope sc) {
        List<Observation.ProbeFailure> showing = svc == null ? List.of() : sc.livenessFailing().getOrDefault(svc, List.of());
        return !showing.isEmpty() && showing.stream().noneMatch(o -> o == f);
    }

    /**
     * A look's target that reads a service's own output whole: the previous container's log of a crash-looping pod
     * ("kubectl logs x --previous", "oc logs -p x"), a container engine's logs of it ("docker compose logs --tail 8 web"),
     * a platform's log session ("heroku logs -n 9", "fly logs"), the journal; not one filtered through a pipe (a
     * controller's log grepped for the service's name, p190-14: "kubectl -n flagger-system logs deploy/flagger | grep
     * billing", which is another program's account of it), nor a pod's current log, which may be of a container that has
     * not failed yet.
     */
    private static final java.util.regex.Pattern LOGS_LOOK = java.util.regex.Pattern.compile(
            "^(kubectl|oc)\\s+(-\\S+\\s+\\S+\\s+)*logs\\b[^|]*\\s(--previous|-p)(=true)?(\\s[^|]*)?$"
                    + "|^docker(-compose|\\s+compose)?\\s+(-\\S+\\s+\\S+\\s+)*logs\\b[^|]*$"
                    + "|^(heroku|fly|flyctl|railway|render)\\s+logs\\b[^|]*$|^journalctl\\b[^|]*$");

    /**
     * The words of a line that says something went wrong, in any program's output: an error, an exception or a
     * traceback, a fatal or failed step, a kill, a refusal, a time-out, memory, an exit with its code.
     */
    private static final java.util.regex.Pattern TROUBLE_WORD = java.util.regex.Pattern.compile(
            "(?i)\\b(errors?|exceptions?|traceback|fatal|panic(ked)?|fail(ed|ure|s|ing)?|killed|denied|refused|"
                    + "time[sd]? ?out|timeout|out of memory|oom\\w*|segmentation fault|abort(ed|ing)?|cannot|can't|could not|"
                    + "unable|invalid|missing|not found|no such|not permitted|permission|forbidden|unauthori[sz]ed|"
                    + "crash\\w*|terminat\\w*|warn(ing)?|not ready|unhealthy|exit(ed|ing)?( with)?( code| status)?)\\b");

    /**
     * Per service, the looks at its own output ({@link #LOGS_LOOK}, kind OTHER) that carry lines of which none says
     * anything went wrong: no specific indication reads them and no word of trouble is in them ({@link #TROUBLE_WORD}),
     * a start sequence that ends without an error, an exit reason or a resource signal (h150-46: a crash-looping pod's
     * previous log ending at "supervisord started with pid 70").
     */
    private static Map<String, List<Observation.ProbeFailure>> quietLogs(List<Observation> observations,
                                                                       Map<String, Service> services,
                                                                       java.util.function.Function<String, String> lineCause) {
        Map<String, List<Observation.ProbeFailure>> out = new HashMap<>();
        for (Observation o : observations) {
            if (o instanceof Observation.ProbeFailure f && f.kind() == io.sophia.core.FailureKind.OTHER
                    && f.detail() != null && !f.detail().isBlank() && f.target() != null
                    && known(services, f.serviceId()) != null && LOGS_LOOK.matcher(f.target().strip()).find()
                    && lineCause.apply(Words.clip(f.detail(), 4000)) == null
                    && !TROUBLE_WORD.matcher(f.detail()).find()) {
                out.computeIfAbsent(f.serviceId(), k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    /** True when another probe of {@code svc} than {@code f} is a look at its output that names nothing ({@link #quietLogs}). */
    private static boolean quietLogsBeside(Observation.ProbeFailure f, String svc, Scope sc) {
        List<Observation.ProbeFailure> showing = svc == null ? List.of() : sc.quietLogs().getOrDefault(svc, List.of());
        return !showing.isEmpty() && showing.stream().noneMatch(o -> o == f);
    }

    /**
     * A look's target that is a provider's status page: status.example.com, example.statuspage.io, www.examplestatus.com,
     * also after the HTTP method a look names ("GET https://status.auth0.com/api/v2/incidents/unresolved.json", session 47).
     */
    static final java.util.regex.Pattern STATUS_PAGE_HOST = java.util.regex.Pattern.compile(
            "(?i)^((GET|HEAD|POST)\\s+)?(https?://)?(status\\.(?<domain>[\\w-]+(\\.[\\w-]+)+)|(?<page>[\\w-]+)\\.statuspage\\.io|www\\.(?<brand>\\w+)status\\.com)(/|$)");

    /**
     * Session 46 (r46-p208): true when {@code f} is a look at the status page of the provider of {@code svc}, a service
     * another service of the deployment depends on: the page's domain is the one the service's own host ends with
     * (status.launchdarkly.com for stream.launchdarkly.com, p208-20 and p208-22). An incident that page reports is that
     * dependency's provider failing, not the hosting platform's.
     */
    private static boolean dependencyStatusPage(Observation.ProbeFailure f, String svc, Scope sc) {
        Service s = svc == null ? null : sc.services().get(svc);
        String host = hostOf(s);
        if (host == null || f.target() == null) {
            return false;
        }
        java.util.regex.Matcher m = STATUS_PAGE_HOST.matcher(f.target().strip());
        if (!m.find()) {
            return false;
        }
        String h = host.toLowerCase(java.util.Locale.ROOT);
        String domain = m.group("domain") != null ? m.group("domain").toLowerCase(java.util.Locale.ROOT)
                : (m.group("page") != null ? m.group("page") : m.group("brand")).toLowerCase(java.util.Locale.ROOT);
        boolean ofTheService = m.group("domain") != null ? (h.equals(domain) || h.endsWith("." + domain))
                : java.util.Arrays.asList(h.split("\\.")).contains(domain);
        return ofTheService && sc.services().values().stream().anyMatch(o -> o.dependsOn().contains(svc));
    }

    private static Fact probeFact(Observation.ProbeFailure f, String svc, int seq, Scope sc) {
        boolean serviceSide = ServiceStates.serviceSide(f);
        String detailCause = probeDetailCause(f, sc.lineCause(), sc.answerCause(), sc.downNames(), svc);
        // a refusal at the loopback beside a sibling container's restart is that sibling's absence (PodLooks), not the
        // default host of a client without its setting that config's loopback readings take it for
        if (sc.podLooks().refusedBesideRestart().contains(f) && (CauseId.CONFIG_MISSING_SECRET.value().equals(detailCause)
                || CauseId.CONFIG_INVALID.value().equals(detailCause))) {
            detailCause = "";
        }
        // a look at the service's own log filed as a server error (failureOnRecord) is its record only while the service
        // does not answer: one that answers logs troubles it recovers from (p167-39: gunicorn's "Worker (pid:414078) was
        // sent SIGKILL! Perhaps out of memory?" on a slow download, the app serving)
        if (logLookOfAServer(f) && svc != null && sc.answering().contains(svc)) {
            detailCause = "";
        }
        String status = f.httpStatus() == null ? "" : String.valueOf(f.httpStatus());
        String cls = f.httpStatus() == null ? "" : (f.httpStatus() / 100) + "xx";
        String subject = svc != null ? svc : (f.target() == null ? Words.wire(f.source()) : f.target());
        String detail = Words.clip(f.detail(), 4000);
        // a look at a service's host whose record says the kernel killed its process for memory (h152-25: "Out of memory:
        // Killed process 611 (mariadbd)" for the database a site depends on) makes it the root of its dependents' chain,
        // as its own answer naming its memory does (httpFact); so does one whose own log names a failure of its own
        // strongly, as its machine's exit or its violated expectation naming it does (p212-06: "docker compose logs
        // postgres" saying "Database is uninitialized and superuser password is not specified", Hasura restarting
        // without it). Not a moderate reading: a sidecar's "connect ECONNREFUSED 127.0.0.1:27017" beside a store that
        // cannot start (p89-17: a full disk) is a client without its setting only as a guess; nor a bare crash
        // ("CrashLoopBackOff"), which is what a dependency that is down shows whatever its reason
        if (svc != null && (CauseId.APP_OOM.value().equals(detailCause) || !detailCause.isEmpty()
                && !CauseId.APP_CRASH_ON_BOOT.value().equals(detailCause) && OWN_FAILURES.contains(CauseId.of(detailCause))
                && readStrongly(f.detail(), detailCause, sc.indications()))) {
            sc.ownByCondition().add(svc);
        }
        Map<String, String> a = attrs("source", Words.wire(f.source()), "kind", f.kind() == null ? "" : f.kind().name(),
                "httpStatus", status, "httpClass", cls, "scope", serviceSide ? "service" : "source",
                "detail", detail, "target", f.target(), "detailCause", detailCause, "containerNotRunning",
                String.valueOf(CONTAINER_NOT_RUNNING.matcher(detail).find()), "serviceAnswers",
                String.valueOf(svc != null && sc.answering().contains(svc)), "livenessFailingBeside",
                String.valueOf(livenessFailingBeside(f, svc, sc)), "namesUnresolvedDependency",
                String.valueOf(namesUnresolvedDependency(detail, svc, sc)), "restartedBesideLoopbackRefusal",
                String.valueOf(sc.podLooks().restartBesideRefusal().contains(f)), "imageTagUnlisted",
                String.valueOf(imageTagUnlisted(detail, sc.registryTags())), "quietLogsBeside",
                String.valueOf(quietLogsBeside(f, svc, sc)), "dependencyStatusPage",
                String.valueOf(dependencyStatusPage(f, svc, sc)));
        Map<String, String> v = vars(svc, "source", Words.source(f.source()), "kind", Words.kind(f.kind()),
                "detail", Words.clip(f.detail(), LINE_MAX), "target", Words.clip(f.target(), 120),
                "httpStatus", status);
        return new Fact("probe", svc, subject, serviceSide, a, v, key(sc.serviceOrder(), svc, subject, "", 0, seq));
    }

    private static final java.util.regex.Pattern IPV4_LITERAL = java.util.regex.Pattern.compile("[0-9.]+");

    /**
     * True when a name other than the loopback's own (localhost, an address) resolved, and only to loopback addresses
     * (127.0.0.0/8, ::1, 0.0.0.0): a public or service name answered with "this machine", as a registrar's parking
     * nameservers or a dynamic-DNS client that published the wrong address do.
     */
    static boolean loopbackOnly(Observation.DnsResolution d) {
        String host = d.host() == null ? "" : d.host().strip().toLowerCase(java.util.Locale.ROOT);
        if (host.isEmpty() || host.equals("localhost") || host.endsWith(".localhost") || !host.contains(".")
                || IPV4_LITERAL.matcher(host).matches() || host.contains(":") || d.addresses() == null || d.addresses().isEmpty()) {
            return false;
        }
        for (String a : d.addresses()) {
            String x = a == null ? "" : a.strip();
            if (!(loopbackAddress(x) || x.equals("0.0.0.0"))) {
                return false;
            }
        }
        return true;
    }

    private static Fact httpFact(Observation.HttpCheck h, String svc, int seq, Scope sc) {
        Service s = sc.services().get(svc);
        boolean accepted = s.expect().accepts(h.statusCode());
        // the body cut and masked once, for the rules' patterns and for the answer's reading alike
        String body = Words.clip(h.bodyExcerpt(), 4000);
        String read = body.length() > ANSWER_READ_CHARS ? body.substring(0, ANSWER_READ_CHARS) : body;
        Set<String> alreadyRead = accepted ? sc.bodyRejected().get(svc) : Set.of();
        // an accepted answer whose body reports a failure of its own in specific words is read as an error answer's
        // (ServiceStates.reportsFailure: p173-34's "lastError":"... Request is throttled.")
        if (alreadyRead == null && ServiceStates.reportsFailure(h.bodyExcerpt(), sc.answerCause())) {
            alreadyRead = Set.of();
        }
        String bodyCause = bodyCause(read, alreadyRead, sc);
        boolean ownDeployFailed = ownDeployFailed(svc, sc.ci());
        // a platform's page for a host with no app is also what a new app shows before its first release: after the
        // service's own deploy failed in this run it says the release is missing, not why (p107-09)
        if (ownDeployFailed && !bodyCause.isEmpty() && readsNoReleasePage(read, sc.indications())) {
            bodyCause = "";
        }
        // a service whose own rejected answer says it ran out of memory (p160-23: a Kafka broker's "java.lang.
        // OutOfMemoryError: Cannot reserve ... bytes of direct buffer memory", its consumers restarting) is down for
        // that reason: the root of its dependents' chain, as its machine's exit naming its memory is
        if (!accepted && CauseId.APP_OOM.value().equals(bodyCause) && svc != null) {
            sc.ownByCondition().add(svc);
        }
        Map<String, String> a = attrs("statusCode", String.valueOf(h.statusCode()), "httpClass",
                (h.statusCode() / 100) + "xx", "accepted", String.valueOf(accepted), "latencyMs",
                h.latency() == null ? null : String.valueOf(h.latency().toMillis()), "body", body, "bodyCause",
                bodyCause, "ownDeployFailed", String.valueOf(ownDeployFailed));
        Map<String, String> v = vars(svc, "httpStatus", String.valueOf(h.statusCode()), "latencyMs",
                h.latency() == null ? "" : String.valueOf(h.latency().toMillis()), "body",
                Words.clip(h.bodyExcerpt(), 160));
        return new Fact("http", svc, svc, true, a, v, key(sc.serviceOrder(), svc, svc, "", 0, seq));
    }

    /**
     * The log indications whose words are a platform's page for a host it serves no release on: Heroku's router page
     * "There's nothing here, yet." answers for a host name no app claims (a custom domain never added, p54-33) and as
     * well for an app created but never released (a first push rejected, p107-09).
     */
    static final Set<String> NO_RELEASE_PAGES = Set.of("heroku.no-such-app-page");

    /** True when one of {@link #NO_RELEASE_PAGES} reads {@code text}. */
    private static boolean readsNoReleasePage(String text, List<Knowledge.CompiledIndication> indications) {
        return anyReads(text, indications, i -> NO_RELEASE_PAGES.contains(i.id()));
    }

    /** The first 4,000 characters of {@code text}: as much of a check's output or an exit's detail as is read. */
    private static String head(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }

    /** Indication patterns RE2 compiles but {@link RegexGuard} refuses (a rule's hazard, not a log pattern's): compiled once. */
    private static final Map<String, com.google.re2j.Pattern> GUARD_REFUSED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An indication's pattern compiled: by {@link RegexGuard}, or, for one it refuses (a repeated group that repeats,
     * harmless in RE2, which the indication set already compiled it with: "invalid config(\\.[a-z_]+)+"), by RE2 alone.
     */
    private static com.google.re2j.Pattern indicationPattern(String p) {
        com.google.re2j.Pattern refused = GUARD_REFUSED.get(p);
        if (refused != null) {
            return refused;
        }
        try {
            return RegexGuard.compile(p);
        } catch (IllegalArgumentException e) {
            return GUARD_REFUSED.computeIfAbsent(p, com.google.re2j.Pattern::compile);
        }
    }

    /** True when a pattern of one of the {@code indications} that {@code which} accepts finds a match in {@code text}. */
    private static boolean anyReads(String text, List<Knowledge.CompiledIndication> indications,
                                    java.util.function.Predicate<Knowledge.CompiledIndication> which) {
        for (Knowledge.CompiledIndication i : indications) {
            if (which.test(i)) {
                for (String p : i.patterns()) {
                    if (indicationPattern(p).matcher(text).find()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * True when a CI job of the run that deploys service {@code svc} ({@link #deploys}) ended failed (failure,
     * cancelled, time limit): found once per assessment in {@link CiIndex#deployFailed}, not per answer.
     */
    private static boolean ownDeployFailed(String svc, CiIndex ci) {
        return svc != null && ci.deployFailed().contains(svc);
    }

    // a job's own boilerplate steps, which say nothing of what it does ("Set up job", "Checkout", GitLab's "Get sources")
    private static final java.util.regex.Pattern BOILERPLATE_STEP = java.util.regex.Pattern.compile(
            "(?i)(set up job|complete job|initialize job|finalize job|prepare executor|prepare|get sources|cleanup|"
                    + "step_script|checkout|(run )?actions/checkout\\S*|post \\S.*)");
    // "Set up Python", "setup-node": setting up a tool is no change of the deployment
    private static final java.util.regex.Pattern SET_UP = java.util.regex.Pattern.compile("(?i)\\bset ?up\\b");
    // the words of a job that only looks (a check, an inspection, a lint, a test, a smoke test, a lookup, logs read)
    private static final java.util.regex.Pattern CHECK_WORD = java.util.regex.Pattern.compile(
            "(?i)(^|[^a-z])(checks?|inspect|lint|linters?|tests?|verify|validate|smoke|e2e|dig|nslookup|whois|audit|"
                    + "scan|health|links|probe|debug|logs?|ping|status|monitor|pytest|jest|playwright)([^a-z]|$)");
    // the words of a job that changes something (deploys, releases, pushes, publishes, builds, creates, applies ...):
    // with any of them the job counts as a deploy, whatever it also checks
    private static final java.util.regex.Pattern CHANGE_WORD = java.util.regex.Pattern.compile(
            "(?i)(^|[^a-z])(deploys?|deployment|redeploy|releases?|publish|push|promote|rollout|roll out|rollback|"
                    + "launch|provision|create|apply|up|install|upgrade|update|alias|sync|migrate|migrations|converge|"
                    + "ship|upload|restart|reload|recreate|rebuild|switch|reconcile|scale|bootstrap|build|terraform|"
                    + "pulumi|helm|kubectl|flyctl|fly|cdk|serverless|amplify|azd|nomad)([^a-z]|$)");

    /**
     * True when job {@code j} may deploy what it is attributed to, so that its failure can leave a release (and a
     * name it would create) unmade: every job but one whose name and steps (its boilerplate left out, "Set up job",
     * "Checkout") only look, in words of checks, inspections, lints, tests, smoke tests, lookups or logs read, and
     * none of a change (deploy, release, push, publish, build, create, apply, install, up ...). h92-33: a scheduled
     * "vercel domains inspect" job, step "Inspect domain", failed on the domain's records; it deploys nothing, so its
     * failure says no deploy failed. A job of neither kind of words counts as a deploy, as every job did before.
     */
    static boolean deploys(Observation.CiJob j) {
        boolean looks = false;
        List<String> names = new ArrayList<>();
        names.add(j.name() == null ? "" : j.name());
        for (Observation.CiStep st : j.steps()) {
            if (st.name() != null && !BOILERPLATE_STEP.matcher(st.name().strip()).matches()) {
                names.add(st.name());
            }
        }
        for (String n : names) {
            String text = SET_UP.matcher(n).replaceAll(" ");
            if (CHANGE_WORD.matcher(text).find()) {
                return true;
            }
            looks |= CHECK_WORD.matcher(text).find();
        }
        return !looks;
    }

    /**
     * The cause a specific indication reads an answer's body as ({@code read}: its first {@code ANSWER_READ_CHARS}
     * characters), for an answer its service's expectations reject: by its status ({@code alreadyRead} empty), or by a
     * violated expectation on its body ({@code alreadyRead} the causes that expectation's actual value reads, left out);
     * "" for an accepted answer ({@code alreadyRead} null) or a blank body.
     */
    private static String bodyCause(String read, Set<String> alreadyRead, Scope sc) {
        if (alreadyRead == null || read.isBlank()) {
            return "";
        }
        String cause = java.util.Objects.requireNonNullElse(sc.answerCause().apply(read), "");
        return alreadyRead.contains(cause) ? "" : cause;
    }

    /** A violated expectation's actual value is read as a log line would be (actualCause). */
    private static Fact conditionFact(Observation.ConditionCheck c, String svc, int seq, Scope sc) {
        String actualCause = c.passed() ? "" : carriedTextCause(c.actual(), sc.lineCause(), sc.downNames(), svc);
        if (!actualCause.isEmpty() && OWN_FAILURES.contains(CauseId.of(actualCause))) {
            sc.ownByCondition().add(svc);
        }
        Map<String, String> a = attrs("condition", c.condition(), "passed", String.valueOf(c.passed()), "actual",
                Words.clip(c.actual(), 400), "actualCause", actualCause);
        Map<String, String> v = vars(svc, "condition", Words.clip(c.condition(), 120), "actual", Words.clip(c.actual(), 120));
        return new Fact("condition", svc, svc, true, a, v, key(sc.serviceOrder(), svc, svc, "", 0, seq));
    }

    /** One fact per class of changed files: "the lockfiles changed" is one piece of evidence however many. */
    private static void changeFacts(Observation.ChangeSet cs, int seq, Map<String, Integer> serviceOrder, List<Fact> out) {
        for (Map.Entry<io.sophia.core.ChangeClass, List<Observation.ChangedFile>> e : changedByClass(cs).entrySet()) {
            List<Observation.ChangedFile> files = e.getValue();
            String names = Words.list(files.stream().map(Observation.ChangedFile::path).toList(), 4);
            Map<String, String> a = attrs("class", e.getKey().wire(), "files", String.valueOf(files.size()),
                    "commits", String.valueOf(cs.totalCommits()));
            Map<String, String> v = vars(null, "files", Words.clip(names, LINE_MAX), "fileCount",
                    String.valueOf(files.size()), "commitCount", String.valueOf(cs.totalCommits()), "baseRun",
                    cs.baseRunId() > 0 ? "run " + cs.baseRunId() : "the last good run", "baseSha", shortSha(cs.baseSha()),
                    "headSha", shortSha(cs.headSha()), "changeClass", e.getKey().label());
            out.add(new Fact("change", null, "changes " + e.getKey().wire(), false, a, v,
                    key(serviceOrder, null, "changes", e.getKey().wire(), e.getKey().ordinal(), seq)));
        }
    }

    /** A machine's fact, then one per event, then one per health check. */
    private static void machineFacts(Observation.PlatformMachine m, String svc, int seq, Scope sc, List<Fact> out) {
        Map<String, Integer> serviceOrder = sc.serviceOrder();
        String subject = svc != null ? svc : m.app();
        Map<String, String> a = attrs("state", m.state(), "stuck", String.valueOf(m.stuck()), "hostStatus",
                m.hostStatus(), "region", m.region(), "app", m.app(), "startedLongAgo",
                String.valueOf(startedLongAgo(m, sc.now())), "datastoreDependedOn",
                String.valueOf(datastoreDependedOn(svc, sc)), "neverRan", String.valueOf(neverRan(m)));
        Map<String, String> v = vars(svc, "app", m.app(), "machine", m.machineId(), "state", m.state(), "region",
                m.region(), "hostStatus", m.hostStatus());
        out.add(new Fact("machine", svc, subject, true, a, v, key(serviceOrder, svc, subject, m.machineId(), 0, seq)));
        int e = 0;
        for (Observation.MachineEvent ev : m.events()) {
            e++;
            out.add(machineEventFact(m, ev, e, svc, subject, seq, sc));
        }
        for (Observation.MachineCheck ch : m.checks()) {
            Map<String, String> ca = attrs("name", ch.name(), "status", ch.status(), "output",
                    Words.clip(ch.output(), 4000), "app", m.app(), "answered", answered(ch.output()),
                    "dnsFailure", String.valueOf(namesDnsFailure(ch.output(), sc.indications())),
                    // the check of a datastore others depend on (a Fly Postgres cluster's own "pg" check) says whether that
                    // dependency serves, not whether the app that fails answers its own check (session 47, h161-05)
                    "datastoreDependedOn", String.valueOf(datastoreDependedOn(svc, sc)));
            Map<String, String> cv = vars(svc, "app", m.app(), "machine", m.machineId(), "check", ch.name(),
                    "status", ch.status(), "output", Words.clip(ch.output(), LINE_MAX));
            out.add(new Fact("machineCheck", svc, subject, true, ca, cv,
                    key(serviceOrder, svc, subject, m.machineId() + ch.name(), 0, seq)));
        }
    }

    /**
     * True when {@code svc} is declared as a datastore, cache, broker or secret store (Datastores; not an identity
     * provider by its discovery URL, an application of its own: p126-38, Keycloak crashing on its migration) and
     * another service's dependsOn names it: its machines are a dependency's, whose stop or failing start is that
     * dependency being down. A look-up in {@link #storesDependedOn}, built once per {@link #extract}.
     */
    private static boolean datastoreDependedOn(String svc, Scope sc) {
        return svc != null && sc.storesDependedOn().contains(svc);
    }

    /**
     * The ids of the services {@link #datastoreDependedOn} holds for, in one pass over the services' dependsOn (asked
     * for every machine and every machine event: a scan of the fleet per event was quadratic on a large fleet).
     */
    static Set<String> storesDependedOn(Map<String, Service> services) {
        Set<String> out = new java.util.HashSet<>();
        for (Service s : services.values()) {
            for (String d : s.dependsOn()) {
                Service store = d.equals(s.id()) ? null : services.get(d);
                if (store != null && Datastores.isDatastore(store) && !(store.url() != null
                        && store.url().getPath() != null && store.url().getPath().contains("/.well-known/"))) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /**
     * True when an indication of {@code causeId} of weight 0.8 or more (a specific fault, not a bare failing start)
     * reads {@code text}.
     */
    private static boolean readStrongly(String text, String causeId, List<Knowledge.CompiledIndication> indications) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return anyReads(head(text), indications, i -> i.causeId().equals(causeId) && i.weight() >= 0.8);
    }

    /** The {@code e}th (from 1) event of machine {@code m}. */
    private static Fact machineEventFact(Observation.PlatformMachine m, Observation.MachineEvent ev, int e, String svc,
                                         String subject, int seq, Scope sc) {
        boolean nonZero = ev.exitCode() != null && ev.exitCode() != 0;
        String exitKind = ev.exitCode() == null ? "none" : ev.exitCode() == 0 ? "normal"
                : ev.exitCode() == 137 ? "killed" : ev.exitCode() == 143 ? "terminated" : "error";
        String detailCause = detailCause(ev.detail(), sc.lineCause());
        // a machine that exited non-zero saying why in its own words (p126-38: Keycloak's "ERROR: Failed to start server
        // in (production) mode / ERROR: Failed to update database", its dependents answering 502) is down for that
        // reason: the root of its dependents' chain, as a violated expectation naming its own failure is (p82-11)
        // But a datastore another service depends on whose exit only says that it failed to start (p138-29: a Fly
        // Postgres machine's "panic: failed to start postgres: exit status 1", the API's migrate refused; no
        // indication of a crash reads it strongly) is what dependency.down answers, "that service is down": not the
        // root of a chain of its own. A store naming its own fault is (h93-40: mongod's "Wrong mongod version ...
        // UPGRADE PROBLEM", after an image bump), and so are its memory, an image, a quota
        boolean datastore = datastoreDependedOn(svc, sc) && CauseId.APP_CRASH_ON_BOOT.value().equals(detailCause)
                && !readStrongly(ev.detail(), CauseId.APP_CRASH_ON_BOOT.value(), sc.indications());
        if (nonZero && svc != null && !detailCause.isEmpty() && OWN_FAILURES.contains(CauseId.of(detailCause))
                && !datastore) {
            sc.ownByCondition().add(svc);
        }
        Map<String, String> ea = attrs("type", ev.type(), "status", ev.status(), "exitCode",
                ev.exitCode() == null ? "" : String.valueOf(ev.exitCode()), "oomKilled",
                String.valueOf(Boolean.TRUE.equals(ev.oomKilled())), "nonZeroExit", String.valueOf(nonZero), "exitKind", exitKind,
                "app", m.app(), "detail", Words.clip(ev.detail(), 4000), "machineState", m.state(),
                "detailCause", detailCause, "datastoreDependedOn", String.valueOf(datastore),
                // an exit with a code anywhere in the machine's events: its process did run (and end), whatever the
                // platform recorded for another exit (review33: a later exit with no code is not a process that never ran)
                "machineExitedWithCode", String.valueOf(m.events().stream().anyMatch(x -> x.exitCode() != null)));
        Map<String, String> evv = vars(svc, "app", m.app(), "machine", m.machineId(), "type", ev.type(),
                "status", ev.status(), "exitCode", ev.exitCode() == null ? "" : String.valueOf(ev.exitCode()),
                "detail", Words.clip(ev.detail(), LINE_MAX));
        return new Fact("machineEvent", svc, subject, true, ea, evv,
                key(sc.serviceOrder(), svc, subject, m.machineId() + String.format(Locale.ROOT, "%05d", e), 0, seq));
    }

    private static Fact tlsFact(Observation.TlsHandshake t, String svc, int seq, Scope sc) {
        Service s = sc.services().get(svc);
        int min = s.expect().minCertificateDays() == null ? ServiceStates.DEFAULT_CERT_DAYS
                : s.expect().minCertificateDays();
        Map<String, String> a = attrs("expired", String.valueOf(t.daysToExpiry() < 0), "notYetValid",
                String.valueOf(false), "selfSigned", String.valueOf(t.selfSigned()), "hostnameMatches",
                String.valueOf(t.hostnameMatches()), "trusted", String.valueOf(t.trusted()), "expiringSoon",
                String.valueOf(t.daysToExpiry() >= 0 && t.daysToExpiry() < min), "daysToExpiry",
                String.valueOf(t.daysToExpiry()), "othersDown", String.valueOf(othersDown(sc.down(), svc)),
                "splitName", String.valueOf(sc.splitNames().contains(svc)), "alsoServedOwn",
                String.valueOf(sc.servedOwn().contains(svc + "\n" + t.host())),
                "siblingNameMissing", String.valueOf(siblingNameMissing(t.host(), sc.missingHosts())));
        Map<String, String> v = vars(svc, "host", t.host(), "days", String.valueOf(Math.abs(t.daysToExpiry())),
                "subject", Words.clip(t.subject(), 120), "issuer", Words.clip(t.issuer(), 120));
        return new Fact("tls", svc, svc, true, a, v, key(sc.serviceOrder(), svc, svc, "", 0, seq));
    }

    /** The finding that ended each job's log (of the logs' best findings, those of a job). */
    private static Map<Long, Observation.LogFinding> topByJob(Map<String, Observation.LogFinding> best) {
        Map<Long, Observation.LogFinding> topByJob = new HashMap<>();
        for (Observation.LogFinding f : best.values()) {
            if (f.jobId() != 0) {
                topByJob.put(f.jobId(), f);
            }
        }
        return topByJob;
    }

    /**
     * Per job, the best finding of a named cause (for a log whose last word is a line of no cause); not a failing
     * health check, which only says again that the service is down (p42-40: a helm install timed out, then the
     * events a later step lists, "Liveness probe failed ... connection refused", took the operator for the root
     * of its dependents' chain, and app.healthcheck-failing was stated at 0.9 on a scenario labelled unknown).
     * And the DOWN services a line of another job names with a failure of their own (p64-32: "redis    Exited (137)
     * 90 seconds ago" in a host's docker ps, its dependents refused): that failure is the root of their chain too
     * (one pass over each line against every down service's name at once, not one pass per down service: at 5,000
     * services and as many findings that was 25 million scans of a line); and those whose own violated expectation
     * ({@code ownByCondition}) names a failure of their own (p82-11: a pod's "CreateContainerConfigError: secret \"x\"
     * not found", its dependents down): the same root.
     */
    private static NamedFailures namedFailures(List<Observation> observations, Map<String, Service> services,
                                               List<String> down, Set<String> ownByCondition) {
        Map<Long, Observation.LogFinding> namedByJob = new HashMap<>();
        Set<String> namedDown = new java.util.HashSet<>();
        ownByCondition.retainAll(down);
        namedDown.addAll(ownByCondition);
        Map<String, List<String>> downByName = new HashMap<>();
        for (String d : down) {
            downByName.computeIfAbsent(d.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(d);
        }
        for (Observation o : observations) {
            if (o instanceof Observation.LogFinding f && f.jobId() != 0 && f.causeId() != null
                    && !f.causeId().equals(CauseId.UNKNOWN) && !f.causeId().equals(CauseId.APP_HEALTHCHECK_FAILING)) {
                namedByJob.merge(f.jobId(), f, (a, b) -> clamp(b.score()) > clamp(a.score()) ? b : a);
                if (OWN_FAILURES.contains(f.causeId()) && clamp(f.score()) >= Inference.INNER_SCORE) {
                    // not its own job's line (ownErrors reads those), nor a dependent's: web's "No module named
                    // 'redis'" is web's own failure, not redis's. But an image that does not exist, named with a
                    // dependency's name in a dependent's deploy, is the dependency's (h84-13: the archive's helm job
                    // listing "pod/paperless-redis-master-0 Failed to pull image \"docker.io/bitnami/redis:7.4.2-...\":
                    // ... not found"): a dependent's own words are no image of that name
                    Service of = f.serviceId() == null ? null : services.get(f.serviceId());
                    boolean imageOfNamed = CauseId.IMAGE_NOT_FOUND.equals(f.causeId());
                    for (String name : hostsNamed(f.line(), downByName.keySet())) {
                        for (String d : downByName.get(name)) {
                            if (!d.equals(f.serviceId()) && (of == null || imageOfNamed || !of.dependsOn().contains(d))) {
                                namedDown.add(d);
                            }
                        }
                    }
                }
            }
        }
        return new NamedFailures(namedByJob, namedDown);
    }

    /** The platform's "what changed since the last good deploy": the old image still healthy, the new one failing. */
    private static void releaseSplitFacts(List<Observation> observations, Map<String, Service> services,
                                          Map<String, Integer> serviceOrder, List<Fact> out) {
        for (io.sophia.core.ReleaseSplit split : io.sophia.core.ReleaseSplit.of(observations)) {
            String svc = known(services, split.serviceId());
            out.add(new Fact("releaseSplit", svc, svc != null ? svc : split.app(), false, attrs("app", split.app()),
                    vars(svc, "app", split.app(), "healthyImage", Words.list(split.healthyImages(), 2),
                            "failingImage", Words.list(split.failingImages(), 2),
                            "healthyCount", String.valueOf(split.healthyMachines().size()),
                            "failingCount", String.valueOf(split.failingMachines().size())),
                    key(serviceOrder, svc, split.app(), "", 0, 0)));
        }
    }

    /** Facts that exist only across observations or sources. */
    private static void derived(Deployment deployment, Map<String, Service> services,
                                Map<String, List<Observation>> byService,
                                Map<String, ServiceHealth> health,
                                CiIndex ci, Map<Long, Observation.LogFinding> topByJob,
                                Map<Long, Observation.LogFinding> namedByJob, Set<String> namedDown,
                                Set<String> servingRunCommit, Map<String, Integer> serviceOrder, List<Fact> out) {
        List<Observation.CiJob> jobs = ci.jobs();
        Observation.CiRun run = ci.run();
        commonSteps(jobs, topByJob, serviceOrder, out);
        cancelledAfterFailure(jobs, services, serviceOrder, out);
        // the services a job of which ends on a name that does not resolve (its best line of a named cause): their
        // deploy failed on a name, so their own name not resolving is no sign of a deploy that failed for another reason
        Set<String> deployFailedOnName = new java.util.HashSet<>();
        for (Observation.CiJob j : jobs) {
            Observation.LogFinding f = namedByJob.get(j.jobId());
            if (j.serviceId() != null && f != null && CauseId.NETWORK_DNS.equals(f.causeId())) {
                deployFailedOnName.add(j.serviceId());
            }
        }
        serviceFacts(deployment, services, byService, health, ci, deployFailedOnName, serviceOrder, out);
        // topology: a DOWN service whose dependency is DOWN
        // a dependency whose own job log ends on an error of a named cause (a quota that refused its deploy, its
        // process out of memory, a token) is down because of that error: it is the root of the chain. A job on the
        // dependency that ends on nothing specific (an operation on a database that is down: "no active leader")
        // says the dependency is down
        Set<String> ownError = ownErrors(jobs, topByJob, namedByJob);
        ownError.addAll(namedDown);
        boolean platformRoot = platformStopped(jobs, topByJob, namedByJob, health);
        List<Topology.DownEdge> downEdges = Topology.downEdges(deployment, health);
        for (Topology.DownEdge e : downEdges) {
            out.add(chainFact("dependency", e, platformRoot || ownError.contains(e.dependency()), services, byService,
                    serviceOrder));
        }
        degradedDependencyFacts(deployment, health, downEdges, platformRoot, ownError, services, byService, serviceOrder,
                out);
        // deployed version vs the run's commit (which services serve it: servingRunCommit, found once for the scope)
        if (runCommit(run) != null) {
            for (ServiceHealth h : health.values()) {
                String ver = commitOf(h.version());
                if (ver == null) {
                    continue;
                }
                boolean matches = servingRunCommit.contains(h.id());
                out.add(new Fact("version", h.id(), h.id(), true, attrs("matches", String.valueOf(matches),
                        "runConclusion", run.conclusion()),
                        vars(h.id(), "deployed", shortSha(ver), "expected", shortSha(run.headSha())),
                        key(serviceOrder, h.id(), h.id(), "", 0, 0)));
            }
        }
    }

    /**
     * The chains of a DEGRADED service (it answers, but fails its expectations) whose dependency is DOWN: facts of their
     * own type, so that the rules on a DOWN chain keep their meaning. A dependency whose own violated expectation names
     * any cause of its own (h42-08: its pods' "ImagePullBackOff: Failed to pull image"; h42-13: "Startup probe failed")
     * is down for that reason, the root of this weaker chain.
     */
    private static void degradedDependencyFacts(Deployment deployment, Map<String, ServiceHealth> health,
                                                List<Topology.DownEdge> downEdges, boolean platformRoot,
                                                Set<String> ownError, Map<String, Service> services,
                                                Map<String, List<Observation>> byService,
                                                Map<String, Integer> serviceOrder, List<Fact> out) {
        Set<String> conditionNamed = new java.util.HashSet<>();
        for (Fact f : out) {
            String actualCause = f.type().equals("condition") ? f.attrs().get("actualCause") : null;
            if (actualCause != null && !actualCause.isEmpty() && !CauseId.DEPENDENCY_DOWN.value().equals(actualCause)) {
                conditionNamed.add(f.serviceId());
            }
        }
        // a dependency that is itself down for a DOWN dependency of its own is that chain, already counted (h42-35)
        Set<String> downForDependency = new java.util.HashSet<>();
        downEdges.forEach(e -> downForDependency.add(e.service()));
        for (Topology.DownEdge e : Topology.degradedEdges(deployment, health)) {
            if (downForDependency.contains(e.dependency())) {
                continue;
            }
            out.add(chainFact("degradedDependency", e, platformRoot || ownError.contains(e.dependency())
                    || conditionNamed.contains(e.dependency()), services, byService, serviceOrder));
        }
    }

    /** A fact of {@code type} for one edge of a failing chain: the dependency, and how it is seen failing. */
    private static Fact chainFact(String type, Topology.DownEdge e, boolean dependencyError, Map<String, Service> services,
                                  Map<String, List<Observation>> byService, Map<String, Integer> serviceOrder) {
        List<Observation> dependencyObservations = byService.getOrDefault(e.dependency(), List.of());
        NameSeen name = NameSeen.of(e.dependency(), dependencyObservations)
                .withServerElsewhere(serverAnswersElsewhere(e.dependency(), services, byService));
        return new Fact(type, e.service(), e.service(), false, attrs("dependency", e.dependency(),
                "dependencyError", String.valueOf(dependencyError),
                "dependencyNameOnly", String.valueOf(name.onlyItsNameFails()),
                "dependencyResolverFailedOnly", String.valueOf(name.onlyItsResolverIsSeenFailing()),
                "dependencyCertificateOnly", String.valueOf(onlyItsCertificateFails(services.get(e.dependency()),
                        dependencyObservations)),
                "dependencyApplication", String.valueOf(!Datastores.isDatastore(services.get(e.dependency()))),
                "dependencyStoppedOnRequest", String.valueOf(stoppedOnRequest(dependencyObservations))),
                vars(e.service(), "dependency", e.dependency()), key(serviceOrder, e.service(), e.service(),
                e.dependency(), 0, 0));
    }

    // an HTTP status line as health checkers print it: "HTTP GET http://…/health: 503 Service Unavailable". The
    // reason phrase is at most six words, each matched possessively: an unbounded group of words recursed once per
    // word and threw StackOverflowError on a check output of thousands of capitalised words
    private static final java.util.regex.Pattern STATUS_ANSWER = java.util.regex.Pattern.compile(
            "(?:^|[\\s:])([1-5])\\d\\d [A-Z][A-Za-z-]*+(?: [A-Z][A-Za-z-]*+){0,5}(?:$|[\\s.,:\"'])");

    /**
     * How much of an error answer is read for its cause: an app's or a proxy's error names itself near the start of its
     * body, and reading all of 4 KB answers of a large fleet doubled a diagnosis (the review of session 14).
     */
    static final int ANSWER_READ_CHARS = 1_000;

    // the words of a failure of Sophia's own runner or probe code, whatever the source (ProbeRunner, FlyMachinesProbe,
    // McpProbe): an exception in this process, not a look at the service
    private static final java.util.regex.Pattern OWN_FAILURE = java.util.regex.Pattern.compile(
            "^(?:probe failed: |the runner was interrupted|a null probe|unexpected [A-Za-z0-9_$.]+$)");

    /**
     * The cause a probe failure's detail reads as ({@link #detailCause}), or "": only a look at a host or a platform
     * (kind OTHER from the host's, the platform's or a log's source: its events, its logs) speaks with the platform's words. The
     * OTHER of Sophia's own network and CI probes (http, mcp, tcp, dns, tls, github) is their own trouble ("log of job
     * 'deploy' broke off after 12 bytes: IOException: No space left on device"), as is the runner's ("probe failed:
     * OutOfMemoryError: Java heap space", not the service's memory); and a name that does not resolve because the
     * service it names is down is that service's consequence, as in a log or a condition's text. A platform API the
     * host called (source HOST) that answered an error status speaks the platform's words too, whatever the kind; so
     * does a host's look without a status of a kind that names a record ({@link #HOST_RECORD_KINDS}: SERVER_ERROR, and
     * DNS_FAILURE, NOT_FOUND, MISCONFIGURED, TLS_FAILURE): the record of the service's failure it read.
     */
    private static final Set<io.sophia.core.Source> LOOK_SOURCES = java.util.EnumSet.of(io.sophia.core.Source.HOST,
            io.sophia.core.Source.FLY, io.sophia.core.Source.LOG);

    /**
     * A probe's target that is a command of a cluster's or a scheduler's own CLI reading its objects' state and events
     * (kubectl, oc, nomad, helm, argocd): its output is a look at the platform, as a host's look is.
     */
    private static final java.util.regex.Pattern PLATFORM_CLI_LOOK = java.util.regex.Pattern.compile(
            "^(kubectl|oc|nomad|helm|argocd)\\s+(-\\S+\\s+\\S+\\s+)*(get|describe|logs|events|status|job|alloc|deployment|node|server|argo|rollout|history|app)\\b");

    /** A look at a workflow run of the GitHub Actions API ("GET /repos/o/r/actions/runs/1", its jobs, its annotations). */
    private static final java.util.regex.Pattern GITHUB_RUN_TARGET = java.util.regex.Pattern.compile(
            "^(GET )?/repos/[^/\\s]+/[^/\\s]+/actions/runs/\\d+(/|$)");

    /** A probe's target that is a call of an HTTP API by its method and path ("GET /api/2.1/jobs/runs/get?run_id=1"). */
    private static final java.util.regex.Pattern API_CALL_TARGET = java.util.regex.Pattern.compile(
            "^(GET|POST|PUT|PATCH|DELETE|HEAD) (/|https?://)\\S");

    /**
     * A provider's status page API (Statuspage's /api/v2/status.json, Heroku's current-status): the knowledge base's
     * status-page rules weigh what it says at their own measure (a "Minor Service Outage" moderately, p170-12), so it is
     * no record of a failure of the deployment's own; the targets of those rules' pattern.
     */
    private static final java.util.regex.Pattern STATUS_API_TARGET = java.util.regex.Pattern.compile(
            "(?i)(^|[/\\s])(status\\.[\\w.-]+|[\\w-]+\\.statuspage\\.io|www\\.\\w+status\\.com)(/|$)"
                    + "|/api/v\\d/(status|summary|incidents|current-status)\\b|/current-status\\b");

    /** A command of a cloud provider's own CLI ("aws deploy get-deployment ...", "gcloud app deploy ...", "az ..."). */
    private static final java.util.regex.Pattern CLOUD_CLI_CALL = java.util.regex.Pattern.compile(
            "^(aws|gcloud|az)\\s+[a-z][\\w-]*\\s+[a-z]");

    /**
     * A cloud CLI's read of the deployment's state ({@code aws ecs describe-services}, {@code gcloud run services
     * describe}, {@code az webapp show}): a look, whose refusal is the looker's credential, not the deploy's.
     */
    private static final java.util.regex.Pattern CLOUD_CLI_READ = java.util.regex.Pattern.compile(
            "^(aws|gcloud|az)\\s+([\\w-]+\\s+){0,3}?(describe|get|list|show|logs?|tail|wait|inspect)(-[\\w-]+)?(\\s|$)");

    /**
     * A cloud CLI's own refusal of the call, at the start of its output: AWS's "An error occurred (AccessDeniedException)
     * when calling the DescribeServices operation", gcloud's "ERROR: (gcloud.run.services.describe) PERMISSION_DENIED",
     * az's "(AuthorizationFailed)", a missing or expired login (review 42).
     */
    private static final java.util.regex.Pattern CLOUD_CLI_OWN_REFUSAL = java.util.regex.Pattern.compile(
            "^(An error occurred \\((AccessDenied(Exception)?|UnauthorizedOperation|ExpiredToken(Exception)?|InvalidClientTokenId"
                    + "|UnrecognizedClientException|AuthFailure|SignatureDoesNotMatch)\\) when calling the \\w+ operation"
                    + "|ERROR: \\(gcloud\\.[\\w.-]+\\) (PERMISSION_DENIED|UNAUTHENTICATED)"
                    + "|\\(AuthorizationFailed\\)|You do not currently have an active account selected"
                    + "|There was a problem refreshing your current auth tokens|Please run 'az login')");

    /** The kinds of a {@link #PLATFORM_CLI_LOOK} whose detail is the platform's objects' words. */
    private static final Set<io.sophia.core.FailureKind> CLI_LOOK_KINDS = java.util.EnumSet.of(
            io.sophia.core.FailureKind.OTHER, io.sophia.core.FailureKind.SERVER_ERROR);

    /**
     * The cluster's CLI refusing the look itself (kubectl's and oc's "Error from server (Forbidden): pods is forbidden:
     * User ... cannot list ...", "error: You must be logged in to the server (Unauthorized)", "Unable to connect to the
     * server"): the caller's trouble, not the objects' state.
     */
    private static final java.util.regex.Pattern CLI_LOOK_REFUSED = java.util.regex.Pattern.compile(
            "^(Error from server \\((Forbidden|Unauthorized|NotFound)\\)|error: You must be logged in|Unable to connect to the server"
                    + "|The connection to the server \\S+ was refused|error: the server doesn't have a resource type)");

    /**
     * The kinds of a host's look without a status of its own whose detail is the record it read: SERVER_ERROR, and the
     * kinds that name what the record shows (a container's log ending in "socket.gaierror: [Errno -3] Temporary failure
     * in name resolution", DNS_FAILURE, h136-34; a pod's events "Failed to pull image ...: not found", NOT_FOUND, h136-10;
     * an inference server's log refusing a model's configuration, MISCONFIGURED, h136-16), and UNEXPECTED_STATUS without
     * a status of the look's own: the record shows the service in a state it should not be in (App Service's log stream,
     * "Container chat_0_5b1c for site chat has exited, failing to start.", h144-23), and RATE_LIMITED: the record shows a
     * limit reached (a broker's log "connection_rejected_due_to_license_limit_reached", a hub's "IotHubQuotaExceeded
     * (403002): ... exceeded the allocated quota", p215-19, p215-20). Not UNAUTHORIZED or FORBIDDEN:
     * a look the host was refused says the caller's trouble (p65-13); a cloud provider's CLI call of kind FORBIDDEN
     * ({@link #CLOUD_CLI_CALL}) is read by specific indications only.
     */
    private static final Set<io.sophia.core.FailureKind> HOST_RECORD_KINDS = java.util.EnumSet.of(
            io.sophia.core.FailureKind.SERVER_ERROR, io.sophia.core.FailureKind.DNS_FAILURE,
            io.sophia.core.FailureKind.NOT_FOUND, io.sophia.core.FailureKind.MISCONFIGURED,
            io.sophia.core.FailureKind.TLS_FAILURE, io.sophia.core.FailureKind.UNEXPECTED_STATUS,
            io.sophia.core.FailureKind.RATE_LIMITED);

    /**
     * What the cluster's CLI prints about itself around a refusal: klog's lines ("E1203 10:00:00.123456   4711
     * memcache.go:265] couldn't get current server API group list: ...", "W0101 ... warnings.go:70] ...") the
     * server's "Warning: ..." deprecation notices, and its hint "To see the stack trace of this error execute with --v=5
     * or higher".
     */
    private static final java.util.regex.Pattern CLI_OWN_NOTICE = java.util.regex.Pattern.compile(
            "^([IWE]\\d{4} \\d{2}:\\d{2}:\\d{2}\\.\\d+\\s+\\d+ [\\w.-]+:\\d+\\]|Warning: "
                    + "|To see the stack trace of this error execute with)");

    /**
     * True when a look's detail is the cluster CLI's own refusal of it ({@link #CLI_LOOK_REFUSED}): each of its parts (its
     * lines, or the parts a writer joined with " | ") is a refusal or one of the CLI's notices about itself
     * ({@link #CLI_OWN_NOTICE}), and one at least a refusal. A refusal beside the objects' own words (one of two kinds
     * of object listed) is no refusal of the whole look.
     */
    private static boolean cliRefusedTheLook(String detail) {
        if (detail == null) {
            return false;
        }
        boolean refused = false;
        for (String part : detail.split("\\R| \\| ")) {
            String p = part.strip();
            if (p.isEmpty() || CLI_OWN_NOTICE.matcher(p).find()) {
                continue;
            }
            if (!CLI_LOOK_REFUSED.matcher(p).find()) {
                return false;
            }
            refused = true;
        }
        return refused;
    }

    /**
     * True when a probe is a log source's look filed as a server error, with no status (read as a look at a service's
     * own log: the log source's target is not checked).
     */
    private static boolean logLookOfAServer(Observation.ProbeFailure f) {
        return f.source() == io.sophia.core.Source.LOG && f.kind() == io.sophia.core.FailureKind.SERVER_ERROR
                && f.httpStatus() == null;
    }

    /**
     * True when a probe's detail is a record of the failure that the host or an API showed (one of the details {@link
     * #probeDetailCause} reads): a host's look whose record says the service failed, with no status of a call of its
     * own (kind SERVER_ERROR, or one naming what the record shows: HOST_RECORD_KINDS): ECS's DescribeTasks "stoppedReason: ...
     * log: django.core.exceptions.ImproperlyConfigured: Set the DATABASE_URL environment variable" (p167-10), a
     * Heroku log session's "Error R14 (Memory quota exceeded)" (p167-21): the platform's and the app's own words, as
     * in a look of kind OTHER (p181-14, p181-16, p181-39: the same record read over HTTP from a scheduler's or a data
     * platform's own API, "GET /api/2.1/jobs/runs/get" answering "state_message: Cloud Provider Launch Failure: ...
     * exceeding approved Total Regional Cores quota": a call of the API that succeeded and showed a failure, not a
     * status of its own; SERVER_ERROR only there)
     * (a host's look of a kind other than SERVER_ERROR that is the cluster CLI's own refusal, "Error from server
     * (NotFound): pods "web-1" not found", is the caller's trouble as in any look: review 40)
     * (and a look at the service's own log filed by a log source as a server error, with no status of its own: "fly logs
     * -a x" showing Laravel's "MissingAppKeyException: No application encryption key has been specified." under every
     * 500, "docker logs x" its "Unsupported cipher or incorrect key length"; h163-21, h163-23: the app's own words for
     * why it fails, as a host's look at the same log; SERVER_ERROR only)
     */
    private static boolean failureOnRecord(Observation.ProbeFailure f) {
        return f.httpStatus() == null && (f.source() == io.sophia.core.Source.HOST
                && HOST_RECORD_KINDS.contains(f.kind())
                && (f.kind() == io.sophia.core.FailureKind.SERVER_ERROR || !cliRefusedTheLook(f.detail()))
                || logLookOfAServer(f)
                || f.source() == io.sophia.core.Source.HTTP && f.target() != null
                && API_CALL_TARGET.matcher(f.target().strip()).find() && !STATUS_API_TARGET.matcher(f.target()).find()
                && f.kind() == io.sophia.core.FailureKind.SERVER_ERROR);
    }

    /**
     * True when a cloud provider's CLI call the host ran came back refused (kind FORBIDDEN, no status of its own) and is
     * read all the same (one of the details {@link #probeDetailCause} reads):
     * the deployment's own record or the deploy itself refused in the provider's words ("aws deploy get-deployment"
     * showing "ECS was unable to assume the role ...", p190-33; "gcloud app deploy" answered "Your app may not have
     * more than 210 versions", p190-23); by specific indications only, as a cluster CLI's look is
     * (not a read of the deployment's state the CLI itself refused: the looker's own credential, review 42)
     */
    private static boolean cloudCliRefused(Observation.ProbeFailure f) {
        return f.source() == io.sophia.core.Source.HOST && f.httpStatus() == null
                && f.kind() == io.sophia.core.FailureKind.FORBIDDEN && f.target() != null
                && CLOUD_CLI_CALL.matcher(f.target().strip()).find()
                && !(CLOUD_CLI_READ.matcher(f.target().strip()).find() && f.detail() != null
                        && CLOUD_CLI_OWN_REFUSAL.matcher(f.detail().strip()).find());
    }

    /**
     * A host's pull of an image through a container engine's CLI ("docker pull ghcr.io/x", "docker compose pull web",
     * "podman pull x", "docker image pull x", "sudo -E docker pull x"; review 46): the deployment's own pull, whose refusal is the registry's answer to the credential the engine
     * sent, not a look the host was refused.
     */
    private static final java.util.regex.Pattern CONTAINER_PULL_CALL = java.util.regex.Pattern.compile(
            "^(sudo(\\s+-[A-Za-z]+)*\\s+)?(docker|podman|nerdctl)(\\s+compose|-compose)?(\\s+-{1,2}[\\w-]+(=\\S+|\\s+[^\\s-]\\S*)?)*"
                    + "\\s+(image\\s+)?pull(\\s|$)");

    /**
     * True when a host's pull of an image through a container engine's CLI ({@link #CONTAINER_PULL_CALL}) came back refused
     * (kind FORBIDDEN or UNAUTHORIZED, no status of its own) and is read all the same, by specific indications only, as a
     * cloud CLI's refused call is ({@link #cloudCliRefused}): the daemon's "Error response from daemon: error from
     * registry: denied" (h158-44) is the registry refusing the deployment's pull.
     */
    static boolean containerPullRefused(Observation.ProbeFailure f) {
        return f.source() == io.sophia.core.Source.HOST && f.httpStatus() == null
                && (f.kind() == io.sophia.core.FailureKind.FORBIDDEN || f.kind() == io.sophia.core.FailureKind.UNAUTHORIZED)
                && f.target() != null && CONTAINER_PULL_CALL.matcher(f.target().strip()).find();
    }

    private static String probeDetailCause(Observation.ProbeFailure f, java.util.function.Function<String, String> lineCause,
                                           java.util.function.Function<String, String> answerCause,
                                           Set<String> downNames, String svc) {
        // ... and an API the host called that answered with an error status: its error text is the platform's words
        // (p90-05: GCE's "The zone '...' does not have enough resources available to fulfill the request", 503)
        boolean answeredByPlatform = f.source() == io.sophia.core.Source.HOST && f.httpStatus() != null
                && f.httpStatus() >= 400;
        boolean failureOnRecord = failureOnRecord(f);
        // ... and the output of the cluster's or the scheduler's own CLI, whatever source filed it (p161-: "kubectl argo
        // rollouts get rollout x", "nomad alloc status x": the pods' and the allocations' events in the platform's words);
        // not a call the API refused (401, 403, 404: the caller's trouble, p65-13), only one that showed objects' state
        // (h135-: a look filed with the kind of the failure its objects show, "kubectl describe pod x" of kind FORBIDDEN for
        // a kubelet's "Failed to pull image ...: 403 Forbidden", "kubectl get deploy x" of kind FORBIDDEN for a quota's
        // "pods ... is forbidden: exceeded quota", "kubectl logs x" of kind MISCONFIGURED: the objects' words all the same,
        // unless the look's detail is the CLI's own refusal of it; read by specific indications only, as an answer is:
        // a general shape of a refusal in a runner's log, "Registration was not found. (invalid_client)", is not the
        // kind's cause, p65-13)
        boolean cliTarget = f.target() != null && PLATFORM_CLI_LOOK.matcher(f.target().strip()).find();
        boolean cliLookOfAFailure = cliTarget && !CLI_LOOK_KINDS.contains(f.kind()) && f.detail() != null
                && !cliRefusedTheLook(f.detail());
        boolean platformCliLook = cliLookOfAFailure || cliTarget && CLI_LOOK_KINDS.contains(f.kind());
        boolean cloudCliRefused = cloudCliRefused(f) || containerPullRefused(f);
        // ... and a service's own answer with a server error status whose detail carries more than the probe's own
        // "answered 502, expected ..." (the platform's log excerpt shown with it: Render's "Port scan timeout reached",
        // Node's "Error [ERR_REQUIRE_ESM]", NextAuth's "[NO_SECRET]"; p168-20, p168-21, p168-24): the app's words for
        // why it does not answer, as the same line in its log; by specific indications only, as an answer's body is read
        // (Railway's "Application failed to respond" says no more than the status: h16-32, p88-10)
        boolean serverErrorExplained = f.source() == io.sophia.core.Source.HTTP
                && f.kind() == io.sophia.core.FailureKind.UNEXPECTED_STATUS && f.httpStatus() != null
                && f.httpStatus() >= 500;
        // ... and GitHub's answer to a look at a workflow run it refused to start (422 with its parser's words, "Invalid
        // workflow file: ... workflow is not reusable as it is missing a `on.workflow_call` trigger", h138-16; "error
        // parsing called workflow ...: error in fetching the workflow file", h138-23): the run's own record, as the
        // annotation GitHub puts on such a run (h118-30) is
        boolean runRefusedByGithub = f.source() == io.sophia.core.Source.GITHUB && f.httpStatus() != null
                && f.httpStatus() == 422 && f.target() != null && GITHUB_RUN_TARGET.matcher(f.target().strip()).find();
        if ((f.kind() != io.sophia.core.FailureKind.OTHER || !LOOK_SOURCES.contains(f.source())) && !answeredByPlatform
                && !platformCliLook && !failureOnRecord && !serverErrorExplained && !runRefusedByGithub && !cloudCliRefused
                || f.detail() == null || OWN_FAILURE.matcher(f.detail().strip()).find()) {
            return "";
        }
        // an answer's detail is read as far as an answer's body is (ANSWER_READ_CHARS), a look's as a log line
        return carriedTextCause(serverErrorExplained ? Words.clip(f.detail(), ANSWER_READ_CHARS) : f.detail(),
                serverErrorExplained || cloudCliRefused
                        || cliLookOfAFailure && !answeredByPlatform && !failureOnRecord ? answerCause
                        : lineCause, downNames, svc);
    }

    /**
     * The cause a text a probe or a check carries reads as ({@link #detailCause}), or "": a name that does not resolve
     * because the service it names is down is that service's consequence, as in a log (network.dns/lookup-of-down-service;
     * h20-30).
     */
    private static String carriedTextCause(String text, java.util.function.Function<String, String> lineCause,
                                           Set<String> downNames, String svc) {
        String cause = detailCause(text, lineCause);
        return CauseId.NETWORK_DNS.value().equals(cause) && namesHost(text, downNames, svc) ? "" : cause;
    }

    /**
     * The cause a specific log indication reads one line of text carried outside a log as (a machine event's detail, an
     * app's own exit message such as "No database connection string was provided"; a log-less job's annotation), or ""
     * when none does: the words are the same whether a log or the platform's record carries them.
     */
    private static String detailCause(String detail, java.util.function.Function<String, String> lineCause) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        String cause = lineCause.apply(Words.clip(detail, 4000));
        return cause == null ? "" : cause;
    }

    /**
     * True when a health check's output says a name did not resolve ("lookup stock-svc.internal on [fdaa::3]:53: server
     * misbehaving"): the check failed on a name, not on the app. A resolver's words (Go, glibc, musl, Node, Java,
     * Python, Erlang, libpq) are those of the log indications of {@code network.dns}: one list, read for a log line
     * and for a check's output alike.
     */
    static boolean namesDnsFailure(String output, List<Knowledge.CompiledIndication> indications) {
        if (output == null) {
            return false;
        }
        return anyReads(head(output), indications, i -> i.causeId().equals(CauseId.NETWORK_DNS.value()));
    }

    /**
     * The class of the HTTP status a health check's output quotes ("5xx" for "503 Service Unavailable"), or "none" when
     * it quotes none (a refused connection, a timeout): a check that got an answer reached the app.
     */
    static String answered(String output) {
        if (output == null) {
            return "none";
        }
        java.util.regex.Matcher m = STATUS_ANSWER.matcher(head(output));
        return m.find() ? m.group(1) + "xx" : "none";
    }

    /** The job's own loopback, as a line or a service's URL names it. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "0.0.0.0", "[::1]");

    /**
     * A URL a package manager fetches: one on another host (npm through a proxy on the loopback, "request to
     * https://registry.npmjs.org/react-dom failed, reason: connect ECONNREFUSED 127.0.0.1:8080", nodejs/help#2569) or a
     * package archive's path on the loopback (a local registry's tarball, "request to
     * http://localhost:4873/proxy-addr/-/proxy-addr-2.0.5.tgz failed", nodejs/help#1887).
     */
    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile(
            "(?i)\\bhttps?://([a-z0-9.-]+)(\\S*)");
    private static final java.util.regex.Pattern PACKAGE_PATH = java.util.regex.Pattern.compile(
            "(?i)/-/|\\.(tgz|tar\\.gz|jar|pom|whl|gem|crate|mod)\\b");

    /**
     * True when {@code line} names one of the deployment's own endpoints ({@code hosts}), or the job's loopback
     * without fetching a package through it: a smoke check curling "localhost port 1349" after a compose up (h13-44)
     * checks what the job started, as a check of one of the deployment's endpoints does; a package manager's request
     * through a proxy or a registry on the loopback is still a download.
     */
    static boolean namesService(String line, Set<String> hosts) {
        return namesHost(line, hosts) || namesHost(line, LOOPBACK) && !fetchesPackage(line);
    }

    private static boolean fetchesPackage(String line) {
        java.util.regex.Matcher m = URL.matcher(line);
        while (m.find()) {
            if (!LOOPBACK.contains(m.group(1).toLowerCase(Locale.ROOT)) || PACKAGE_PATH.matcher(m.group(2)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The host names of the deployment's own endpoints (not loopback), lower case. */
    private static Set<String> serviceHosts(Deployment deployment) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Service s : deployment.services()) {
            String host = hostOf(s);
            if (host != null && host.length() >= 4 && !host.equalsIgnoreCase("localhost") && !host.startsWith("127.")) {
                out.add(host.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    // the address a network probe's failure names as the one it reached: Go's "dial tcp 3.249.12.80:80: connect:
    // connection refused", curl's "Failed to connect to 3.249.12.80 port 80"
    private static final java.util.regex.Pattern PROBED_ADDRESS = java.util.regex.Pattern.compile(
            "\\b(?:dial tcp |connect to )((?:\\d{1,3}\\.){3}\\d{1,3})\\b");

    /** True for a loopback address, IPv4 (127.0.0.0/8) or IPv6 ({@code ::1}). */
    private static boolean loopbackAddress(String address) {
        return address.startsWith("127.") || address.equals("::1");
    }

    /**
     * The addresses at which the deployment's own services were reached, as their probes saw them (a name's resolved
     * addresses, the address a refused or timed-out connect names): a job's line naming one names that service's endpoint
     * (h88-26: a health loop's "curl: (7) Failed to connect to 3.249.12.80 port 80 ... Connection refused" while the
     * service's probe says "dial tcp 3.249.12.80:80: connect: connection refused"), not a download. Loopback addresses
     * are left out.
     */
    private static Set<String> serviceAddresses(List<Observation> observations, Map<String, Service> services) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Observation o : observations) {
            if (o instanceof Observation.DnsResolution d && services.containsKey(d.serviceId()) && d.addresses() != null) {
                for (String a : d.addresses()) {
                    if (a != null && !loopbackAddress(a) && a.length() >= 7) {
                        out.add(a.toLowerCase(Locale.ROOT));
                    }
                }
            } else if (o instanceof Observation.ProbeFailure f && services.containsKey(f.serviceId()) && f.detail() != null
                    && (f.source() == io.sophia.core.Source.HTTP || f.source() == io.sophia.core.Source.TCP)) {
                java.util.regex.Matcher m = PROBED_ADDRESS.matcher(f.detail());
                while (m.find()) {
                    if (!loopbackAddress(m.group(1))) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** {@return the host of a service's URL as java.net.URI reads it, or null (no service, no URL, no host)} */
    private static String hostOf(Service s) {
        if (s == null || s.url() == null) {
            return null;
        }
        if (s.url().getHost() != null) {
            return s.url().getHost();
        }
        // Issue 9, session 44 (r44-left, p197-31): a name with an underscore, as a compose stack names its containers
        // ("tcp://photos_redis:6379"), is no host to java.net.URI (a registry authority): its authority without user
        // and port is the name the stack's own DNS answers, and the one its dependents' lines name
        String authority = s.url().getRawAuthority();
        if (authority == null) {
            return null;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d*$", "");
        return UNDERSCORED_NAME.matcher(host).matches() ? host : null;
    }

    /** A host name of letters, digits, hyphens, dots and underscores: what Docker's embedded DNS answers. */
    private static final java.util.regex.Pattern UNDERSCORED_NAME = java.util.regex.Pattern.compile(
            "[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /**
     * A platform's private name: Fly's 6PN ".internal" and ".flycast", and a Kubernetes service's cluster name
     * (".svc.cluster.local", h82-15: "Connection to claims-pg-primary.db.svc.cluster.local:5432 refused" from the app whose
     * Postgres primary is down).
     */
    private static final java.util.regex.Pattern PRIVATE_HOST = java.util.regex.Pattern.compile(
            "\\.(internal|flycast|svc\\.cluster\\.local)$");

    /**
     * A private IPv4 address (RFC 1918), at which a DOWN service may be declared as the network's own (p118-30: the
     * Actions storage of a GitHub Enterprise Server at tcp://10.0.0.8:9000, "connect ETIMEDOUT 10.0.0.8:9000" in the
     * job's log): a line naming it names that service, as a private host name does. Not the loopback (see loopbacks).
     */
    private static final java.util.regex.Pattern PRIVATE_ADDRESS = java.util.regex.Pattern.compile(
            "(10\\.\\d{1,3}|192\\.168|172\\.(1[6-9]|2\\d|3[01]))\\.\\d{1,3}\\.\\d{1,3}");

    /**
     * The loopback ports of the DOWN services others depend on, with the service declared there (p99-04: a Redis
     * declared at tcp://127.0.0.1:6379 on the app's own host, its unit inactive): a line that names that address and
     * port names the service, not a default the client fell back to for want of a setting. The port is part of the
     * address: a DOWN api declared at 127.0.0.1:8080 is not what "ECONNREFUSED 127.0.0.1:5432" names (the review of
     * session 21).
     */
    private static Map<Integer, String> declaredLoopbacks(Deployment deployment, Map<String, Service> services,
                                                          List<String> down) {
        Set<String> dependedOnIds = dependedOn(deployment);
        Map<Integer, String> out = new HashMap<>();
        for (String id : down) {
            Service s = services.get(id);
            String host = hostOf(s);
            int port = s == null || s.url() == null ? -1 : portOf(s.url());
            if (host != null && port > 0 && dependedOnIds.contains(id)
                    && LOOPBACK.contains(host.toLowerCase(Locale.ROOT))) {
                out.putIfAbsent(port, id);
            }
        }
        return out;
    }

    private static int portOf(java.net.URI url) {
        if (url.getPort() > 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : "http".equalsIgnoreCase(url.getScheme()) ? 80 : -1;
    }

    /**
     * The words of {@code line} that may name a host: without the container prefix Docker Compose prints before each
     * line of a service's log ("vault  | ", "vault-1  | ", after the runner's timestamp if any), which names the
     * container that printed the line, not a host the line speaks of, nor the paths of its URLs. Vault's "storage migration check error: ... dial tcp: lookup host.docker.internal on
     * 127.0.0.11:53: no such host" under "vault  | " (mjstealey/vault-consul-docker#5, p157-40) is Vault failing on
     * another name, not a lookup of Vault's own.
     */
    static String hostWords(String line) {
        if (line == null) {
            return null;
        }
        java.util.regex.Matcher m = CONTAINER_PREFIX.matcher(line);
        String rest = m.find() ? line.substring(m.end()) : line;
        // ... nor are the segments of a URL's path after its host ("http://host.docker.internal:9500/v1/kv/vault/core/
        // migration" names host.docker.internal, not a service "vault")
        return URL_PATH.matcher(rest).replaceAll("$1");
    }

    private static final java.util.regex.Pattern URL_PATH = java.util.regex.Pattern.compile(
            "(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s\"'\\\\]+)/[^\\s\"'\\\\]*");

    private static final java.util.regex.Pattern CONTAINER_PREFIX = java.util.regex.Pattern.compile(
            "^\\s*(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\s+)?[A-Za-z0-9][\\w.-]{0,62}\\s+\\|\\s");

    /**
     * True when {@code line} names a loopback address at the port of a DOWN service declared there ({@link
     * #declaredLoopbacks}) other than {@code except}, the line's own service: "127.0.0.1:6379", "localhost port 6379",
     * libpq's "at \"127.0.0.1\", port 5432" and, for a host given by name, "at \"localhost\" (127.0.0.1), port 5432".
     */
    static boolean namesDeclaredLoopback(String line, Map<Integer, String> loopbacks, String except) {
        if (line == null || loopbacks.isEmpty()) {
            return false;
        }
        java.util.regex.Matcher m = LOOPBACK_PORT.matcher(line);
        while (m.find()) {
            String id = loopbacks.get(Integer.parseInt(m.group(1)));
            if (id != null && !id.equals(except)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern LOOPBACK_PORT = java.util.regex.Pattern.compile(
            "(?i)(?<![\\w.])(?:127\\.0\\.0\\.1|localhost|\\[::1]|::1)[\")]?(?::|,? port )(\\d{1,5})\\b");

    /** The ids of the services another service of the deployment depends on. */
    private static Set<String> dependedOn(Deployment deployment) {
        Set<String> out = new java.util.HashSet<>();
        deployment.services().forEach(s -> out.addAll(s.dependsOn()));
        return out;
    }


    /** True when {@code name} is a private host of {@code hosts} under a prefix ("top2.nearest.of.db.internal"). */
    private static String privateSuffixIn(String name, Set<String> hosts) {
        if (!PRIVATE_HOST.matcher(name).find()) {
            return null;
        }
        for (int dot = name.indexOf('.'); dot >= 0 && dot < name.length() - 1; dot = name.indexOf('.', dot + 1)) {
            if (hosts.contains(name.substring(dot + 1))) {
                return name.substring(dot + 1);
            }
        }
        return null;
    }

    /**
     * True when {@code line} names one of {@code hosts} as a whole host name (not inside a longer one): a connection
     * failure to the deployment's own endpoint (a smoke check after the deploy) is the service being unreachable, not
     * a download of something the build needs.
     */
    static boolean namesHost(String line, Set<String> hosts) {
        return namesHost(line, hosts, null);
    }

    /**
     * {@link #namesHost(String, Set)}, not counting {@code except} (a service's own id in its own log is the prefix its
     * platform or its logger prints, "api: lookup api.stripe.com: no such host", not a name it looked up).
     */
    static boolean namesHost(String line, Set<String> hosts, String except) {
        return scanHosts(line, hosts, except, null);
    }

    /**
     * The members of {@code hosts} that {@code line} names as whole host names, as {@link #namesHost(String, Set)}
     * reads them, in one pass over the line.
     */
    static Set<String> hostsNamed(String line, Set<String> hosts) {
        Set<String> named = new java.util.HashSet<>();
        scanHosts(line, hosts, null, named);
        return named;
    }

    /**
     * One pass over {@code line}: with no {@code named} set, true at the first host of {@code hosts} it names (but
     * {@code except}); with one, every host it names is added to it (and the answer is whether any was).
     */
    private static boolean scanHosts(String line, Set<String> hosts, String except, Set<String> named) {
        if (line == null || hosts.isEmpty()) {
            return false;
        }
        boolean any = false;
        // each run of host characters is looked up once (a trailing dot ends a sentence or a fully qualified name):
        // one pass over the line, not one search per host, which at 5,000 services cost billions of comparisons
        String l = line.toLowerCase(Locale.ROOT);
        int n = l.length();
        for (int i = 0; i < n; ) {
            if (!hostChar(l.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && hostChar(l.charAt(end))) {
                end++;
            }
            String run = l.substring(i, end);
            String name = run.endsWith(".") ? run.substring(0, run.length() - 1) : run;
            String host = hosts.contains(run) ? run : hosts.contains(name) ? name : privateSuffixIn(name, hosts);
            if (host != null && !name.equalsIgnoreCase(except) && !run.equalsIgnoreCase(except)) {
                if (named == null) {
                    return true;
                }
                named.add(host);
                any = true;
            }
            i = end;
        }
        return any;
    }

    /** Domains under which a platform names the host after the app (the first label is the app's name). */
    private static final List<String> PLATFORM_APP_DOMAINS = List.of(".fly.dev", ".herokuapp.com", ".onrender.com",
            ".up.railway.app", ".vercel.app", ".netlify.app", ".azurewebsites.net", ".appspot.com");

    /** An AWS Lambda REPORT line's configured memory and the most the invocation used, in MB. */
    private static final java.util.regex.Pattern LAMBDA_MEMORY = java.util.regex.Pattern.compile(
            "\\bMemory Size: (\\d{1,6}) MB\\s+Max Memory Used: (\\d{1,6}) MB\\b");

    /**
     * True when {@code line} is an AWS Lambda REPORT line whose "Max Memory Used" reached its "Memory Size" ("Memory
     * Size: 128 MB ... Max Memory Used: 129 MB", Lambda's own accounting of an invocation that ran out of memory): the
     * function used all the memory it was given, which a regular expression cannot compare.
     */
    static boolean memoryAtLimit(String line) {
        // every log fact asks: most lines are not a REPORT, and a substring test is cheaper than the expression
        if (line == null || !line.contains("Max Memory Used: ")) {
            return false;
        }
        // at most six digits each (Lambda's sizes go to 10,240 MB): a longer number is no REPORT's and cannot overflow
        java.util.regex.Matcher m = LAMBDA_MEMORY.matcher(line);
        return m.find() && Integer.parseInt(m.group(2)) >= Integer.parseInt(m.group(1));
    }

    /**
     * False only when {@code service} answers at a platform's app host ("invoicer-prod" of https://invoicer-prod.fly.dev)
     * and {@code line} names a near miss of that app's name (one or two letters off, "invoicer-prd") but not the name
     * itself: a deploy told "the app name invoicer-prd could not be found" misspelled the app, it is not a token that
     * cannot see the app that answers. Anything else (the name itself, an unrelated name, a custom domain) cannot be
     * told from the service's own app, so it counts as its own.
     */
    static boolean namesOwnApp(String line, Service service) {
        String serviceHost = hostOf(service);
        if (line == null || serviceHost == null) {
            return true;
        }
        String host = serviceHost.toLowerCase(Locale.ROOT);
        if (PLATFORM_APP_DOMAINS.stream().noneMatch(host::endsWith)) {
            return true;
        }
        String label = host.substring(0, host.indexOf('.'));
        String l = line.toLowerCase(Locale.ROOT);
        boolean nearMiss = false;
        for (int i = 0, n = l.length(); i < n; ) {
            if (!hostChar(l.charAt(i)) || l.charAt(i) == '.') {
                i++;
                continue;
            }
            int end = i;
            while (end < n && hostChar(l.charAt(end)) && l.charAt(end) != '.') {
                end++;
            }
            String word = l.substring(i, end);
            if (word.equals(label)) {
                return true;
            }
            nearMiss |= label.length() >= 5 && Math.abs(word.length() - label.length()) <= 2
                    && NEAR_MISS.apply(word, label) >= 0;
            i = end;
        }
        return !nearMiss;
    }

    // bounded at 2: a distance above it is -1, and the comparison stops early on long labels
    private static final org.apache.commons.text.similarity.LevenshteinDistance NEAR_MISS =
            new org.apache.commons.text.similarity.LevenshteinDistance(2);

    private static boolean hostChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_';
    }

    /** Common cause: failed jobs that failed at the same step. */
    private static void commonSteps(List<Observation.CiJob> jobs, Map<Long, Observation.LogFinding> topByJob,
                                    Map<String, Integer> serviceOrder, List<Fact> out) {
        Map<String, List<Observation.CiJob>> byStep = new TreeMap<>();
        for (Observation.CiJob j : jobs) {
            Observation.CiStep st = j.failedStep();
            if (st != null && st.name() != null && j.name() != null && "failure".equals(j.conclusion())) {
                byStep.computeIfAbsent(st.name(), k -> new ArrayList<>()).add(j);
            }
        }
        for (Map.Entry<String, List<Observation.CiJob>> e : byStep.entrySet()) {
            if (e.getValue().size() >= 2) {
                List<Observation.CiJob> stepJobs = e.getValue().stream().sorted(Comparator.comparing(Observation.CiJob::name))
                        .toList();
                List<String> names = stepJobs.stream().map(Observation.CiJob::name).toList();
                String same = sameError(stepJobs, topByJob);
                Map<String, String> v = vars(null, "step", e.getKey(), "jobCount", String.valueOf(names.size()));
                v.put("jobs", Words.list(names));
                List<String> lines = stepJobs.stream().map(j -> topByJob.get(j.jobId()))
                        .map(f -> f == null ? null : f.line()).toList();
                v.put("errors", distinctErrors(lines, names));
                out.add(new Fact("commonStep", null, "step " + e.getKey(), false,
                        attrs("step", e.getKey(), "sameError", same), v, key(serviceOrder, null, e.getKey(), "", 0, 0)));
            }
        }
    }

    /** Fail-fast: a cancellation that follows a failure is a consequence, not a cause. */
    private static void cancelledAfterFailure(List<Observation.CiJob> jobs, Map<String, Service> services,
                                              Map<String, Integer> serviceOrder, List<Fact> out) {
        List<Observation.CiJob> failedJobs = jobs.stream().filter(j -> "failure".equals(j.conclusion()))
                .sorted(Comparator.comparing(j -> j.completedAt() == null ? java.time.Instant.MAX : j.completedAt())).toList();
        if (!failedJobs.isEmpty()) {
            for (Observation.CiJob j : jobs) {
                if ("cancelled".equals(j.conclusion())) {
                    Observation.CiJob first = failedJobs.get(0);
                    if (j.completedAt() == null || first.completedAt() == null || !first.completedAt().isAfter(j.completedAt())) {
                        String svc = known(services, j.serviceId());
                        out.add(new Fact("cancelledAfterFailure", svc, j.name(), false, attrs("job", j.name()),
                                vars(svc, "job", j.name(), "failedJob", first.name()),
                                key(serviceOrder, svc, j.name(), "", j.jobId(), 0)));
                    }
                }
            }
        }
    }

    /**
     * What every service's facts ask of the whole fleet, computed once (not by a scan of the DOWN services per
     * service): the DOWN ones, those the CI deploys, those whose machine started, each one's deploy conclusion, those
     * a job of which that deploys ({@link #deploys}) did not succeed.
     */
    private record Fleet(List<String> down, Set<String> deployedByCi, Set<String> started, Set<String> withMachines,
                         Map<String, String> jobConclusion, Set<String> deployFailed, String downServices,
                         boolean downDeployedByCi,
                         Set<io.sophia.core.ServiceKind> downKinds) {

        static Fleet of(Map<String, Service> services, Map<String, ServiceHealth> health, CiIndex ci, List<Fact> out) {
            List<Observation.CiJob> jobs = ci.jobs();
            List<String> down = health.values().stream().filter(h -> h.status() == Status.DOWN).map(ServiceHealth::id).toList();
            Set<String> deployedByCi = new java.util.HashSet<>();
            for (Observation.CiJob j : jobs) {
                if (j.serviceId() != null) {
                    deployedByCi.add(j.serviceId());
                }
            }
            Set<String> started = new java.util.HashSet<>();
            Set<String> withMachines = new java.util.HashSet<>();
            for (Fact f : out) {
                if (f.type().equals("machine") && f.serviceId() != null) {
                    withMachines.add(f.serviceId());
                    if ("started".equalsIgnoreCase(f.attrs().get("state"))) {
                        started.add(f.serviceId());
                    }
                }
            }
            Map<String, String> jobConclusion = new HashMap<>();
            for (Observation.CiJob j : jobs) {
                if (j.serviceId() != null) {
                    jobConclusion.merge(j.serviceId(), String.valueOf(j.conclusion()),
                            (a, b) -> "success".equals(a) && "success".equals(b) ? "success" : "failure");
                }
            }
            // asked of every service below, the same for all of them: computed once, not by a scan of down per service
            String downServices = Words.list(down);
            boolean downDeployedByCi = down.stream().anyMatch(deployedByCi::contains);
            Set<io.sophia.core.ServiceKind> downKinds = new java.util.HashSet<>();
            for (String d : down) {
                downKinds.add(services.get(d).kind());
            }
            return new Fleet(down, deployedByCi, started, withMachines, jobConclusion, ci.deployNotSucceeded(), downServices,
                    downDeployedByCi, downKinds);
        }
    }

    /**
     * The services whose own job's log ends on an error of a named cause: its top finding, or, when that is a line of
     * no cause (an annotation that the service stopped answering, the runner's exit code), the best finding of a named
     * cause it wraps (h22-41: "Java heap space" under "data service has not answered a health check for 28 minutes"),
     * never a failing health check (that only says again that the service is down).
     */
    private static Set<String> ownErrors(List<Observation.CiJob> jobs, Map<Long, Observation.LogFinding> topByJob,
                                         Map<Long, Observation.LogFinding> namedByJob) {
        Set<String> ownError = new java.util.HashSet<>();
        for (Observation.CiJob j : jobs) {
            Observation.LogFinding top = endingFinding(j, topByJob, namedByJob);
            if (j.serviceId() != null && top != null && top.causeId() != null
                    && clamp(top.score()) >= Inference.INNER_SCORE && !top.causeId().equals(CauseId.UNKNOWN)
                    && !top.causeId().equals(CauseId.DEPENDENCY_DOWN)) {
                ownError.add(j.serviceId());
            }
        }
        return ownError;
    }

    /**
     * The finding a job's log ends on: its top finding, or, when that is a line of no cause (an annotation that the
     * service stopped answering, the runner's exit code), the best finding of a named cause it wraps; null without one.
     */
    private static Observation.LogFinding endingFinding(Observation.CiJob j, Map<Long, Observation.LogFinding> topByJob,
                                                        Map<Long, Observation.LogFinding> namedByJob) {
        Observation.LogFinding top = topByJob.get(j.jobId());
        return top != null && (top.causeId() == null || top.causeId().equals(CauseId.UNKNOWN))
                ? namedByJob.get(j.jobId()) : top;
    }

    /**
     * GitHub's annotations that say a cancelled job did not wait for a runner, whether its steps are listed or not: a
     * newer run of its concurrency group replaced it ("Canceling since a higher priority waiting request for
     * 'deploy-main' exists": pending in the group, it waited for the group), or it ran on one until its time limit ("The
     * job running on runner GitHub Actions 12 has exceeded the maximum execution time of 30 minutes.").
     */
    private static final java.util.regex.Pattern SUPERSEDED_IN_GROUP = java.util.regex.Pattern.compile(
            "(?i)\\bcancel+ing since a higher priority waiting request\\b|\\bthe job running on runner\\b");

    private static final Set<CauseId> PLATFORM_STOPS = Set.of(CauseId.PLATFORM_QUOTA, CauseId.PLATFORM_CAPACITY,
            CauseId.PLATFORM_OUTAGE);

    /**
     * True when a job's log, whichever service it is of, ends on the platform stopping or refusing the services (an
     * account suspended for billing, no capacity to place them, the provider down): that is the root of every chain
     * of down services, not a dependency being down (h38-16: Render suspending three free services; h39-14: Hetzner
     * unable to place the node the site runs on).
     */
    private static boolean platformStopped(List<Observation.CiJob> jobs, Map<Long, Observation.LogFinding> topByJob,
                                           Map<Long, Observation.LogFinding> namedByJob,
                                           Map<String, ServiceHealth> health) {
        for (Observation.CiJob j : jobs) {
            // a job that succeeded was stopped by nothing (a 503 its SDK retried past), and a platform that still
            // serves the job's own service did not stop the services (a job of an UP service hitting an API's request
            // budget): neither roots the chain of the down ones
            ServiceHealth own = j.serviceId() == null ? null : health.get(j.serviceId());
            if ("success".equals(j.conclusion()) || "skipped".equals(j.conclusion())
                    || own != null && own.status() == Status.UP) {
                continue;
            }
            Observation.LogFinding top = endingFinding(j, topByJob, namedByJob);
            if (top != null && top.causeId() != null && PLATFORM_STOPS.contains(top.causeId())
                    && clamp(top.score()) >= Inference.INNER_SCORE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The services whose own failing answer says a datastore behind them refuses the work (bodyCause dependency.down:
     * "remaining connection slots are reserved"): their dependency answering is that refusal. With a log line in which
     * a datastore refuses the work ("MISCONF Redis is configured to save RDB snapshots", p99-02, p99-03: Redis answers
     * at its port and refuses every write), every service: a dependency that answers may be the one refusing, so no
     * service of the run is "down although every dependency answers".
     */
    private static Set<String> datastoreRefusesFor(Deployment deployment, List<Fact> facts) {
        Set<String> out = new java.util.HashSet<>();
        for (Fact f : facts) {
            if (f.type().equals("http") && CauseId.DEPENDENCY_DOWN.value().equals(f.attrs().get("bodyCause"))) {
                out.add(f.serviceId());
            } else if (f.type().equals("log") && f.attrs().get("indication") != null
                    && DATASTORE_REFUSING_WORK.contains(f.attrs().get("indication"))) {
                deployment.services().forEach(s -> out.add(s.id()));
                return out;
            }
        }
        return out;
    }

    /** A health endpoint's path: "/health", "/healthz", "/actuator/health", "/readyz", "/api/health/ready" ... */
    private static final java.util.regex.Pattern HEALTH_PATH = java.util.regex.Pattern.compile(
            "(?i)(^|/)(_?health(z|check)?|readyz?|livez?|readiness|liveness)(/[\\w.-]*)?/?$");

    /**
     * A health report naming a part of the app down, in the shapes of the health libraries: Spring Boot Actuator's
     * {"status":"DOWN","components":{"redis":{"status":"DOWN"}}} and NestJS Terminus's {"status":"error",...,"error":
     * {"redis":{"status":"down"}}}: a component's own status object inside the report.
     */
    private static final java.util.regex.Pattern COMPONENT_DOWN = java.util.regex.Pattern.compile(
            "\"[\\w.-]+\"\\s*:\\s*\\{\\s*\"status\"\\s*:\\s*\"(?i:down|out_of_service|error|unhealthy)\"");

    /** True when one of the service's own rejected HTTP answers is a health report naming a component down. */
    private static boolean reportsComponentDown(Service s, List<Observation> own) {
        for (Observation o : own) {
            if (o instanceof Observation.HttpCheck h && !s.expect().accepts(h.statusCode()) && h.bodyExcerpt() != null
                    && COMPONENT_DOWN.matcher(h.bodyExcerpt()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the service's URL is a health endpoint and another service at the same host and port answers (UP): the
     * app serves its work while its own health report fails (h78-31: an MCP handshake with the gateway while its /health
     * answers 503 for an optional Redis; h80-22: /v1/models 200 beside /actuator/health 503 for an unused Redis
     * indicator).
     */
    private static boolean healthEndpointOnly(Service s, Deployment deployment, Map<String, ServiceHealth> health) {
        if (s.url() == null || s.url().getHost() == null || s.url().getPath() == null
                || !HEALTH_PATH.matcher(s.url().getPath()).find()) {
            return false;
        }
        for (Service o : deployment.services()) {
            if (o != s && o.url() != null && s.url().getHost().equalsIgnoreCase(o.url().getHost())
                    && s.url().getPort() == o.url().getPort() && (o.url().getPath() == null
                    || !HEALTH_PATH.matcher(o.url().getPath()).find())
                    && health.get(o.id()) != null && health.get(o.id()).status() == Status.UP) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a service that answers depends, directly or further down, on a DOWN service: a pooler or proxy that
     * accepts connections in front of a database that is down (p154-10: RDS Proxy answering at its port while the
     * Aurora writer behind it times out) does not make its dependents' dependencies "all up". Walks what
     * {@code origin}'s dependencies depend on, further down; {@code origin} itself and the services on one dependsOn
     * cycle with it are not "behind" its dependencies (as {@link Topology}'s chains leave cycles out: api DOWN and
     * cache UP depending on each other is no DOWN service behind cache). Iterative: a long chain must not overflow
     * the stack (review33b).
     */
    static boolean downBehind(String origin, Map<String, Service> services, Map<String, ServiceHealth> health,
                              Topology topology) {
        Service o = services.get(origin);
        if (o == null) {
            return false;
        }
        Set<String> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
        seen.add(origin);
        for (String d : o.dependsOn()) {
            if (seen.add(d)) {
                todo.add(d);
            }
        }
        int direct = todo.size();
        while (!todo.isEmpty()) {
            String id = todo.poll();
            // the direct dependencies' own status is dependenciesUp's first test; what lies behind them is this one's
            if (direct-- <= 0) {
                if (isDown(health, id) && !topology.sameCycle(origin, id)) {
                    return true;
                }
            }
            Service s = services.get(id);
            for (String d : s == null ? List.<String>of() : s.dependsOn()) {
                if (seen.add(d)) {
                    todo.add(d);
                }
            }
        }
        return false;
    }

    /** One "service" fact per service: its status and how it stands among the others. */
    private static void serviceFacts(Deployment deployment, Map<String, Service> services,
                                     Map<String, List<Observation>> byService, Map<String, ServiceHealth> health,
                                     CiIndex ci, Set<String> deployFailedOnName,
                                     Map<String, Integer> serviceOrder, List<Fact> out) {
        Observation.CiRun run = ci.run();
        Fleet fleet = Fleet.of(services, health, ci, out);
        Set<String> answersDependencyRefuses = datastoreRefusesFor(deployment, out);
        List<String> down = fleet.down();
        Set<String> dependedOn = dependedOn(deployment);
        Map<String, String> jobConclusion = fleet.jobConclusion();
        Topology topology = Topology.of(deployment);
        for (Service s : deployment.services()) {
            ServiceHealth h = health.get(s.id());
            // deployed successfully: its own deploy job succeeded, or, without per-service jobs, the run did
            boolean deployOk = jobConclusion.containsKey(s.id()) ? "success".equals(jobConclusion.get(s.id()))
                    : jobConclusion.isEmpty() && run != null && "success".equals(run.conclusion());
            boolean othersDown = othersDown(down, s.id());
            boolean started = fleet.started().contains(s.id());
            List<Observation> own = byService.getOrDefault(s.id(), List.of());
            // "the same setup": deployed by the same run as a failing service, or, without CI, the same kind of service
            // (an UP service is not among the down ones, so "another down service of its kind" is "a down one of its kind")
            boolean samePath = h.status() == Status.UP && othersDown && (fleet.deployedByCi().isEmpty()
                    ? fleet.downKinds().contains(s.kind())
                    : fleet.deployedByCi().contains(s.id()) && fleet.downDeployedByCi());
            Map<String, String> a = attrs("status", h.status().name(), "critical", String.valueOf(s.critical()), "kind",
                    s.kind().name().toLowerCase(Locale.ROOT), "healthyPeer", String.valueOf(h.status() == Status.UP && othersDown),
                    "sameDeployPath", String.valueOf(samePath), "id", s.id(), "machineStarted", String.valueOf(started),
                    "machinesStopped", String.valueOf(fleet.withMachines().contains(s.id()) && !started),
                    "deploySucceeded", String.valueOf(deployOk), "deployFailed",
                    String.valueOf(fleet.deployFailed().contains(s.id())), "deployFailedOnName",
                    String.valueOf(deployFailedOnName.contains(s.id())), "failureKind",
                    h.status() == Status.DOWN ? failureKind(s, own) : "",
                    "checksPassing", String.valueOf(checksPassing(own)),
                    "alsoAnswered", String.valueOf(h.status() != Status.UP && answered(s, own)),
                    "slowOnly", String.valueOf(h.status() == Status.DEGRADED && onlySlow(s, own)),
                    "nameFails", String.valueOf(nameFails(own)), "addressFails", String.valueOf(addressFails(own)),
                    "addressRefuses", String.valueOf(addressRefuses(own)), "nameMissing", String.valueOf(nameMissing(own)),
                    "nameResolvesForDnsProbe", String.valueOf(nameResolvesForDnsProbe(own)),
                    "staticHostServerError", String.valueOf(h.status() == Status.DOWN && staticHostServerError(s, own)),
                    "dependedOn", String.valueOf(dependedOn.contains(s.id())),
                    "datastore", String.valueOf(Datastores.isDatastore(s)),
                    "healthEndpointOnly", String.valueOf(h.status() == Status.DOWN
                            && "UNEXPECTED_STATUS".equals(failureKind(s, own)) && reportsComponentDown(s, own)
                            && healthEndpointOnly(s, deployment, health)),
                    "dependenciesUp",
                    String.valueOf(!s.dependsOn().isEmpty() && !answersDependencyRefuses.contains(s.id())
                            && s.dependsOn().stream().allMatch(d -> health.get(d) != null
                            && health.get(d).status() == Status.UP)
                            && !downBehind(s.id(), services, health, topology)));
            Map<String, String> v = vars(s.id(), "status", h.status().name(), "failure", h.failure() == null ? ""
                    : Words.clip(h.failure(), LINE_MAX), "down", String.valueOf(down.size()));
            v.put("downServices", fleet.downServices());
            out.add(new Fact("service", s.id(), s.id(), true, a, v, key(serviceOrder, s.id(), s.id(), "", 0, 0)));
        }
    }

    /**
     * The services whose name resolved to address sets with nothing in common and whose handshakes found both a
     * certificate for the host and one for another host: the name leads to two servers, and the wrong certificate is
     * served by the one it should not lead to (h32-26: registrar and Cloudflare nameservers both delegated, the stale
     * zone pointing at an old host). Round-robin answers share a certificate, so they do not count.
     */
    private static Set<String> splitNames(List<Observation> observations) {
        Map<String, List<Set<String>>> answers = new HashMap<>();
        Map<String, Set<Boolean>> matches = new HashMap<>();
        for (Observation o : observations) {
            if (o instanceof Observation.DnsResolution d && d.serviceId() != null && !d.addresses().isEmpty()) {
                answers.computeIfAbsent(d.serviceId(), k -> new ArrayList<>()).add(Set.copyOf(d.addresses()));
            } else if (o instanceof Observation.TlsHandshake t && t.serviceId() != null) {
                matches.computeIfAbsent(t.serviceId(), k -> new java.util.HashSet<>()).add(t.hostnameMatches());
            }
        }
        Set<String> split = new java.util.HashSet<>();
        answers.forEach((svc, sets) -> {
            boolean disjoint = false;
            for (int i = 0; i < sets.size() && !disjoint; i++) {
                for (int j = i + 1; j < sets.size() && !disjoint; j++) {
                    disjoint = java.util.Collections.disjoint(sets.get(i), sets.get(j));
                }
            }
            if (disjoint && matches.getOrDefault(svc, Set.of()).size() == 2) {
                split.add(svc);
            }
        });
        return split;
    }

    /**
     * The services and hosts ("service\nhost") one of whose handshakes found a certificate for that host, trusted and
     * not expired: a certificate for another host in another handshake of the same host is served beside a good one
     * (p116-26: Traefik's default certificate in one of three handshakes, its Let's Encrypt certificate for the host in
     * the other two, fosrl/pangolin#2910), so the host's certificate is there and which one a request gets is not told
     * by it. Another host of the same service does not count: an apex with its certificate says nothing of a www whose
     * certificate was never issued.
     */
    private static Set<String> servedOwnCertificate(List<Observation> observations) {
        Set<String> own = new java.util.HashSet<>();
        for (Observation o : observations) {
            if (o instanceof Observation.TlsHandshake t && t.serviceId() != null && t.hostnameMatches() && t.trusted()
                    && t.daysToExpiry() >= 0) {
                own.add(t.serviceId() + "\n" + t.host());
            }
        }
        return own;
    }

    /** Log indications whose line says a datastore answers and refuses the work (its connections, its writes). */
    private static final Set<String> DATASTORE_REFUSING_WORK = Set.of("datastore.refusing-work");

    /**
     * Causes a log line can name as a down service's own failure (killed for memory, crashed, refused by its platform,
     * misconfigured, its image missing); not a dependent's view of it (refused, its name not resolving, its certificate).
     */
    private static final Set<CauseId> OWN_FAILURES = Set.of(CauseId.APP_OOM, CauseId.APP_CRASH_ON_BOOT,
            CauseId.PLATFORM_QUOTA, CauseId.PLATFORM_CAPACITY, CauseId.CONFIG_INVALID, CauseId.CONFIG_MISSING_SECRET,
            CauseId.IMAGE_NOT_FOUND);

    /** True when a probe of the service's own found that its name does not resolve (or its lookup timed out). */
    private static boolean nameFails(List<Observation> observations) {
        return observations.stream().anyMatch(Facts::isNameFailure);
    }

    // the names of static-only hosts, which run no code of the site's (GitHub Pages, GitLab Pages), and the addresses
    // their custom domains are pointed at (GitHub's docs, "Managing a custom domain for your GitHub Pages site": A
    // 185.199.108.153 to 185.199.111.153, AAAA 2606:50c0:8000::153 to 2606:50c0:8003::153; GitLab Pages' 35.185.44.232;
    // the DNS probe writes an AAAA answer uncompressed, 2606:50c0:8000:0:0:0:0:153)
    private static final java.util.regex.Pattern STATIC_HOST_NAME = java.util.regex.Pattern.compile(
            "(?i)\\.(github\\.io|gitlab\\.io)$");
    private static final java.util.regex.Pattern STATIC_HOST_ADDRESS = java.util.regex.Pattern.compile(
            "^(185\\.199\\.(108|109|110|111)\\.153|(?i:2606:50c0:800[0-3](::|:0:0:0:0:)153)|35\\.185\\.44\\.232)$");

    /**
     * True when one of the service's own rejected answers is a 5xx and it is served by a static-only host: its URL's
     * host is one of the host's own names, or a DNS resolution of its own answered only the host's published addresses
     * (a custom domain of a GitHub Pages site, p170-13). A static site has no process of its own to fail.
     */
    private static boolean staticHostServerError(Service s, List<Observation> own) {
        boolean serverError = own.stream().anyMatch(o -> o instanceof Observation.HttpCheck h
                && !s.expect().accepts(h.statusCode()) && h.statusCode() >= 500 && h.statusCode() < 600);
        if (!serverError) {
            return false;
        }
        if (s.url() != null && s.url().getHost() != null && STATIC_HOST_NAME.matcher(s.url().getHost()).find()) {
            return true;
        }
        boolean resolved = false;
        for (Observation o : own) {
            if (o instanceof Observation.DnsResolution d && d.addresses() != null) {
                for (String a : d.addresses()) {
                    if (!STATIC_HOST_ADDRESS.matcher(a.strip()).find()) {
                        return false;
                    }
                    resolved = true;
                }
            }
        }
        return resolved;
    }

    /**
     * True when a DNS probe of the service's own resolved its name and none failed: a lookup failure seen only by
     * another client (an HTTP check's "getaddrinfo ENOTFOUND") is that client's resolver, not the records (p170-38: one
     * failed check of an uptime monitor between answers; h64-34's DNS probe itself was answered NXDOMAIN).
     */
    private static boolean nameResolvesForDnsProbe(List<Observation> observations) {
        boolean resolved = false;
        for (Observation o : observations) {
            if (o instanceof Observation.DnsResolution d && d.source() == io.sophia.core.Source.DNS) {
                resolved = true;
            } else if (o instanceof Observation.ProbeFailure f && f.source() == io.sophia.core.Source.DNS) {
                return false;
            }
        }
        return resolved;
    }

    /**
     * True when a probe of the service's own got no answer at all from its address (the connect timed out): nothing
     * there answers, not even to refuse.
     */
    private static boolean addressFails(List<Observation> observations) {
        return observations.stream().anyMatch(o -> o instanceof Observation.ProbeFailure f && ServiceStates.serviceSide(f)
                && f.kind() == FailureKind.CONNECT_TIMEOUT);
    }

    /**
     * True when a probe of the service's own reached its address and was refused: a host is there, nothing listens.
     * With its name failing too, the name came and went: service discovery (a headless Kubernetes service, Consul's
     * DNS) publishes a name only while its instance is ready, so both say the instance is down (h42-17).
     */
    private static boolean addressRefuses(List<Observation> observations) {
        return observations.stream().anyMatch(Facts::isRefusal);
    }

    /** A refused connect of the service's own whose detail does not say its name failed to resolve (p64-01). */
    private static boolean isRefusal(Observation o) {
        return o instanceof Observation.ProbeFailure f && ServiceStates.serviceSide(f)
                && f.kind() == FailureKind.CONNECTION_REFUSED
                && (f.detail() == null || !NAME_FAILED.matcher(f.detail()).find());
    }

    /**
     * True when a probe of the service's own was answered that its name does not exist (NXDOMAIN, "no such host"): what
     * service discovery answers for an instance it withdrew (h42-17). A resolver that timed out, failed (SERVFAIL) or
     * refused did not answer for the name at all: that is the resolver's failure, whatever the instance's state.
     */
    private static boolean nameMissing(List<Observation> observations) {
        return observations.stream().anyMatch(Facts::isNameMissing);
    }

    private static boolean isNameMissing(Observation o) {
        return o instanceof Observation.ProbeFailure f && ServiceStates.serviceSide(f)
                && f.kind() == FailureKind.DNS_FAILURE && (f.detail() == null || !RESOLVER_FAILED.matcher(f.detail()).find()
                || CONTAINER_NOT_RUNNING.matcher(f.detail()).find());
    }

    // Issue 9, session 23 (rules23f): a name failure seen with its container not running ("redis: Temporary failure in
    // name resolution (container mastodon-redis-1 Exited (1))", p114-15): Docker's embedded DNS answers a service's name
    // only while its container runs, so whatever the resolver said the name is withdrawn, not the resolver failing.
    // The state word stands alone, not inside a name ("shop-dead-letter-1", "unless-stopped": a hyphen is a \b). The
    // probe fact's containerNotRunning attribute is this reading, for the knowledge base's container-not-running rules
    private static final java.util.regex.Pattern CONTAINER_NOT_RUNNING = java.util.regex.Pattern.compile(
            "(?i)\\bcontainer\\b.{0,80}(?<![\\w-])(exited|restarting|not running|stopped|dead)(?![\\w-])"
                    + "|(?<![\\w-])(exited|restarting|not running|stopped)(?![\\w-]).{0,40}\\bcontainer\\b");

    // a look's words for a service that is not serving: its process ended, killed, crashing, unhealthy
    private static final java.util.regex.Pattern LOOK_SAYS_DOWN = java.util.regex.Pattern.compile(
            "(?i)\\b(exited|exit code|killed|oom|crash\\w*|unhealthy|fatal|panic|error|failed|restarting|back-?off)\\b");

    private static final java.util.regex.Pattern RESOLVER_FAILED = java.util.regex.Pattern.compile(
            "(?i)time[ds]? ?out|SERVFAIL|server failure|refused|EAI_AGAIN|temporary failure|no servers could be reached"
                    // Go's resolver words a SERVFAIL "server misbehaving" (p199-13: "lookup redis on 10.5.7.20:53:
                    // server misbehaving"): the resolver failed, the name was not answered as missing
                    + "|server misbehaving");

    private static final java.util.regex.Pattern NAME_FAILED = java.util.regex.Pattern.compile(
            "(?i)resolve|NXDOMAIN|no such host|not known|ENOTFOUND|EAI_AGAIN|name resolution");

    /**
     * True when a started machine whose own check fails now, not refused, had its last start an hour or more before
     * {@code now} with no event since: it ran that long, so its check did not fail from its start (a wrong port, a
     * bind address, a slow start fail the first check, h43-20: a machine that froze after six hours).
     */
    /**
     * True for a machine whose events are listed and none of them is a start, a restart or an exit: the platform
     * recorded it created and updated (a scheduled machine created stopped until its slot, superfly/flyctl#1760) but
     * never running, so no process of it ran, let alone crashed.
     */
    static boolean neverRan(Observation.PlatformMachine m) {
        List<Observation.MachineEvent> events = m.events() == null ? List.of() : m.events();
        return !events.isEmpty() && events.stream().noneMatch(ev -> ev != null && ev.type() != null
                && java.util.Set.of("start", "restart", "exit").contains(ev.type().toLowerCase(java.util.Locale.ROOT)));
    }

    static boolean startedLongAgo(Observation.PlatformMachine m, java.time.Instant now) {
        if (now == null || m.startedAt() == null || !"started".equalsIgnoreCase(m.state())) {
            return false;
        }
        // its own check fails now, and not by a refusal: a machine whose checks pass says nothing of another's, and a
        // port refused since a start hours ago is the wrong port or bind address still (Fly does not restart a machine
        // whose check fails, so it runs on)
        if (m.checks().stream().noneMatch(c -> "critical".equalsIgnoreCase(c.status()) && (c.output() == null
                || !REFUSED.matcher(c.output()).find()))) {
            return false;
        }
        for (Observation.MachineEvent e : m.events()) {
            if (e.timestamp() != null && e.timestamp().isAfter(m.startedAt())) {
                return false;
            }
        }
        return !m.startedAt().isAfter(now.minusSeconds(3600));
    }

    private static final java.util.regex.Pattern REFUSED = java.util.regex.Pattern.compile(
            "(?i)connection refused|ECONNREFUSED");

    private static boolean isNameFailure(Observation o) {
        return o instanceof Observation.ProbeFailure f && ServiceStates.serviceSide(f)
                && (f.kind() == FailureKind.DNS_FAILURE || f.kind() == FailureKind.DNS_TIMEOUT);
    }

    /**
     * True when the platform reports every machine of the service started with all its health checks passing (and at
     * least one check): seen from inside, the app is healthy, whatever its public endpoint answers.
     */
    static boolean checksPassing(List<Observation> observations) {
        int checks = 0;
        for (Observation o : observations) {
            if (o instanceof Observation.PlatformMachine m) {
                if (!"started".equalsIgnoreCase(m.state())) {
                    return false;
                }
                for (Observation.MachineCheck c : m.checks()) {
                    if (!"passing".equalsIgnoreCase(c.status())) {
                        return false;
                    }
                    checks++;
                }
            }
        }
        return checks > 0;
    }

    /**
     * Whether the failing jobs' top log findings name the same error: "true" when they share the
     * indication or the normalised line, "false" when they differ, "unknown" when a job has no finding.
     */
    static String sameError(List<Observation.CiJob> jobs, Map<Long, Observation.LogFinding> topByJob) {
        Set<String> indications = new java.util.HashSet<>();
        Set<String> lines = new java.util.HashSet<>();
        for (Observation.CiJob j : jobs) {
            Observation.LogFinding f = topByJob.get(j.jobId());
            if (f == null) {
                return "unknown";
            }
            indications.add(String.valueOf(f.indicationId()));
            lines.add(normalised(f.line()));
        }
        return String.valueOf(indications.size() == 1 || lines.size() == 1);
    }

    /** A log line without its volatile parts (timestamps, step markers, ids, numbers, "error:" prefixes). */
    static String normalised(String line) {
        String s = line == null ? "" : line.toLowerCase(Locale.ROOT).trim();
        s = s.replaceAll("^\\d{4}-\\d\\d-\\d\\dt[0-9:.]+z?\\s*", "");
        String prev;
        do {
            prev = s;
            s = s.replaceFirst("^(##\\[error\\]|#\\d+\\s+[0-9.]*|error:|fatal:)\\s*", "");
        } while (!s.equals(prev));
        s = s.replaceAll("[0-9a-f]{7,}(-[0-9a-f]{4,})*", "#").replaceAll("\\d+", "#").replaceAll("\\s+", " ");
        return s.trim();
    }

    /**
     * The distinct errors among the given lines (one per job, nulls skipped), up to 3, each quoted
     * with its jobs: {@code "line" (job A); "other line" (job B)}; empty when none.
     */
    static String distinctErrors(List<String> lines, List<String> jobNames) {
        Map<String, List<String>> byError = new LinkedHashMap<>();
        Map<String, String> quote = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line == null) {
                continue;
            }
            String k = normalised(line);
            quote.putIfAbsent(k, Words.clip(line.strip(), LINE_MAX));
            byError.computeIfAbsent(k, x -> new ArrayList<>()).add(jobNames.get(i));
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byError.entrySet()) {
            if (parts.size() == 3) {
                break;
            }
            parts.add("\"" + quote.get(e.getKey()) + "\" (" + Words.list(e.getValue()) + ")");
        }
        String more = byError.size() > 3 ? "; and " + (byError.size() - 3) + " more" : "";
        return String.join("; ", parts) + more;
    }

    /**
     * What a service's own observations say of its name, read in one pass: a resolver failing for it (a timeout,
     * SERVFAIL), its name answered as not existing ({@link #isNameMissing}), its address reached (a TCP connect, an HTTP
     * answer), or a failure that is not its name's.
     */
    private record NameSeen(boolean dns, boolean nameMissing, boolean reached, boolean otherFailure) {

        /** Counts a server that answers at the service's port under another declared name as reached. */
        NameSeen withServerElsewhere(boolean elsewhere) {
            return elsewhere ? new NameSeen(dns, nameMissing, true, otherFailure) : this;
        }

        static NameSeen of(String serviceId, List<Observation> observations) {
            boolean dns = false;
            boolean nameMissing = false;
            boolean reached = false;
            boolean other = false;
            for (Observation o : observations) {
                if (!serviceId.equals(o.serviceId())) {
                    continue;
                }
                if (o instanceof Observation.ProbeFailure f && ServiceStates.serviceSide(f)) {
                    if (quietLook(f)) {
                        continue;
                    }
                    if (f.kind() != FailureKind.DNS_FAILURE && f.kind() != FailureKind.DNS_TIMEOUT) {
                        other = true;
                    } else {
                        dns = true;
                        nameMissing |= isNameMissing(f);
                    }
                } else if (o instanceof Observation.TcpConnect || o instanceof Observation.HttpCheck) {
                    reached = true;
                }
            }
            return new NameSeen(dns, nameMissing, reached, other);
        }

        /**
         * Session 44 (r44-p198): true for a look on the host (kind OTHER) that does not say the service's container is
         * down ({@link #CONTAINER_NOT_RUNNING}): "docker inspect redis-authentik" answering "healthy bridge" (p199-14) is
         * no failure of the service beside its name failing, so the name stays the only thing seen failing.
         */
        private static boolean quietLook(Observation.ProbeFailure f) {
            return f.kind() == FailureKind.OTHER && f.source() == io.sophia.core.Source.HOST
                    && (f.detail() == null || !CONTAINER_NOT_RUNNING.matcher(f.detail()).find()
                    && !LOOK_SAYS_DOWN.matcher(f.detail()).find());
        }

        /**
         * True when the service's only failures are its name not resolving while a connection to its address
         * succeeded: it is reachable, its name is what fails.
         */
        boolean onlyItsNameFails() {
            return dns && reached && !otherFailure;
        }

        /**
         * True when the only failures seen of the service are a resolver failing for its name and nothing of it was
         * reached or refused: no connection could even be tried (h48-03: a third-party API whose name times out, its
         * dependent answering "getaddrinfo EAI_AGAIN"). Its dependents fail on the resolver; that the service behind it
         * is down is not seen. A name answered as not existing is not: a provider withdraws the name of a project it
         * deleted (p69-39: a Supabase project's host, NXDOMAIN) and service discovery that of an instance that is not
         * ready ({@link Facts#nameMissing}).
         */
        boolean onlyItsResolverIsSeenFailing() {
            return dns && !nameMissing && !reached && !otherFailure;
        }
    }

    /**
     * Issue 9, session 38 (rules38-p173): true when service {@code id} is a datastore or broker by its declaration and
     * another such service at the same explicit port (not 80 or 443) was reached with no failure of its own: the server
     * the name should lead to runs, under another name or its address. Applications are not: two apps share a port such
     * as 3000 without being one server (h94-37: an nginx upstream's Cloud Map name gone with its tasks, another app at
     * :3000 answering). A Kafka broker reached at its bootstrap address while the
     * name it advertises does not resolve ("getaddrinfo ENOTFOUND kafka-cluster", "DNS lookup failed for client:9092 ...
     * Is your advertised.listeners ... correct and resolvable?": p173-29, p173-30, p173-31): the name is what fails, not
     * the broker.
     */
    static boolean serverAnswersElsewhere(String id, Map<String, Service> services,
                                          Map<String, List<Observation>> byService) {
        int port = explicitPort(services.get(id));
        if (port <= 0 || port == 80 || port == 443 || !Datastores.isDatastore(services.get(id))) {
            return false;
        }
        for (Service other : services.values()) {
            if (other.id().equals(id) || explicitPort(other) != port || !Datastores.isDatastore(other)) {
                continue;
            }
            boolean reached = false;
            boolean failed = false;
            for (Observation o : byService.getOrDefault(other.id(), List.of())) {
                if (answers(other, o)) {
                    reached = true;
                } else if (o instanceof Observation.ProbeFailure f && ServiceStates.serviceSide(f)
                        || o instanceof Observation.HttpCheck) {
                    failed = true;
                }
            }
            if (reached && !failed) {
                return true;
            }
        }
        return false;
    }

    private static int explicitPort(Service s) {
        return s == null || s.url() == null ? -1 : s.url().getPort();
    }

    // the platform's record of a stop someone or something asked for: Fly's exit event "exit_code=0, oom_killed=false,
    // requested_stop=true" (flyctl machine status), "machine stopped by user request (fly machine stop)"
    private static final java.util.regex.Pattern REQUESTED_STOP = java.util.regex.Pattern.compile(
            "(?i)\\brequested_stop\\s*[=:]\\s*true\\b|\\bstopped by (the )?user\\b|\\bstop(ped)? (was )?requested\\b");

    /**
     * True when every machine the platform lists in {@code observations} (one service's) is stopped (none started)
     * and the last event of each is a stop the platform records as requested ({@link #REQUESTED_STOP}): the service is
     * down because it was stopped, not because its process failed (h104-37: both machines of a gRPC backend "stopped by user", its gateway
     * answering 502 with the refused dial).
     */
    static boolean stoppedOnRequest(List<Observation> observations) {
        boolean any = false;
        for (Observation o : observations) {
            if (!(o instanceof Observation.PlatformMachine m)) {
                continue;
            }
            if (!"stopped".equalsIgnoreCase(m.state()) && !"suspended".equalsIgnoreCase(m.state())) {
                return false;
            }
            List<Observation.MachineEvent> events = m.events();
            if (events == null || events.isEmpty()) {
                return false;
            }
            Observation.MachineEvent last = events.get(events.size() - 1);
            if (last.detail() == null || !REQUESTED_STOP.matcher(last.detail()).find()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * True when a service's only failures are its certificate's: a handshake that completed with a certificate that is
     * not trusted, expired or for another host, or a probe that failed at TLS; nothing refused or timed out, and no
     * answer its expectations refuse (a service behind an internal CA that answers 503 is down on its answer, not on
     * the certificate a probe that trusts that CA got past). Its dependents fail on the certificate, not on a service
     * that is gone (p39-30: an RDS database its client does not trust).
     */
    private static boolean onlyItsCertificateFails(Service service, List<Observation> observations) {
        if (service == null) {
            return false;
        }
        String serviceId = service.id();
        boolean certificate = false;
        for (Observation o : observations) {
            if (!serviceId.equals(o.serviceId())) {
                continue;
            }
            if (o instanceof Observation.HttpCheck h && !service.expect().accepts(h.statusCode())) {
                return false;
            }
            if (o instanceof Observation.ProbeFailure f && ServiceStates.serviceSide(f)) {
                if (f.kind() != FailureKind.TLS_FAILURE) {
                    return false;
                }
                certificate = true;
            } else if (o instanceof Observation.TlsHandshake t
                    && (!t.trusted() || !t.hostnameMatches() || t.daysToExpiry() < 0)) {
                certificate = true;
            }
        }
        return certificate;
    }

    /** What made a DOWN service DOWN, as a FailureKind name (or UNEXPECTED_STATUS, TLS, MACHINE_DOWN). */
    private static String failureKind(Service s, List<Observation> observations) {
        String fallback = "MACHINE_DOWN";
        for (Observation o : observations) {
            if (!s.id().equals(o.serviceId())) {
                continue;
            }
            if (o instanceof Observation.ProbeFailure f && ServiceStates.serviceSide(f) && f.kind() != null) {
                return f.kind().name();
            }
            if (o instanceof Observation.HttpCheck h && !s.expect().accepts(h.statusCode())) {
                fallback = "UNEXPECTED_STATUS";
            } else if (o instanceof Observation.TlsHandshake && !fallback.equals("UNEXPECTED_STATUS")) {
                fallback = "TLS";
            }
        }
        return fallback;
    }

    /**
     * True when the service answered at least once: an HTTP answer its expectations accept, an MCP handshake or a TCP
     * connect (the answers its status reads as UP): a failure beside it is intermittent.
     */
    private static boolean answered(Service s, List<Observation> observations) {
        return observations.stream().anyMatch(o -> s.id().equals(o.serviceId()) && answers(s, o));
    }

    private static boolean answers(Service s, Observation o) {
        return o instanceof Observation.HttpCheck h ? s.expect().accepts(h.statusCode())
                : o instanceof Observation.McpHandshake || o instanceof Observation.TcpConnect;
    }

    /**
     * True when nothing the service answered failed: it answered, with no probe failure and no HTTP answer refused (a
     * DEGRADED service so is slow, over its latency or a response-time condition, or warned of by its certificate, not
     * failing from outside). A handshake is no failure: every HTTPS service records one, and a certificate that makes
     * the service DEGRADED (near expiry, untrusted) is the certificate's, not a failing edge's.
     */
    private static boolean onlySlow(Service s, List<Observation> observations) {
        boolean answers = false;
        for (Observation o : observations) {
            if (!s.id().equals(o.serviceId())) {
                continue;
            }
            if (o instanceof Observation.ProbeFailure
                    || o instanceof Observation.HttpCheck h && !s.expect().accepts(h.statusCode())) {
                return false;
            }
            answers |= answers(s, o);
        }
        return answers;
    }

    /**
     * True when a service other than {@code svc} is among the DOWN ones ({@code down}): a warning about {@code svc} is
     * then not the incident, and an UP {@code svc} is a healthy peer of it.
     */
    private static boolean othersDown(List<String> down, String svc) {
        return down.size() > 1 || (down.size() == 1 && !down.get(0).equals(svc));
    }

    private static String logKey(Observation.LogFinding f) {
        return f.source() + "|" + f.jobId() + "|" + (f.jobId() == 0 ? f.serviceId() : "");
    }

    /**
     * True when the job ran at least 10 minutes and ended within a minute (or 1 %) after a whole number of 5-minute
     * blocks: where a CI's time limit stops a job (timeout-minutes 30, Azure Pipelines' 60, GitHub's 360). A person or a
     * newer run cancels at any moment, so a cancel there is about four times likelier a time limit (the window is about
     * a minute of every five). The window is at most two minutes: past 500 minutes, 1 % of the limit would be the whole
     * five-minute block, and every duration would look like a limit (issue 9, session 36, rules36-p164: p164-18, a Drone
     * build someone stopped after three days, 4318 minutes).
     */
    static boolean endedAtRoundLimit(Observation.CiJob j) {
        if (j.startedAt() == null || j.completedAt() == null) {
            return false;
        }
        long d = java.time.Duration.between(j.startedAt(), j.completedAt()).getSeconds();
        long limit = d / 300 * 300;
        return limit >= 600 && d - limit <= Math.min(120, Math.max(60, limit / 100));
    }

    /**
     * True when the job ran six hours or more, or within five minutes of it: GitHub-hosted runners stop every job at 360
     * minutes, and shows it as cancelled, so a job cancelled there met that limit far more often than a person or a newer
     * run. The limit counts from when a runner took the job, which the job's listed start may follow by a few minutes
     * (set-up, a container's pull): a job stopped by it lists 355 to 360 minutes as often as 360 (issue 9, session 32,
     * rules32d: p147-40, 359 minutes, its log's "##[error]The operation was canceled." 5 h 59 min after its step began;
     * the labelled corpus's six-hour stops list 21400 to 21598 seconds). No more than 380 minutes: the limit stops the job
     * at six hours, and a job listed far past it (p53-16: 365 minutes) was stopped by something else, a person after
     * days of a stuck build (issue 9, session 36, rules36-p164: p164-18, a Drone build stopped after 4318 minutes).
     */
    static boolean ranSixHours(Observation.CiJob j) {
        if (j.startedAt() == null || j.completedAt() == null) {
            return false;
        }
        long d = java.time.Duration.between(j.startedAt(), j.completedAt()).getSeconds();
        return d >= 355 * 60 && d <= 380 * 60;
    }

    /**
     * True when a job lasted a day, to within minutes: GitHub's limit for a job queued for a self-hosted runner is 24
     * hours, after which it ends the job cancelled, with no annotation in the API's record (docs.github.com, "Usage limits
     * ... self-hosted runners": "Job queue time - Each job for self-hosted runners can be queued for a maximum of 24
     * hours"; p210-34, smg-project/smg#2282: a label no online runner advertises). A job that waited for a runner that
     * long was not cancelled by a person giving up on a slow queue: no runner for its labels exists (session 46,
     * r46-p210).
     */
    static boolean lastedADay(Observation.CiJob j) {
        if (j.startedAt() == null || j.completedAt() == null) {
            return false;
        }
        long d = java.time.Duration.between(j.startedAt(), j.completedAt()).getSeconds();
        return d >= (24 * 60 - 5) * 60 && d <= (24 * 60 + 10) * 60;
    }

    /**
     * True when a cancelled job ran no step and printed no log over ten minutes or more, or printed only the CI's queue
     * lines: it waited for a runner the whole time, so the cancel ended a wait, and why no runner took it is the failure
     * (p81-06: a person cancelling after 40 minutes while the runners' region could not allocate machines).
     */
    static boolean waitedForRunner(Observation.CiJob j, boolean logged, boolean queued) {
        // logged: the job printed a line, or something else says what it waited for (its concurrency group); queued:
        // its log is the CI's queue lines only, which say it waited whatever its recorded times (h122-18: "Job is
        // waiting for a hosted runner to come online." until a person cancelled it, the job's own duration 0)
        return "cancelled".equals(j.conclusion()) && j.steps().isEmpty() && !logged && (queued || (j.startedAt() != null
                && j.completedAt() != null && java.time.Duration.between(j.startedAt(), j.completedAt()).getSeconds() >= 600));
    }

    // the CI's own words for a job no runner has taken yet (GitHub's queue lines; a self-hosted pool's "Job is waiting
    // for a runner from 'pool' to come online."), and GitHub's header of them, "Requested labels: macos-14", which
    // actions.standard-hosted-label-queued reads (session 37, rules37a)
    private static final java.util.regex.Pattern QUEUE_LINE = java.util.regex.Pattern.compile(
            "(?i)\\b(job is )?waiting for an? (hosted )?runner\\b|^\\s*(\\S+Z )?Requested labels: ");

    /**
     * True when a job that has not ended has run no step for ten minutes or more since it was queued: it is still
     * waiting for a runner (h79-20: a hosted macOS job queued 2 h 10 min while every service answered). GitHub gives a
     * queued job no end, so the wait lasts until {@code now}. No step run: none listed, or none concluded and the first
     * the CI's own set-up of the job, which the runner that takes the job performs ("Set up job" on GitHub, Gitea and
     * Forgejo, Azure's "Initialize job") or the CI shows while no runner has it ("Waiting for a runner", Jenkins' "Waiting
     * for next available executor"): a job that stays there was never started by a runner (issue 9, session 34,
     * rules34a: h113-44, a Forgejo job at "Set up job" for three hours, its task lost between server and runner, read as
     * nothing failing). A job whose own first step is running is running, however long.
     */
    static boolean waitingForRunner(Observation.CiJob j, java.time.Instant now) {
        if (j.conclusion() != null || !beforeFirstStep(j) || j.startedAt() == null) {
            return false;
        }
        java.time.Instant until = j.completedAt() != null ? j.completedAt() : now;
        return until != null && java.time.Duration.between(j.startedAt(), until).getSeconds() >= 600;
    }

    /**
     * True when a run is still queued, not ended, ten minutes or more after it was created, and none of its jobs has
     * begun a step of its own (none listed, as GitHub lists a queued run's jobs as "total_count: 0", or each before its
     * first step): no runner has taken its work (session 47, r47-h161, h162-45: a dispatched Pages deploy queued for
     * hours with zero jobs, three times, every service answering). As {@link #waitingForRunner} for one job.
     */
    static boolean runWaitingForRunner(Observation.CiRun r, List<Observation.CiJob> jobs, java.time.Instant now) {
        // only "queued": a run "waiting" waits for an environment's approval, one "pending" for its concurrency group
        // a re-run keeps its first attempt's created_at, so its queue time is unknown (review 47)
        if (r.conclusion() != null || r.createdAt() == null || now == null || !"queued".equalsIgnoreCase(r.status())
                || r.runAttempt() > 1) {
            return false;
        }
        for (Observation.CiJob j : jobs) {
            if (j.runId() == r.runId() && (j.conclusion() != null || !beforeFirstStep(j))) {
                return false;
            }
        }
        return java.time.Duration.between(r.createdAt(), now).getSeconds() >= 600;
    }

    // the CI's own set-up of a job, before its first step of its own (see waitingForRunner)
    private static final java.util.regex.Pattern JOB_SET_UP_STEP = java.util.regex.Pattern.compile(
            "(?i)^\\s*(set ?up job|initiali[sz]e job|waiting for (a |an |the )?(next )?(available )?(runner|agent|executor|node)\\b)");

    /** True when no step of {@code j} concluded and the first listed, if any, is the CI's own set-up of the job. */
    static boolean beforeFirstStep(Observation.CiJob j) {
        for (Observation.CiStep s : j.steps()) {
            if (s.conclusion() != null) {
                return false;
            }
        }
        return j.steps().isEmpty() || (j.steps().get(0).name() != null
                && JOB_SET_UP_STEP.matcher(j.steps().get(0).name()).find());
    }

    // "180 minutes", or "in its queue" when the job recorded no time: a job GitHub ends at 0 s may have waited hours there
    private static String waited(String minutes) {
        return minutes.isEmpty() || "0".equals(minutes) ? "in its queue" : "1".equals(minutes) ? "1 minute"
                : minutes + " minutes";
    }

    private static String minutes(Observation.CiJob j, java.time.Instant now) {
        java.time.Instant until = j.completedAt() != null ? j.completedAt() : j.conclusion() == null ? now : null;
        return j.startedAt() == null || until == null ? ""
                : String.valueOf(java.time.Duration.between(j.startedAt(), until).toMinutes());
    }

    static boolean failedConclusion(String conclusion) {
        return conclusion != null && FAILED.contains(conclusion);
    }

    private static String known(Map<String, Service> services, String serviceId) {
        return serviceId != null && services.containsKey(serviceId) ? serviceId : null;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /**
     * The commit a service's reported version names, lower case, or null when it names none: a bare commit hash of 7 to
     * 64 hex digits, or one behind docker/metadata-action's "sha-" prefix, the default of its {@code type=sha} tag
     * ("sha-3c9e1a7", p205-11).
     */
    static String commitOf(String version) {
        if (version == null) {
            return null;
        }
        String v = version.strip();
        if (v.regionMatches(true, 0, "sha-", 0, 4)) {
            v = v.substring(4);
        }
        return COMMIT_HASH.matcher(v).matches() ? v.toLowerCase(Locale.ROOT) : null;
    }

    /** True when two commit hashes ({@link #commitOf}, {@link #runCommit}) name the same commit, one the other's prefix. */
    static boolean sameCommit(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    /** A commit hash as a run or a service names it: 7 to 64 hex digits (compiled once: read per service and run). */
    private static final java.util.regex.Pattern COMMIT_HASH = java.util.regex.Pattern.compile("[0-9a-fA-F]{7,64}");

    /**
     * Session 45 (r45-p205): the services whose reported version is the run's head commit ({@link #commitOf}): the run's
     * new version is what they serve now, whatever the run's own steps said.
     */
    private static Set<String> servingRunCommit(Observation.CiRun run, Map<String, ServiceHealth> health) {
        Set<String> out = new java.util.HashSet<>();
        String head = runCommit(run);
        if (head == null) {
            return out;
        }
        for (ServiceHealth h : health.values()) {
            String ver = commitOf(h.version());
            if (ver != null && sameCommit(ver, head)) {
                out.add(h.id());
            }
        }
        return out;
    }

    /** The run's head commit, lower case, or null when the run names none (no run, or no hash of 7 to 64 hex digits). */
    static String runCommit(Observation.CiRun run) {
        return run == null || run.headSha() == null || !COMMIT_HASH.matcher(run.headSha()).matches() ? null
                : run.headSha().toLowerCase(Locale.ROOT);
    }

    private static String shortSha(String sha) {
        return sha == null ? "" : sha.length() > 12 && sha.matches("[0-9a-fA-F]+") ? sha.substring(0, 12) : sha;
    }

    private static String words(String conclusion) {
        return conclusion == null ? "not concluded" : conclusion.replace('_', ' ');
    }

    private static String key(Map<String, Integer> order, String svc, String subject, String extra, long id, int seq) {
        int so = svc == null ? 9999 : order.getOrDefault(svc, 9998);
        if (so < 0 || id < 0 || seq < 0) {
            return String.format(Locale.ROOT, "%05d|%s|%s|%020d|%08d", so, Objects.toString(subject, ""), extra, id, seq);
        }
        // the same text as the format above, without parsing a format string for every fact of a large fleet
        StringBuilder sb = new StringBuilder(64);
        zeroPadded(sb, so, 5).append('|').append(Objects.toString(subject, "")).append('|').append(extra).append('|');
        return zeroPadded(zeroPadded(sb, id, 20).append('|'), seq, 8).toString();
    }

    /** {@code n} (not negative) in at least {@code width} digits, zeros in front, as {@code %0<width>d} writes it. */
    private static StringBuilder zeroPadded(StringBuilder sb, long n, int width) {
        String digits = Long.toString(n);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }

    private static Map<io.sophia.core.ChangeClass, List<Observation.ChangedFile>> changedByClass(Observation.ChangeSet cs) {
        Map<io.sophia.core.ChangeClass, List<Observation.ChangedFile>> m = new java.util.EnumMap<>(io.sophia.core.ChangeClass.class);
        for (Observation.ChangedFile f : cs.files()) {
            m.computeIfAbsent(f.changeClass(), k -> new ArrayList<>()).add(f);
        }
        return m;
    }

    private static Map<String, String> attrs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    private static Map<String, String> vars(String service, String... kv) {
        Map<String, String> m = attrs(kv);
        if (service != null) {
            m.put("service", service);
        }
        return m;
    }
}
