package io.mch.harness.explore;

import io.mch.harness.input.YamlLimits;
import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.config.Fixtures;
import io.mch.harness.config.Scenario;
import io.mch.harness.fault.registry.FaultTypes;
import io.mch.harness.input.Quantities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a finding as a scenario file that {@code mch run} replays: the original scenario (its
 * overrides, traffic, SLOs and explore space) with the found schedule in place of its faults, the
 * run seed, and the topology named portably (see {@link #topologyReference}), so the file can be
 * committed and replayed on another checkout.
 */
public final class ScenarioWriter {

    private ScenarioWriter() {}

    /**
     * @param header comment lines (without {@code #}) saying how the schedule was found and shrunk
     */
    @SuppressWarnings("unchecked")
    public static Path write(Scenario original, String name, List<ScheduledFault> faults, long seed,
            List<String> header, Path file) throws IOException {
        Map<String, Object> yaml = new LinkedHashMap<>();
        Map<String, Object> source = (Map<String, Object>) new Yaml(YamlLimits.options())
                .load(Files.readString(original.file()));
        source.forEach(yaml::put);
        yaml.put("name", name);
        yaml.put("description", "Found by mch explore from " + original.name() + ": " + original.description());
        yaml.put("topology", topologyReference(original, source.get("topology"), file));
        yaml.put("seed", seed);
        List<Map<String, Object>> list = new ArrayList<>();
        for (ScheduledFault f : faults) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("at", Quantities.format(f.at()));
            f.duration().ifPresent(d -> item.put("for", Quantities.format(d)));
            item.put(f.spec().type(), FaultTypes.BUILT_IN.of(f.spec()).yaml());
            list.add(item);
        }
        yaml.put("faults", list);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        StringBuilder text = new StringBuilder();
        header.forEach(line -> text.append("# ").append(line).append('\n'));
        text.append(new Yaml(options).dump(yaml));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
        return file;
    }

    /**
     * How the written file names its topology: the original's fixture name when that name, looked up
     * from where the file is written, is the same fixture (so another checkout's own fixtures serve
     * it); else the topology file's path relative to the written file. Never an absolute path: one
     * machine's path does not replay on another.
     */
    static String topologyReference(Scenario original, Object reference, Path file) {
        Path topology = original.topology().file().toAbsolutePath().normalize();
        if (reference instanceof String name && Fixtures.isFixtureName(name)) {
            try {
                if (Fixtures.discover().resolve(name, file).equals(topology)) {
                    return name;
                }
            } catch (IllegalArgumentException e) {
                // not a fixture seen from there: name the file by its relative path below
            }
        }
        return file.toAbsolutePath().normalize().getParent().relativize(topology).toString().replace('\\', '/');
    }
}
