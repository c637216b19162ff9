package io.mch.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shards split a search's tries without overlap or gap, whatever the budget. */
class ShardTest {

    @Test
    void theShardsOfASearchTryEveryNumberOnce() {
        for (int count = 1; count <= 5; count++) {
            List<Integer> all = new ArrayList<>();
            for (int index = 1; index <= count; index++) {
                all.addAll(new Shard(index, count).tries(13));
            }
            assertThat(all).hasSize(13).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n).isBetween(0, 12));
        }
        assertThat(new Shard(2, 3).tries(10)).containsExactly(1, 4, 7);
        assertThat(Shard.WHOLE.tries(3)).containsExactly(0, 1, 2);
    }

    @Test
    void parsesIOfNAndRefusesAnIndexOutsideIt() {
        assertThat(Shard.parse("2/4")).hasValue(new Shard(2, 4));
        assertThat(Shard.parse("0/4")).isEmpty();
        assertThat(Shard.parse("5/4")).isEmpty();
        assertThat(Shard.parse("1-4")).isEmpty();
    }
}
