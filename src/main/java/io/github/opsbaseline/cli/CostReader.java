package io.github.opsbaseline.cli;

import static io.github.opsbaseline.operations.StatusReaderPermissions.CE_GET_COST_AND_USAGE;
import static io.github.opsbaseline.operations.StatusReaderPermissions.CE_GET_COST_FORECAST;

import io.github.opsbaseline.cli.StatusReport.Cost;
import io.github.opsbaseline.cli.StatusReport.Problem;
import io.github.opsbaseline.compliance.BaselineTags;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.cost.estimate.CloudAssemblyStacks;
import io.github.opsbaseline.cost.estimate.Estimate;
import io.github.opsbaseline.cost.estimate.PriceBook;
import io.github.opsbaseline.cost.estimate.TemplateEstimator;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.Metric;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.TagValues;

/**
 * Month-to-date spend (through yesterday: Cost Explorer's data lags about a day) and the forecast
 * for the rest of the month, both in UTC days, filtered by the {@code project} tag when the cost
 * config says so; beside the offline estimate of what the baseline itself costs (from a
 * synthesized assembly, when given). Cost Explorer charges USD 0.01 per request: two per reading.
 */
final class CostReader {

    static final String SECTION = "cost";

    private CostReader() { }

    /**
     * Reads the cost section.
     *
     * @param explorer an earlier reading whose Cost Explorer figures are still fresh (then no request is
     *     made, and its {@code readAt} is kept); null to ask Cost Explorer. The offline estimate is read
     *     either way: it is local, and the assembly may have changed.
     */
    static Cost read(ReadContext ctx, Cost explorer) {
        EnvironmentConfig config = ctx.config();
        LocalDate today = LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
        boolean byTag = config.cost().filterByProjectTag();
        Expression filter = byTag ? Expression.builder().tags(TagValues.builder().key(BaselineTags.PROJECT)
                .values(config.project()).build()).build() : null;
        String scope = byTag ? "tag " + BaselineTags.PROJECT + "=" + config.project() : "account";
        Figures figures = explorer != null
                ? new Figures(explorer.currency(), explorer.monthToDateUsd(), explorer.forecastRemainingUsd(), explorer.readAt())
                : askCostExplorer(ctx, filter, today);
        Double estimate = null;
        String source;
        if (ctx.assembly() == null) {
            source = "not available: pass --assembly <cdk.out> (synthesize with npx cdk synth -c env=" + config.environment() + ")";
        } else if (!Files.isRegularFile(ctx.assembly().resolve("manifest.json"))) {
            source = "not available: no cloud assembly at " + ctx.assembly();
            ctx.calls().report(new Problem(SECTION, "-", "not-found", source));
        } else {
            List<TemplateEstimator.StackTemplate> stacks;
            try {
                stacks = CloudAssemblyStacks.of(ctx.assembly(), config);
            } catch (CloudAssemblyStacks.Unreadable e) {
                // a half-written or hand-edited cdk.out: the other sections still count, so no exit 1
                stacks = null;
                ctx.calls().report(new Problem(SECTION, "-", "error", e.getMessage()));
            }
            if (stacks == null) {
                source = "not available: the cloud assembly at " + ctx.assembly() + " could not be read";
            } else if (stacks.isEmpty()) {
                source = "not available: no stacks of " + config.environment() + " in " + ctx.assembly();
            } else {
                Estimate e = new TemplateEstimator(PriceBook.load()).estimate(config.environment(),
                        config.region() == null ? PriceBook.BASE_REGION : config.region(), stacks, config.cost().assumptions());
                estimate = e.totalUsd();
                source = "offline estimate from " + ctx.assembly() + " (list prices of " + e.priceDate() + ")";
            }
        }
        Double monthToDate = figures.monthToDate();
        Double forecast = figures.forecast();
        Double monthEnd = monthToDate == null || forecast == null ? null : monthToDate + forecast;
        return new Cost(figures.currency(), scope, Times.round(monthToDate, 2), Times.round(forecast, 2),
                Times.round(monthEnd, 2), config.cost().monthlyBudgetUsd(), Times.round(estimate, 2), source, figures.readAt());
    }

    /** Cost Explorer's figures of one reading: null where a request failed (its problem is reported). */
    private record Figures(String currency, Double monthToDate, Double forecast, String readAt) { }

    /** The two paid requests: spend this month through yesterday, and the forecast for the rest of it. */
    private static Figures askCostExplorer(ReadContext ctx, Expression filter, LocalDate today) {
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate nextMonth = monthStart.plusMonths(1);
        Double monthToDate = null;
        Double forecast = null;
        String currency = "USD";
        try {
            if (today.isAfter(monthStart)) {
                MetricValue total = ctx.calls().call(SECTION, CE_GET_COST_AND_USAGE, () -> ctx.aws().costExplorer()
                        .getCostAndUsage(r -> r.timePeriod(interval(monthStart, today)).granularity(Granularity.MONTHLY)
                                .metrics("UnblendedCost").filter(filter)))
                        .resultsByTime().stream().findFirst().map(t -> t.total().get("UnblendedCost")).orElse(null);
                monthToDate = total == null ? 0.0 : Double.parseDouble(total.amount());
                currency = total == null ? currency : total.unit();
            } else {
                monthToDate = 0.0;
            }
        } catch (ApiCalls.Failed e) {
            ctx.calls().report(e.problem());
        }
        try {
            MetricValue total = ctx.calls().call(SECTION, CE_GET_COST_FORECAST, () -> ctx.aws().costExplorer()
                    .getCostForecast(r -> r.timePeriod(interval(today, nextMonth)).granularity(Granularity.MONTHLY)
                            .metric(Metric.UNBLENDED_COST).filter(filter))).total();
            forecast = Double.parseDouble(total.amount());
        } catch (ApiCalls.Failed e) {
            ctx.calls().report(e.problem());
        }
        return new Figures(currency, monthToDate, forecast, Times.iso(ctx.now()));
    }

    /** Whether a problem is one of this reader's Cost Explorer requests failing. */
    static boolean costExplorerFailed(Problem problem) {
        return SECTION.equals(problem.section())
                && (CE_GET_COST_AND_USAGE.equals(problem.action()) || CE_GET_COST_FORECAST.equals(problem.action()));
    }

    private static DateInterval interval(LocalDate start, LocalDate endExclusive) {
        return DateInterval.builder().start(start.toString()).end(endExclusive.toString()).build();
    }
}
