package io.mch.harness.drill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The five fabric actions as canned drills: for each (action, topology) that makes sense, a short
 * scenario on the topology's fixture that carries the action out as a step and measures it. An
 * action a topology has no fabric for is refused with the reason and the topologies it applies to,
 * rather than run as something it is not.
 */
public enum Drill {
    FEDERATE("joins a cluster to the fleet and measures the time until it is fully consistent",
            "it needs GitOps sync (fabric.sync) to join a cluster to", "hub-spoke"),
    CONNECT("joins a cluster to the mesh and measures the time until cross-cluster discovery works both ways",
            "it needs a cluster mesh (fabric.mesh) to join", "mesh"),
    REPLICATE("replicates now (a backup and restore, or a replication pass) and measures until the copy is there",
            "it needs data replication (fabric.replication)", "active-passive", "active-active"),
    FAILOVER("promotes the standby in a planned failover and measures until clients are served by it",
            "it needs a global load balancer over clusters that can take over from each other",
            "active-passive", "active-active"),
    SYNC("commits a change to the GitOps repository and measures until every target cluster has it",
            "it needs GitOps sync (fabric.sync)", "hub-spoke");

    public static final List<String> TOPOLOGIES = List.of("hub-spoke", "mesh", "active-active", "active-passive");

    private final String what;
    private final String needs;
    private final List<String> appliesTo;

    Drill(String what, String needs, String... appliesTo) {
        this.what = what;
        this.needs = needs;
        this.appliesTo = List.of(appliesTo);
    }

    /** The action's name on the command line and in the scenario's {@code steps:}. */
    public String action() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String what() {
        return what;
    }

    public List<String> appliesTo() {
        return appliesTo;
    }

    public static Optional<Drill> named(String action) {
        return Arrays.stream(values()).filter(d -> d.action().equals(action)).findFirst();
    }

    /** Why this action does not apply to {@code topology}; empty when it does. */
    public Optional<String> notApplicable(String topology) {
        if (appliesTo.contains(topology)) {
            return Optional.empty();
        }
        return Optional.of(action() + " does not apply to the " + topology + " topology: " + needs
                + ", which " + topology + " does not have; it applies to " + String.join(", ", appliesTo));
    }

    /** Writes the drill scenario for {@code topology} into {@code dir} and returns its path. */
    public Path scenario(String topology, Path dir) {
        String name = action() + "-" + topology + ".yaml";
        try (InputStream in = Drill.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no drill " + name + " in this build");
            }
            Files.createDirectories(dir);
            Path file = dir.resolve("drill-" + name);
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
