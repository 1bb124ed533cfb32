package io.github.opsbaseline.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import software.amazon.awscdk.RemovalPolicy;

/** What happens to stateful resources (buckets, keys, vaults, log groups) when a stack is deleted. */
public enum RemovalChoice {
    /** Keep them: the default, and the only sane choice for anything holding audit or backup data. */
    @JsonProperty("retain") RETAIN,
    /** Delete them with the stack: for throw-away development environments only. */
    @JsonProperty("destroy") DESTROY;

    public RemovalPolicy toCdk() {
        return this == RETAIN ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }
}
