package io.github.opsbaseline.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How sensitive the workload's data is (seed 003's classification); tagged on every resource. */
public enum DataClassification {
    @JsonProperty("public") PUBLIC,
    @JsonProperty("internal") INTERNAL,
    @JsonProperty("confidential") CONFIDENTIAL,
    @JsonProperty("restricted") RESTRICTED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
