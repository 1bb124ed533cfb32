package io.github.opsbaseline.cli;

import static io.github.opsbaseline.operations.StatusReaderPermissions.CONFIG_DESCRIBE_COMPLIANCE_BY_CONFIG_RULE;
import static io.github.opsbaseline.operations.StatusReaderPermissions.GUARDDUTY_GET_FINDINGS_STATISTICS;
import static io.github.opsbaseline.operations.StatusReaderPermissions.GUARDDUTY_LIST_DETECTORS;

import io.github.opsbaseline.cli.StatusReport.ConfigRule;
import io.github.opsbaseline.cli.StatusReport.ConfigRules;
import io.github.opsbaseline.cli.StatusReport.GuardDuty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.DescribeComplianceByConfigRuleResponse;
import software.amazon.awssdk.services.guardduty.model.Condition;
import software.amazon.awssdk.services.guardduty.model.FindingCriteria;
import software.amazon.awssdk.services.guardduty.model.GroupByType;
import software.amazon.awssdk.services.guardduty.model.SeverityStatistics;

/** GuardDuty's active findings by severity and AWS Config's non-compliant rules. */
final class SecurityFindingsReader {

    private SecurityFindingsReader() { }

    /** Findings of the region's detector, banded as GuardDuty does: low 1-3.9, medium 4-6.9, high 7-8.9, critical 9-10. */
    static GuardDuty guardDuty(ReadContext ctx) {
        try {
            List<String> detectors = ctx.calls().call(InfraReader.SECTION, GUARDDUTY_LIST_DETECTORS,
                    () -> ctx.aws().guardDuty().listDetectors(r -> r.maxResults(50))).detectorIds();
            if (detectors.isEmpty()) {
                return new GuardDuty(false, null, null, null, null, null);
            }
            String detector = detectors.get(0);
            // groupBy SEVERITY: findingStatisticTypes (COUNT_BY_SEVERITY) is deprecated in the API.
            List<SeverityStatistics> bySeverity = ctx.calls().call(InfraReader.SECTION, GUARDDUTY_GET_FINDINGS_STATISTICS,
                    () -> ctx.aws().guardDuty().getFindingsStatistics(r -> r.detectorId(detector)
                            .groupBy(GroupByType.SEVERITY).maxResults(100)
                            .findingCriteria(FindingCriteria.builder()
                                    .criterion(Map.of("service.archived", Condition.builder().equalsValue("false").build()))
                                    .build())))
                    .findingStatistics().groupedBySeverity();
            int[] bands = new int[4];
            for (SeverityStatistics group : bySeverity) {
                double s = group.severity();
                bands[s >= 9 ? 0 : s >= 7 ? 1 : s >= 4 ? 2 : 3] += group.totalFindings();
            }
            return new GuardDuty(true, detector, bands[0], bands[1], bands[2], bands[3]);
        } catch (ApiCalls.Failed e) {
            ctx.calls().report(e.problem());
            return null;
        }
    }

    static ConfigRules configRules(ReadContext ctx) {
        List<ConfigRule> rules = new ArrayList<>();
        String token = null;
        try {
            do {
                String next = token;
                DescribeComplianceByConfigRuleResponse page = ctx.calls().call(InfraReader.SECTION,
                        CONFIG_DESCRIBE_COMPLIANCE_BY_CONFIG_RULE,
                        () -> ctx.aws().config().describeComplianceByConfigRule(r -> r
                                .complianceTypes(ComplianceType.NON_COMPLIANT).nextToken(next)));
                page.complianceByConfigRules().forEach(c -> {
                    var count = c.compliance() == null ? null : c.compliance().complianceContributorCount();
                    rules.add(new ConfigRule(c.configRuleName(), count == null ? null
                            : count.cappedCount() + (Boolean.TRUE.equals(count.capExceeded()) ? "+" : "")));
                });
                token = page.nextToken();
            } while (token != null);
        } catch (ApiCalls.Failed e) {
            ctx.calls().report(e.problem());
            return null;
        }
        rules.sort(java.util.Comparator.comparing(ConfigRule::name));
        return new ConfigRules(rules.size(), rules);
    }
}
