package io.sophia.diagnosis.internal.reasoning;

import com.google.common.graph.GraphBuilder;
import com.google.common.graph.Graphs;
import com.google.common.graph.ImmutableGraph;
import io.sophia.core.Deployment;
import io.sophia.core.Service;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The {@code dependsOn} topology of a deployment as a directed graph (an edge from a service to each
 * service it depends on), on Guava's {@code common.graph}: its reachability is cycle-safe and its
 * transpose gives the blast radius, what fails with a service, without hand-written graph walks.
 */
final class Topology {

    private final ImmutableGraph<String> dependsOn;

    private Topology(ImmutableGraph<String> dependsOn) {
        this.dependsOn = dependsOn;
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

    /** True when {@code from} is {@code to} or depends on it, directly or through other services. */
    boolean dependsOn(String from, String to) {
        return dependsOn.nodes().contains(from) && Graphs.reachableNodes(dependsOn, from).contains(to);
    }

    /**
     * The services that depend on one of {@code failed}, directly or through other services, in
     * deployment order; the failed services themselves are not part of it.
     */
    Set<String> blastRadius(Collection<String> failed) {
        Set<String> hit = new java.util.HashSet<>();
        var dependents = Graphs.transpose(dependsOn);
        for (String f : failed) {
            if (dependsOn.nodes().contains(f)) {
                hit.addAll(Graphs.reachableNodes(dependents, f));
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : dependsOn.nodes()) {
            if (hit.contains(id) && !failed.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }
}
