package io.sophia.diagnosis.internal.reasoning;

import com.google.common.graph.GraphBuilder;
import com.google.common.graph.ImmutableGraph;
import io.sophia.core.Deployment;
import io.sophia.core.Service;
import io.sophia.core.ServiceHealth;
import io.sophia.core.Status;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code dependsOn} topology of a deployment as a directed graph (an edge from a service to each
 * service it depends on), on Guava's {@code common.graph}. Both questions asked of it are answered in
 * time linear in the graph, whatever the fleet's size: the blast radius (what fails with a set of
 * services) by one walk from all of them at once, and "do these two lie on a cycle" from the strongly
 * connected components, computed once.
 */
final class Topology {

    private final ImmutableGraph<String> dependsOn;

    private Topology(ImmutableGraph<String> dependsOn) {
        this.dependsOn = dependsOn;
    }

    /** A DOWN (or DEGRADED) service and a DOWN service it depends on. */
    record DownEdge(String service, String dependency) {
    }

    /**
     * Each DOWN service's DOWN dependencies, in deployment and {@code dependsOn} order, leaving out pairs on one
     * cycle: there neither side explains the other, both are diagnosed on their own.
     */
    static List<DownEdge> downEdges(Deployment deployment, Map<String, ServiceHealth> health) {
        return edgesFrom(Status.DOWN, deployment, health);
    }

    /**
     * Each DEGRADED service's DOWN dependencies (rules21c, session 21): a service that still answers but fails what is
     * expected of it (a sign-in that fails, a page that renders empty) while a service it depends on is down (p100-39,
     * p100-40: a front end over a Supabase project whose API is down). Pairs on one cycle are left out as in
     * {@link #downEdges}.
     */
    static List<DownEdge> degradedEdges(Deployment deployment, Map<String, ServiceHealth> health) {
        return edgesFrom(Status.DEGRADED, deployment, health);
    }

    /** Each DOWN dependency of the services in {@code status}, in deployment and dependsOn order, not on one cycle. */
    private static List<DownEdge> edgesFrom(Status status, Deployment deployment, Map<String, ServiceHealth> health) {
        Topology topology = of(deployment);
        List<DownEdge> out = new java.util.ArrayList<>();
        for (Service s : deployment.services()) {
            if (health.get(s.id()).status() != status) {
                continue;
            }
            for (String dep : s.dependsOn()) {
                if (health.get(dep).status() == Status.DOWN && !topology.sameCycle(s.id(), dep)) {
                    out.add(new DownEdge(s.id(), dep));
                }
            }
        }
        return out;
    }

    static Topology of(Deployment deployment) {
        // self loops allowed: "dependsOn: [me]" is odd config, not a reason to fail the diagnosis
        ImmutableGraph.Builder<String> g = GraphBuilder.directed().allowsSelfLoops(true).<String>immutable();
        for (Service s : deployment.services()) {
            g.addNode(s.id());
            for (String dep : s.dependsOn()) {
                g.putEdge(s.id(), dep);
            }
        }
        return new Topology(g.build());
    }

    /**
     * True when {@code a} and {@code b} lie on a common {@code dependsOn} cycle (or are the same service): for a
     * service {@code a} that depends on {@code b} directly, the same as "b depends on a, directly or not", but
     * answered from the strongly connected components, computed once, instead of a graph walk per question.
     */
    boolean sameCycle(String a, String b) {
        Map<String, Integer> c = components();
        Integer ca = c.get(a);
        return ca != null && ca.equals(c.get(b));
    }

    private Map<String, Integer> components;

    /** Each node's strongly connected component (Tarjan's algorithm, iterative: a long chain must not overflow the stack). */
    private Map<String, Integer> components() {
        if (components != null) {
            return components;
        }
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Map<String, Integer> component = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        int next = 0;
        int count = 0;
        for (String root : dependsOn.nodes()) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<Map.Entry<String, Iterator<String>>> work = new ArrayDeque<>();
            index.put(root, next);
            low.put(root, next++);
            stack.push(root);
            onStack.add(root);
            work.push(Map.entry(root, dependsOn.successors(root).iterator()));
            while (!work.isEmpty()) {
                String v = work.peek().getKey();
                Iterator<String> it = work.peek().getValue();
                if (it.hasNext()) {
                    String w = it.next();
                    if (!index.containsKey(w)) {
                        index.put(w, next);
                        low.put(w, next++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(Map.entry(w, dependsOn.successors(w).iterator()));
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.put(w, count);
                    } while (!w.equals(v));
                    count++;
                }
            }
        }
        components = component;
        return component;
    }

    /**
     * The services that depend on one of {@code failed}, directly or through other services, in
     * deployment order; the failed services themselves are not part of it.
     */
    Set<String> blastRadius(Collection<String> failed) {
        // one walk from all failed services at once, and a set to test membership: a walk per failed service and
        // a list's contains made this quadratic in a large fleet
        Set<String> failedSet = new HashSet<>(failed);
        Set<String> hit = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String f : failedSet) {
            if (dependsOn.nodes().contains(f) && hit.add(f)) {
                queue.add(f);
            }
        }
        while (!queue.isEmpty()) {
            for (String dependent : dependsOn.predecessors(queue.poll())) {
                if (hit.add(dependent)) {
                    queue.add(dependent);
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : dependsOn.nodes()) {
            if (hit.contains(id) && !failedSet.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
