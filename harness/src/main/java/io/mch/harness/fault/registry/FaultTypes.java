package io.mch.harness.fault.registry;

import io.mch.faults.ClusterControl;
import io.mch.faults.Heal;
import io.mch.faults.Nemesis;
import io.mch.faults.proxy.Links;
import io.mch.faults.spec.FaultSpec;
import io.mch.harness.fault.Fault;
import io.mch.harness.fault.FaultType;
import io.mch.harness.fault.Injectors;
import io.mch.harness.fault.clusterloss.ClusterLossFault;
import io.mch.harness.fault.latency.LatencyFault;
import io.mch.harness.fault.nodeloss.NodeLossFault;
import io.mch.harness.fault.partition.PartitionFault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fault types a run knows, in the order scenario files and messages list them. Types are
 * looked up by name (a scenario's key, an explore space's entry) or by a spec's class; nothing
 * else in the harness names a fault type.
 */
public final class FaultTypes {

    /** Every fault type of mch: a new type is one line here. */
    public static final FaultTypes BUILT_IN = new FaultTypes(List.of(
            new PartitionFault(), new LatencyFault(), new NodeLossFault(), new ClusterLossFault()));

    private final List<FaultType<?>> types;
    private final Map<Class<?>, FaultType<?>> bySpec = new HashMap<>();

    private FaultTypes(List<FaultType<?>> types) {
        Set<String> names = new HashSet<>();
        for (FaultType<?> type : types) {
            if (!names.add(type.name()) || bySpec.putIfAbsent(type.specClass(), type) != null) {
                throw new IllegalArgumentException("fault type '" + type.name() + "' repeats a name or a spec class");
            }
        }
        this.types = List.copyOf(types);
    }

    /**
     * These types and {@code more}: the one way to add a type outside {@link #BUILT_IN}, for a
     * test's own type, passed explicitly to what binds or draws faults.
     */
    public FaultTypes with(FaultType<?> more) {
        List<FaultType<?>> all = new ArrayList<>(types);
        all.add(more);
        return new FaultTypes(all);
    }

    public List<String> names() {
        return types.stream().map(FaultType::name).toList();
    }

    public Optional<FaultType<?>> named(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The spec with its type; refused for a spec of a type not known here. */
    public Fault<?> of(FaultSpec spec) {
        FaultType<?> type = bySpec.get(spec.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no fault type for a " + spec.type() + " spec ("
                    + spec.getClass().getName() + "); known types are " + String.join(", ", names()));
        }
        return typed(type, spec);
    }

    private static <S extends FaultSpec> Fault<S> typed(FaultType<S> type, FaultSpec spec) {
        return new Fault<>(type, type.specClass().cast(spec));
    }

    /** The run's nemesis: injects any fault of these types through its type, on the network and the clusters. */
    public Nemesis nemesis(Links network, ClusterControl clusters) {
        Injectors injectors = new Injectors(network, clusters);
        return new Nemesis() {
            @Override
            public boolean handles(FaultSpec spec) {
                return bySpec.containsKey(spec.getClass());
            }

            @Override
            public Heal inject(FaultSpec spec) {
                return of(spec).inject(injectors);
            }
        };
    }
}
