package io.github.opsbaseline.monitoring.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AlarmExpressionTest {

    @Test
    void rendersCloudWatchSyntaxWithPrecedenceAndParentheses() throws Exception {
        AlarmExpression e = AlarmExpression.parse("a-critical AND (b-critical OR NOT c-warning) OR d-critical");
        assertThat(e.toAlarmRule(n -> "p-" + n)).isEqualTo("(ALARM(\"p-a-critical\") AND (ALARM(\"p-b-critical\")"
                + " OR NOT ALARM(\"p-c-warning\"))) OR ALARM(\"p-d-critical\")");
        assertThat(e.names()).containsExactly("a-critical", "b-critical", "c-warning", "d-critical");
    }

    @Test
    void namesAreCountedOnce() throws Exception {
        assertThat(AlarmExpression.parse("a OR a AND NOT a").names()).containsExactly("a");
    }

    @Test
    void reportsWhereTheSyntaxBreaks() {
        assertThatThrownBy(() -> AlarmExpression.parse("a AND")).hasMessage(
                "syntax error at character 6: expected an alarm name, NOT or \"(\", found the end");
        assertThatThrownBy(() -> AlarmExpression.parse("(a OR b")).hasMessage(
                "syntax error at character 8: expected \")\", found the end");
        assertThatThrownBy(() -> AlarmExpression.parse("a b")).hasMessage(
                "syntax error at character 3: expected AND, OR or the end, found \"b\"");
        assertThatThrownBy(() -> AlarmExpression.parse("a & b")).hasMessage(
                "syntax error at character 3: unexpected \"&\"");
        assertThatThrownBy(() -> AlarmExpression.parse("OR a")).hasMessage(
                "syntax error at character 1: expected an alarm name, NOT or \"(\", found \"OR\"");
    }

    @Test
    void nestingIsLimitedSoThatNoRuleOverflowsTheStack() throws Exception {
        int max = AlarmExpression.MAX_NESTING;
        String deepest = "(".repeat(max - 1) + "NOT a" + ")".repeat(max - 1);
        assertThat(AlarmExpression.parse(deepest).names()).containsExactly("a");
        assertThat(AlarmExpression.parse(deepest + " AND " + deepest).names()).containsExactly("a");

        assertThatThrownBy(() -> AlarmExpression.parse("(".repeat(max) + "NOT a" + ")".repeat(max))).hasMessage(
                "syntax error at character " + (max + 1) + ": parentheses and NOTs nested deeper than " + max + " levels");
        assertThatThrownBy(() -> AlarmExpression.parse("NOT ".repeat(max + 1) + "a")).hasMessage(
                "syntax error at character " + (4 * max + 1) + ": parentheses and NOTs nested deeper than " + max + " levels");
        assertThatThrownBy(() -> AlarmExpression.parse("(".repeat(100_000) + "a" + ")".repeat(100_000)))
                .isInstanceOf(AlarmExpression.SyntaxError.class);
    }
}
