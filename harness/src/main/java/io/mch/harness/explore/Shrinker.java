package io.mch.harness.explore;

import io.mch.faults.spec.FaultSpec;
import io.mch.faults.spec.ScheduledFault;
import io.mch.harness.fault.registry.FaultTypes;
import io.mch.harness.input.Quantities;
import io.mch.harness.runtime.Console;
import io.mch.reports.model.ExploreRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reduces a breaking schedule to one that is easier to understand and still breaks the same SLO:
 * delta debugging over the fault list first (fewer faults), then, fault by fault, shorter
 * durations, later starts, fewer lost nodes and less added latency. A change is kept only when a
 * change whose runs still break that SLO by the {@link Vote} (k of n runs), so a change is neither
 * kept because one run broke by luck nor undone because one run held by luck; a breach of another
 * SLO is a different finding and does not count. Each run costs a whole scenario, so the shrink
 * stops after {@code maxRuns} runs.
 */
public final class Shrinker {

    private static final Duration MIN_DURATION = Duration.ofSeconds(1);

    private final Trials trials;
    private final Console console;
    private final int maxRuns;
    private final Vote vote;
    private int runs;
    private int candidates;
    private String slo;
    private Trials.Trial last;
    private final List<String> steps = new ArrayList<>();
    private final List<List<ScheduledFault>> accepted = new ArrayList<>();
    private final List<ExploreRecord.Step> log = new ArrayList<>();

    /**
     * The smallest breaking schedule found ({@code accepted}'s last), the run that showed it, and
     * every accepted step: {@code accepted.get(k)} is the schedule after {@code steps.subList(0, k)},
     * so a caller can step back when the smallest one does not reproduce (a shrink walks towards the
     * boundary of the breach, where one run may break and the next not).
     */
    public record Result(
            List<List<ScheduledFault>> accepted, Trials.Trial lastBreaking, List<String> steps, int runs,
            List<ExploreRecord.Step> log) {
        public List<ScheduledFault> schedule() {
            return accepted.get(accepted.size() - 1);
        }
    }

    /** Each candidate decided by one run (the vote 1/1). */
    public Shrinker(Trials trials, Console console, int maxRuns) {
        this(trials, console, maxRuns, new Vote(1, 1));
    }

    public Shrinker(Trials trials, Console console, int maxRuns, Vote vote) {
        this.trials = trials;
        this.console = console;
        this.maxRuns = maxRuns;
        this.vote = vote;
    }

    /** Shrinks {@code breaking}, which broke {@code slo}. */
    public Result shrink(Trials.Trial breaking, String slo) throws IOException {
        this.slo = slo;
        this.last = breaking;
        runs = 0;
        candidates = 0;
        steps.clear();
        accepted.clear();
        log.clear();
        accepted.add(breaking.schedule());
        List<ScheduledFault> current = fewerFaults(breaking.schedule());
        for (int i = 0; i < current.size(); i++) {
            current = shrinkFault(current, i);
        }
        return new Result(List.copyOf(accepted), last, List.copyOf(steps), runs, List.copyOf(log));
    }

    /** Zeller's ddmin: try subsets, then complements, at ever finer granularity. */
    private List<ScheduledFault> fewerFaults(List<ScheduledFault> schedule) throws IOException {
        List<ScheduledFault> current = schedule;
        int n = 2;
        while (current.size() >= 2 && budgetLeft()) {
            List<List<ScheduledFault>> chunks = split(current, n);
            Optional<List<ScheduledFault>> smaller = firstBreaking(chunks);
            int next = 2;
            if (smaller.isEmpty() && n > 2) {
                List<List<ScheduledFault>> complements = new ArrayList<>();
                for (List<ScheduledFault> chunk : chunks) {
                    List<ScheduledFault> rest = new ArrayList<>(current);
                    rest.removeAll(chunk);
                    complements.add(rest);
                }
                smaller = firstBreaking(complements);
                next = Math.max(n - 1, 2);
            }
            if (smaller.isPresent()) {
                current = smaller.get();
                accept("faults: " + accepted.get(accepted.size() - 1).size() + " -> " + current.size(),
                        Schedules.renumbered(current));
                n = next;
            } else if (n >= current.size()) {
                break;
            } else {
                n = Math.min(current.size(), 2 * n);
            }
        }
        return Schedules.renumbered(current);
    }

    private Optional<List<ScheduledFault>> firstBreaking(List<List<ScheduledFault>> candidates) throws IOException {
        for (List<ScheduledFault> candidate : candidates) {
            if (budgetLeft() && stillBreaks(Schedules.renumbered(candidate), removal(candidates, candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code remove [..]}: what a fewer-faults candidate leaves out of the schedule it was cut from. */
    private String removal(List<List<ScheduledFault>> all, List<ScheduledFault> candidate) {
        List<ScheduledFault> removed = new ArrayList<>(all.stream().flatMap(List::stream).distinct().toList());
        removed.removeAll(candidate);
        return "remove " + Schedules.describe(removed, trials.scenario().duration());
    }

    private static List<List<ScheduledFault>> split(List<ScheduledFault> list, int n) {
        List<List<ScheduledFault>> chunks = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < n; i++) {
            int end = start + (list.size() - start) / (n - i);
            chunks.add(List.copyOf(list.subList(start, end)));
            start = end;
        }
        return chunks;
    }

    /**
     * Shorter, later, then smaller in the fault type's own ways (fewer nodes, less latency): each
     * repeated while it still breaks.
     */
    private List<ScheduledFault> shrinkFault(List<ScheduledFault> schedule, int i) throws IOException {
        List<ScheduledFault> current = schedule;
        current = repeat(current, i, "duration", f -> {
            Duration length = length(f).dividedBy(2);
            return onGrid(length).compareTo(MIN_DURATION) < 0 ? null : with(f, f.at(), onGrid(length), f.spec());
        });
        current = repeat(current, i, "start", f -> {
            Duration room = trials.scenario().duration().minus(f.at().plus(length(f)));
            Duration later = onGrid(room.dividedBy(2));
            return later.compareTo(MIN_DURATION) < 0 ? null : with(f, f.at().plus(later), length(f), f.spec());
        });
        for (String step : FaultTypes.BUILT_IN.of(current.get(i).spec()).shrinkSteps()) {
            current = repeat(current, i, step, f -> FaultTypes.BUILT_IN.of(f.spec()).smaller(step)
                    .map(spec -> with(f, f.at(), length(f), spec))
                    .orElse(null));
        }
        return current;
    }

    private List<ScheduledFault> repeat(
            List<ScheduledFault> schedule, int i, String what, UnaryOperator<ScheduledFault> smaller) throws IOException {
        List<ScheduledFault> current = schedule;
        while (budgetLeft()) {
            ScheduledFault before = current.get(i);
            ScheduledFault after = smaller.apply(before);
            if (after == null) {
                break;
            }
            List<ScheduledFault> candidate = new ArrayList<>(current);
            candidate.set(i, after);
            String change = "faults[" + i + "] " + what + ": " + describe(before, what) + " -> " + describe(after, what);
            if (!stillBreaks(candidate, change)) {
                break;
            }
            current = List.copyOf(candidate);
            accept(change, current);
        }
        return current;
    }

    private void accept(String step, List<ScheduledFault> schedule) {
        steps.add(step);
        accepted.add(schedule);
    }

    private boolean stillBreaks(List<ScheduledFault> candidate, String change) throws IOException {
        candidates++;
        String label = String.format("shrink-%02d", candidates);
        Trials.Tally tally = trials.vote(label, Trials.withFaults(trials.scenario(), candidate), slo, vote, List.of());
        runs += tally.trials().size();
        String schedule = Schedules.describe(candidate, trials.scenario().duration());
        console.progress(String.format("shrink %d (%d/%d runs) %s: %s %s", candidates, runs, maxRuns, change, schedule,
                tally.breaking() ? "still breaks " + slo + ", " + tally.text() + ": kept"
                        : "holds (" + slo + " " + tally.text() + "): not kept"));
        log.add(new ExploreRecord.Step(candidates, change, schedule, tally.breaks(), tally.breaks() + tally.holds(), tally.breaking(),
                tally.labels()));
        if (tally.breaking()) {
            last = tally.trials().stream().filter(t -> t.breaks(slo)).reduce((a, b) -> b).orElseThrow();
        }
        return tally.breaking();
    }

    private boolean budgetLeft() {
        return runs < maxRuns;
    }

    private Duration length(ScheduledFault f) {
        return f.end(trials.scenario().duration()).minus(f.at());
    }

    private static ScheduledFault with(ScheduledFault f, Duration at, Duration length, FaultSpec spec) {
        return new ScheduledFault(f.index(), at, Optional.of(length), spec);
    }

    private static Duration onGrid(Duration d) {
        return Generator.GRID.multipliedBy(d.toMillis() / Generator.GRID.toMillis());
    }

    private String describe(ScheduledFault f, String what) {
        return switch (what) {
            case "duration" -> Quantities.format(length(f));
            case "start" -> Quantities.format(f.at());
            default -> FaultTypes.BUILT_IN.of(f.spec()).measure(what);
        };
    }
}
