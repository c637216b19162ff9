package io.mch.reports.html;

import io.mch.reports.model.ExploreRecord;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code explore.html}: a chaos search on one page — every try, the breach, every shrink step with
 * what its change did and how its runs voted, and the written finding with its replays. Over several
 * shards' directories it is the merged summary, naming the smallest breach of them all. Links are
 * relative, so the folder can be moved or downloaded as it is; every recorded string is escaped by
 * the template.
 */
public final class ExplorePage {

    public static final String FILE = "explore.html";

    /** One search's record, and its directory relative to the page ({@code ""} for the page's own). */
    public record Search(String dir, ExploreRecord record) {

        /** A path inside this search's directory, relative to the page. */
        public String link(String path) {
            return dir.isEmpty() ? path : dir + "/" + path;
        }
    }

    private ExplorePage() {}

    /**
     * The breach a person should look at first: a reproduced one before one that did not reproduce,
     * then the fewest faults, then the highest share of breaking replays, then the earliest try.
     */
    public static Optional<Search> smallest(List<Search> searches) {
        return searches.stream()
                .filter(s -> s.record().finding() != null)
                .min(Comparator.comparing((Search s) -> !s.record().finding().reproduced())
                        .thenComparingInt(s -> s.record().finding().faults())
                        .thenComparingDouble(s -> -share(s.record().finding()))
                        .thenComparingInt(s -> s.record().finding().tryNumber()));
    }

    private static double share(ExploreRecord.Finding f) {
        return f.replays() == 0 ? 0 : (double) f.replaysBroke() / f.replays();
    }

    public static String render(List<Search> searches) {
        Map<String, Object> context = new HashMap<>();
        context.put("searches", searches);
        context.put("smallest", smallest(searches).orElse(null));
        context.put("tries", searches.stream().mapToInt(s -> s.record().tries().size()).sum());
        context.put("runs", searches.stream().mapToInt(s -> s.record().runs()).sum());
        return Templates.render("explore.peb", context);
    }

    public static void write(Path dir, List<Search> searches) {
        Templates.write(dir.resolve(FILE), render(searches));
    }
}
