package io.mch.reports.html.chart;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jfree.svg.SVGGraphics2D;

/**
 * The run's topology as the history recorded it: the global clients and load balancer above,
 * linked to every cluster, the clusters grouped by region, and an arc between every two regions
 * labelled with their round-trip time. What the faults did is drawn on it, so a reader sees the
 * shape of the failure before the time series: links a partition cut are red and dashed with the
 * fault's index, lost clusters are outlined red and lost nodes counted.
 */
public final class TopologyDiagram {

    /** The endpoint names that stand for the global box in a fault's sides. */
    private static final Set<String> GLOBAL = Set.of("clients", "global-load-balancer");
    private static final Font BOLD = new Font("SansSerif", Font.BOLD, 12);
    private static final Color LINK = new Color(0x9ca3af);
    private static final Color REGION = new Color(0xf3f4f6);
    private static final BasicStroke SOLID = new BasicStroke(1.5f);
    private static final BasicStroke LOST = new BasicStroke(3f);
    private static final BasicStroke DASHED =
            new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    private static final int WIDTH = 1200;
    private static final int BOX_W = 180;
    private static final int BOX_H = 64;
    private static final int GAP = 16;
    private static final int PAD = 12;
    private static final int HEADER = 22;
    private static final int REGIONS_Y = 110;

    private TopologyDiagram() {}

    /** The diagram, or empty when the history has no run-started event to draw it from. */
    public static Optional<Chart> of(History history) {
        return history.start().map(start -> draw(start, history));
    }

    private static Chart draw(Event.RunStarted start, History history) {
        Map<String, List<Event.ClusterInfo>> regions = new LinkedHashMap<>();
        start.clusters().forEach(c -> regions.computeIfAbsent(c.region(), r -> new ArrayList<>()).add(c));
        List<Event.FaultStarted> partitions = history.of(Event.FaultStarted.class)
                .filter(f -> f.fault().equals("partition")).toList();
        Map<String, Box> boxes = new LinkedHashMap<>();
        Map<String, Box> regionBoxes = new LinkedHashMap<>();
        int row = regions.values().stream().mapToInt(TopologyDiagram::regionWidth).sum() + 40 * (regions.size() - 1);
        int x = Math.max(20, (WIDTH - row) / 2);
        for (var region : regions.entrySet()) {
            int w = regionWidth(region.getValue());
            regionBoxes.put(region.getKey(), new Box(x, REGIONS_Y, w, HEADER + BOX_H + 2 * PAD));
            int cx = x + PAD;
            for (Event.ClusterInfo c : region.getValue()) {
                boxes.put(c.name(), new Box(cx, REGIONS_Y + HEADER + PAD, BOX_W, BOX_H));
                cx += BOX_W + GAP;
            }
            x += w + 40;
        }
        int width = Math.max(WIDTH, x - 20);
        int regionsBottom = REGIONS_Y + HEADER + BOX_H + 2 * PAD;
        int height = regionsBottom + 60 + 28 * Math.max(0, regions.size() - 1);
        Box global = new Box(width / 2 - 150, 16, 300, 40);
        return ChartSvg.render("topology", width, height, g -> {
            g.setFont(ChartSvg.LABEL);
            regionBoxes.forEach((name, box) -> {
                g.setPaint(REGION);
                g.fill(box.shape());
                g.setPaint(Color.DARK_GRAY);
                g.drawString("region " + name + intraRegionCuts(name, partitions, start), box.x + PAD, box.y + 16);
            });
            boxes.forEach((name, box) -> {
                Set<Integer> cuts = cuts(partitions, f -> crosses(f, Set.of(name), GLOBAL));
                link(g, new Line2D.Double(global.midX(), global.bottom(), box.midX(), box.y), cuts, null,
                        (global.midX() + box.midX()) / 2, (global.bottom() + box.y) / 2.0);
            });
            drawRegionLinks(g, start, partitions, regionBoxes);
            drawBox(g, global, false, "global clients / load balancer", "", "");
            for (Event.ClusterInfo c : start.clusters()) {
                drawCluster(g, boxes.get(c.name()), c, history);
            }
        });
    }

    private static int regionWidth(List<Event.ClusterInfo> clusters) {
        return clusters.size() * (BOX_W + GAP) - GAP + 2 * PAD;
    }

    /** An arc under each pair of regions, deeper the further apart they are drawn. */
    private static void drawRegionLinks(SVGGraphics2D g, Event.RunStarted start, List<Event.FaultStarted> partitions,
            Map<String, Box> regionBoxes) {
        List<String> names = List.copyOf(regionBoxes.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                Box a = regionBoxes.get(names.get(i));
                Box b = regionBoxes.get(names.get(j));
                double depth = a.bottom() + 24 + 28 * (j - i);
                Set<String> inA = clustersIn(start, names.get(i));
                Set<String> inB = clustersIn(start, names.get(j));
                Set<Integer> cuts = cuts(partitions, f -> crosses(f, inA, inB));
                link(g, new QuadCurve2D.Double(a.midX(), a.bottom(), (a.midX() + b.midX()) / 2, depth, b.midX(),
                        b.bottom()), cuts, rtt(start, names.get(i), names.get(j)), (a.midX() + b.midX()) / 2,
                        (a.bottom() + depth) / 2 + 16);
            }
        }
    }

    /** A link, solid grey, or red and dashed with the indices of the faults that cut it. */
    private static void link(SVGGraphics2D g, Shape shape, Set<Integer> cuts, String label, double labelX,
            double labelY) {
        boolean cut = !cuts.isEmpty();
        g.setPaint(cut ? ChartSvg.P99 : LINK);
        g.setStroke(cut ? DASHED : SOLID);
        g.draw(shape);
        List<String> parts = new ArrayList<>();
        if (label != null) {
            parts.add(label);
        }
        if (cut) {
            parts.add("cut by " + indices(cuts));
        }
        if (!parts.isEmpty()) {
            String text = String.join(", ", parts);
            g.setPaint(cut ? ChartSvg.P99 : Color.DARK_GRAY);
            g.drawString(text, (float) (labelX - g.getFontMetrics().stringWidth(text) / 2.0), (float) labelY);
        }
        g.setStroke(SOLID);
    }

    private static void drawCluster(SVGGraphics2D g, Box box, Event.ClusterInfo cluster, History history) {
        Optional<Event.FaultStarted> loss = history.of(Event.FaultStarted.class)
                .filter(f -> f.fault().equals("cluster-loss") && f.between().contains(cluster.name())).findFirst();
        long lostNodes = history.of(Event.NodeStatus.class)
                .filter(n -> n.cluster().equals(cluster.name()) && !"True".equals(n.status()))
                .map(Event.NodeStatus::node).distinct().count();
        String mark = loss.map(f -> "cluster lost (#" + f.index() + ")")
                .orElse(lostNodes > 0 ? lostNodes + " of " + cluster.nodes() + " nodes lost" : "");
        drawBox(g, box, loss.isPresent(), cluster.name(),
                cluster.role() + " · " + cluster.nodes() + (cluster.nodes() == 1 ? " node" : " nodes"), mark);
    }

    /** A white box (outlined thick red when {@code lost}) with a bold title, a second line and a red third line. */
    private static void drawBox(SVGGraphics2D g, Box box, boolean lost, String title, String line, String alert) {
        g.setPaint(Color.WHITE);
        g.fill(box.shape());
        g.setPaint(lost ? ChartSvg.P99 : Color.BLACK);
        g.setStroke(lost ? LOST : SOLID);
        g.draw(box.shape());
        g.setStroke(SOLID);
        g.setFont(BOLD);
        g.setPaint(Color.BLACK);
        g.drawString(title, box.x + 10, box.y + 18);
        g.setFont(ChartSvg.LABEL);
        g.setPaint(Color.DARK_GRAY);
        g.drawString(line, box.x + 10, box.y + 36);
        g.setPaint(ChartSvg.P99);
        g.drawString(alert, box.x + 10, box.y + 54);
    }

    /** {@code ": cut inside by #1"} when a partition separated clusters of the same region. */
    private static String intraRegionCuts(String region, List<Event.FaultStarted> partitions, Event.RunStarted start) {
        Set<String> in = clustersIn(start, region);
        Set<Integer> cuts = cuts(partitions, f -> f.between().stream().anyMatch(in::contains)
                && f.and().stream().anyMatch(in::contains));
        return cuts.isEmpty() ? "" : ": cut inside by " + indices(cuts);
    }

    /** Whether a partition has one of {@code a} on one side and one of {@code b} on the other. */
    private static boolean crosses(Event.FaultStarted f, Set<String> a, Set<String> b) {
        return f.between().stream().anyMatch(a::contains) && f.and().stream().anyMatch(b::contains)
                || f.between().stream().anyMatch(b::contains) && f.and().stream().anyMatch(a::contains);
    }

    private static Set<Integer> cuts(List<Event.FaultStarted> partitions,
            Predicate<Event.FaultStarted> cutsLink) {
        Set<Integer> indices = new TreeSet<>();
        partitions.stream().filter(cutsLink).forEach(f -> indices.add(f.index()));
        return indices;
    }

    private static String indices(Set<Integer> indices) {
        return String.join(", ", indices.stream().map(i -> "#" + i).toList());
    }

    private static Set<String> clustersIn(Event.RunStarted start, String region) {
        Set<String> names = new HashSet<>();
        start.clusters().stream().filter(c -> c.region().equals(region)).forEach(c -> names.add(c.name()));
        return names;
    }

    /** The RTT label of two regions: none when the history predates recorded RTTs, 0 ms when unlisted. */
    private static String rtt(Event.RunStarted start, String a, String b) {
        if (start.rtts().isEmpty()) {
            return null;
        }
        double ms = start.rtts().stream()
                .filter(r -> r.a().equals(a) && r.b().equals(b) || r.a().equals(b) && r.b().equals(a))
                .mapToDouble(Event.RegionRtt::rttMs).findFirst().orElse(0);
        return "rtt " + ChartSvg.tenth(ms) + " ms";
    }

    private record Box(int x, int y, int w, int h) {
        RoundRectangle2D shape() {
            return new RoundRectangle2D.Double(x, y, w, h, 8, 8);
        }

        double midX() {
            return x + w / 2.0;
        }

        int bottom() {
            return y + h;
        }
    }
}
