package io.github.opsbaseline.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.AwsCron;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AwsCronTest {

    @ParameterizedTest
    @ValueSource(strings = {"cron(0 2 ? * * *)", "cron(0 3 ? * SUN *)", "cron(0 4 1 * ? *)", "cron(0 5 ? * 1#1 *)",
        "cron(15 10 ? * 6L 2027)", "cron(0 8 L * ? *)", "cron(0 8 LW * ? *)", "cron(0 8 15W * ? *)",
        "cron(0 0/2 ? JAN-MAR MON-FRI *)", "cron(30 1,13 ? * * 2026-2030)"})
    void acceptsAwsCronExpressions(String expression) {
        assertThat(AwsCron.problem(expression)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rate(1 day)|expected an AWS cron expression",
        "cron(0 2 * * *)|expected 6 cron fields",
        "cron(0 2 ? * ? *)|found both",
        "cron(0 2 * * * *)|found neither",
        "cron(60 2 ? * * *)|minutes out of range 0-59",
        "cron(0 2 ? 13 * *)|month out of range 1-12",
        "cron(0 ? ? * * *)|\"?\" is only allowed in day-of-month or day-of-week",
        "cron(0 2 ? * 2#6 *)|not a valid day-of-week value",
        "cron(0 2 ? * FUN *)|not a valid day-of-week value",
        "cron(0 2 ? * * 1969)|year out of range 1970-2199"})
    void refusesWhatAwsRefuses(String expression, String problem) {
        assertThat(AwsCron.problem(expression)).contains(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cron(0/15 * ? * * *)", "cron(0,30 * ? * * *)", "cron(* 2 ? * * *)"})
    void backupSchedulesRunAtMostHourly(String expression) {
        assertThat(AwsCron.problem(expression)).isNull();
        assertThat(AwsCron.hourlyOrLessProblem(expression)).contains("at most once an hour");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cron(5 * ? * * *)", "cron(0 2 ? * * *)"})
    void oneMinuteAnHourIsFine(String expression) {
        assertThat(AwsCron.hourlyOrLessProblem(expression)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cron(0 2 ? * * 2020)|never fires: every year of \"2020\" is past",
        "cron(0 2 ? * * 2019-2025)|never fires: every year of \"2019-2025\" is past",
        "cron(0 2 31 2 ? *)|never fires: none of the months \"2\" has a day \"31\"",
        "cron(0 2 30,31 FEB ? *)|never fires: none of the months \"FEB\" has a day \"30,31\"",
        "cron(0 2 31 APR,JUN,SEP,NOV ? *)|never fires: none of the months \"APR,JUN,SEP,NOV\" has a day \"31\""})
    void refusesSchedulesThatNeverFire(String expression, String problem) {
        assertThat(AwsCron.problem(expression)).isNull();
        assertThat(AwsCron.neverFiresProblem(expression, 2026)).startsWith(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cron(0 2 ? * * *)", "cron(0 2 ? * * 2026)", "cron(0 2 ? * * 2020,2030)",
        "cron(0 2 29 2 ? *)", "cron(0 2 31 NOV-JAN ? *)", "cron(0 2 31 1/3 ? *)", "cron(0 2 30-31 * ? *)",
        "cron(0 2 L 2 ? *)", "cron(0 2 30W 2 ? *)", "cron(0 2 ? FEB 5L *)", "cron(0 2 ? * 1#5 *)"})
    void acceptsSchedulesThatFireSomeYear(String expression) {
        assertThat(AwsCron.problem(expression)).isNull();
        assertThat(AwsCron.neverFiresProblem(expression, 2026)).isNull();
    }
}
