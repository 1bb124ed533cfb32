package io.github.opsbaseline.security;

import io.github.opsbaseline.core.ResourceNames;
import software.amazon.awscdk.services.accessanalyzer.CfnAnalyzer;
import software.constructs.Construct;

/** An IAM Access Analyzer for the account: reports resources shared outside it. */
public class AccessAnalyzer extends Construct {

    public AccessAnalyzer(Construct scope, String id, ResourceNames names) {
        super(scope, id);
        CfnAnalyzer.Builder.create(this, "Analyzer").analyzerName(names.name("access-analyzer")).type("ACCOUNT").build();
    }
}
