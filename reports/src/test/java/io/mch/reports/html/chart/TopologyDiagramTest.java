package io.mch.reports.html.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.mch.reports.history.Event;
import io.mch.reports.history.History;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyDiagramTest {

    private static Event.RunStarted start(String third) {
        return new Event.RunStarted(0, "s", "t", "embedded", 7, 60_000, 100, 500,
                List.of(new Event.ClusterInfo("us-east", "us-east-1", "active", 3),
                        new Event.ClusterInfo("eu-west", "eu-west-1", "passive", 3),
                        new Event.ClusterInfo(third, "ap-south-1", "passive", 1)),
                1, List.of(new Event.RegionRtt("us-east-1", "eu-west-1", 76)));
    }

    @Test
    void drawsClustersByRegionWithRttsCutLinksAndLosses() {
        History history = new History(List.of(
                start("ap-south"),
                new Event.FaultStarted(1_000, 0, "partition", "us-east cut off", List.of("us-east"),
                        List.of("eu-west", "clients")),
                new Event.NodeStatus(2_000, "eu-west", "node-1", "NotReady"),
                new Event.NodeStatus(3_000, "eu-west", "node-1", "True"),
                new Event.NodeStatus(3_000, "eu-west", "node-2", "True"),
                new Event.FaultStarted(4_000, 1, "cluster-loss", "cluster-loss of ap-south", List.of("ap-south"),
                        List.of())));
        String svg = TopologyDiagram.of(history).orElseThrow().svg();
        assertThat(svg).startsWith("<svg").contains("id='topology'")
                .contains("us-east", "eu-west", "ap-south", "region us-east-1", "region ap-south-1")
                .contains("global clients / load balancer")
                .contains("active · 3 nodes", "passive · 1 node")
                .contains("rtt 76 ms, cut by #0")
                .contains("rtt 0 ms")
                .contains("1 of 3 nodes lost")
                .contains("cluster lost (#1)");
        // The cut links (us-east-1 to eu-west-1, global to us-east) are red and dashed; the others are not.
        assertThat(count(svg, "stroke-dasharray")).isEqualTo(2);
        assertThat(svg).containsPattern("stroke:rgb\\(185,28,28\\)[^']*stroke-dasharray");
    }

    @Test
    void aRunWithoutFaultsDrawsNoCutAndAnOldHistoryNoRtt() {
        Event.RunStarted old = new Event.RunStarted(0, "s", "t", "embedded", 7, 60_000, 100, 500,
                start("ap-south").clusters());
        String svg = TopologyDiagram.of(new History(List.of(old))).orElseThrow().svg();
        assertThat(svg).contains("us-east").doesNotContain("stroke-dasharray").doesNotContain("rtt ")
                .doesNotContain("lost");
        assertThat(TopologyDiagram.of(new History(List.of()))).isEmpty();
    }

    @Test
    void recordedNamesAreDrawnAsEscapedText() {
        String svg = TopologyDiagram.of(new History(List.of(start("<script>alert(1)</script>")))).orElseThrow().svg();
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
