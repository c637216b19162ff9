package io.mch.harness.backend.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

    private static final Map<String, String> POD = Map.of("app", "api-server", "tier", "web");

    @Test
    void serviceSelectorsNeedEveryPairAndSelectNothingWhenEmpty() {
        assertThat(Labels.selects(Map.of("app", "api-server"), POD)).isTrue();
        assertThat(Labels.selects(Map.of("app", "api-server", "tier", "db"), POD)).isFalse();
        assertThat(Labels.selects(Map.of(), POD)).isFalse();
        assertThat(Labels.selects(Map.of("app", "api-server"), null)).isFalse();
    }

    @Test
    void setBasedExpressionsAreEvaluatedHereBecauseTheMockIgnoresThem() {
        assertThat(Labels.selects(expression("tier", "In", "web", "api"), POD)).isTrue();
        assertThat(Labels.selects(expression("tier", "In", "db"), POD)).isFalse();
        assertThat(Labels.selects(expression("tier", "NotIn", "db"), POD)).isTrue();
        assertThat(Labels.selects(expression("tier", "NotIn", "web"), POD)).isFalse();
        assertThat(Labels.selects(expression("zone", "NotIn", "a"), POD)).isTrue();
        assertThat(Labels.selects(expression("app", "Exists"), POD)).isTrue();
        assertThat(Labels.selects(expression("zone", "Exists"), POD)).isFalse();
        assertThat(Labels.selects(expression("zone", "DoesNotExist"), POD)).isTrue();
    }

    @Test
    void matchLabelsAndExpressionsMustBothHold() {
        LabelSelector selector = new LabelSelectorBuilder()
                .addToMatchLabels("app", "api-server")
                .addNewMatchExpression().withKey("tier").withOperator("In").withValues("db").endMatchExpression()
                .build();
        assertThat(Labels.selects(selector, POD)).isFalse();
        assertThat(Labels.selects(new LabelSelector(), POD)).isFalse();
        assertThat(Labels.selects((LabelSelector) null, POD)).isFalse();
    }

    @Test
    void anUnknownOperatorIsAnError() {
        assertThatThrownBy(() -> Labels.selects(expression("tier", "Near", "web"), POD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Near");
    }

    private static LabelSelector expression(String key, String operator, String... values) {
        return new LabelSelectorBuilder()
                .addNewMatchExpression()
                .withKey(key)
                .withOperator(operator)
                .withValues(values)
                .endMatchExpression()
                .build();
    }
}
