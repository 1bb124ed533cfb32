package io.github.opsbaseline.config;

/** Compliance standards an environment can declare; each selects cdk-nag packs and Config rules. */
public enum ComplianceStandard {
    PCI_DSS, HIPAA, NIST_800_53_R5, SOC2, GDPR, CIS
}
