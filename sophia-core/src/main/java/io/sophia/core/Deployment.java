package io.sophia.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployment: named services and the topology their {@code dependsOn} lists form.
 *
 * <p>The constructor rejects duplicate ids and {@code dependsOn} entries that name no service,
 * so every later lookup by id is safe.
 */
public record Deployment(String name, List<Service> services) {

    /**
     * Canonical constructor: rejects invalid components, and copies the collections, so the record is immutable.
     *
     * @param name     as {@link #name()}
     * @param services as {@link #services()}
     */
    public Deployment {
        services = List.copyOf(services);
        Map<String, Service> byId = new LinkedHashMap<>();
        for (Service s : services) {
            if (byId.put(s.id(), s) != null) {
                throw new IllegalArgumentException("duplicate service id '" + s.id() + "'");
            }
        }
        for (Service s : services) {
            for (String dep : s.dependsOn()) {
                if (!byId.containsKey(dep)) {
                    throw new IllegalArgumentException(
                            "service '" + s.id() + "' dependsOn '" + dep + "', which is not a service of the deployment");
                }
            }
        }
    }

    /**
     * {@return the service with this id}
     *
     * @param id a service id
     */
    public Optional<Service> service(String id) {
        return services.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * {@return services whose {@code dependsOn} names {@code id}}
     *
     * @param id a service id
     */
    public List<Service> dependents(String id) {
        List<Service> out = new ArrayList<>();
        for (Service s : services) {
            if (s.dependsOn().contains(id)) {
                out.add(s);
            }
        }
        return out;
    }
}
