package io.github.opsbaseline.compliance;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import io.github.opsbaseline.config.ComplianceStandard;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Aspects;
import software.constructs.IConstruct;

/**
 * The cdk-nag rule packs an environment is checked against: AWS Solutions always, and the pack of
 * each declared standard that cdk-nag has (SOC 2, GDPR and CIS have none; AWS Config rules cover
 * them at run time).
 */
public final class CompliancePacks {

    private CompliancePacks() { }

    /** The packs for these standards, AWS Solutions first. */
    public static List<NagPack> forStandards(List<ComplianceStandard> standards) {
        // Reports off: they would write CSV files into cdk.out and break byte-identical synths.
        NagPackProps props = NagPackProps.builder().verbose(true).reports(false).build();
        List<NagPack> packs = new ArrayList<>();
        packs.add(new AwsSolutionsChecks(props));
        if (standards.contains(ComplianceStandard.HIPAA)) {
            packs.add(new HIPAASecurityChecks(props));
        }
        if (standards.contains(ComplianceStandard.NIST_800_53_R5)) {
            packs.add(new NIST80053R5Checks(props));
        }
        if (standards.contains(ComplianceStandard.PCI_DSS)) {
            packs.add(new PCIDSS321Checks(props));
        }
        return packs;
    }

    /** Runs the packs over {@code scope} at synth; findings become error and warning annotations. */
    public static void apply(IConstruct scope, List<ComplianceStandard> standards) {
        forStandards(standards).forEach(pack -> Aspects.of(scope).add(pack));
    }
}
