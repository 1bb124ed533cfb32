package io.github.opsbaseline.compliance;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.HIPAASecurityChecks;
import io.github.cdklabs.cdknag.NIST80053R5Checks;
import io.github.cdklabs.cdknag.NagPack;
import io.github.cdklabs.cdknag.NagPackProps;
import io.github.cdklabs.cdknag.PCIDSS321Checks;
import io.github.opsbaseline.config.ComplianceStandard;
import java.util.List;
import java.util.function.Function;
import software.amazon.awscdk.Aspects;
import software.constructs.IConstruct;

/**
 * The cdk-nag rule packs an environment is checked against: AWS Solutions always, and the pack of
 * each declared standard that cdk-nag has (SOC 2, GDPR and CIS have none; AWS Config rules cover
 * them at run time).
 */
public final class CompliancePacks {

    /**
     * One pack: its class, how to make it, and the standard that asks for it (null: every
     * environment, whatever it declares).
     */
    private record Pack(Class<? extends NagPack> type, Function<NagPackProps, NagPack> factory,
                        ComplianceStandard standard) {

        boolean isFor(List<ComplianceStandard> standards) {
            return standard == null || standards.contains(standard);
        }
    }

    private static final List<Pack> PACKS = List.of(
            new Pack(AwsSolutionsChecks.class, AwsSolutionsChecks::new, null),
            new Pack(HIPAASecurityChecks.class, HIPAASecurityChecks::new, ComplianceStandard.HIPAA),
            new Pack(NIST80053R5Checks.class, NIST80053R5Checks::new, ComplianceStandard.NIST_800_53_R5),
            new Pack(PCIDSS321Checks.class, PCIDSS321Checks::new, ComplianceStandard.PCI_DSS));

    private CompliancePacks() { }

    /** The packs for these standards, AWS Solutions first. */
    public static List<NagPack> forStandards(List<ComplianceStandard> standards) {
        // Reports off: they would write CSV files into cdk.out and break byte-identical synths.
        NagPackProps props = NagPackProps.builder().verbose(true).reports(false).build();
        return PACKS.stream().filter(p -> p.isFor(standards)).map(p -> p.factory().apply(props)).toList();
    }

    /**
     * The class names of those packs, which are cdk-nag's export names in every language (the
     * benchmark's JavaScript fixture applies the same); no pack is made, so no jsii runtime starts.
     */
    public static List<String> names(List<ComplianceStandard> standards) {
        return PACKS.stream().filter(p -> p.isFor(standards)).map(p -> p.type().getSimpleName()).toList();
    }

    /** Runs the packs over {@code scope} at synth; findings become error and warning annotations. */
    public static void apply(IConstruct scope, List<ComplianceStandard> standards) {
        forStandards(standards).forEach(pack -> Aspects.of(scope).add(pack));
    }
}
