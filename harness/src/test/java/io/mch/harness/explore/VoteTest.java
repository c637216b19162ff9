package io.mch.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The k-of-n rule: decided as early as the runs allow, never on runs that could still turn it. */
class VoteTest {

    private final Vote twoOfThree = Vote.DEFAULT;

    @Test
    void twoOfThreeIsDecidedByTwoAlikeRunsAndOtherwiseByTheThird() {
        assertThat(twoOfThree.decided(2, 0)).isTrue();
        assertThat(twoOfThree.decided(0, 2)).isTrue();
        assertThat(twoOfThree.decided(1, 1)).isFalse();
        assertThat(twoOfThree.decided(2, 1)).isTrue();
        assertThat(twoOfThree.decided(1, 2)).isTrue();
        assertThat(twoOfThree.fewestToDecide(0, 0)).isEqualTo(2);
        assertThat(twoOfThree.fewestToDecide(1, 1)).isEqualTo(1);
        assertThat(twoOfThree.fewestToDecide(1, 0)).isEqualTo(1);
    }

    @Test
    void theShareOfReplaysIsJudgedAtTheVotesOwnRatio() {
        assertThat(twoOfThree.holdsShare(4, 5)).isTrue();
        assertThat(twoOfThree.holdsShare(3, 5)).isFalse();
        assertThat(twoOfThree.holdsShare(2, 3)).isTrue();
        assertThat(twoOfThree.holdsShare(0, 0)).isFalse();
    }

    @Test
    void parsesKOfNAndRefusesWhatIsNotAVote() {
        assertThat(Vote.parse("3/5")).hasValue(new Vote(3, 5));
        assertThat(Vote.parse("1/1")).hasValue(new Vote(1, 1));
        assertThat(Vote.parse("4/3")).isEmpty();
        assertThat(Vote.parse("0/3")).isEmpty();
        assertThat(Vote.parse("2/21")).isEmpty();
        assertThat(Vote.parse("two")).isEmpty();
    }
}
