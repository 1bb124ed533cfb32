package io.github.opsbaseline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Environments of a stated size for the benchmark: {@code bench-<n>.json} extends {@code prod} with
 * n ECS services, each with its target group, and one database and one cache per ten services.
 */
final class BenchEnvironments {

    private BenchEnvironments() { }

    /** A copy of {@code stacksConfig} plus {@code bench-<n>.json} for every size; returns the directory. */
    static Path write(Path stacksConfig, int... sizes) throws IOException {
        Path dir = Files.createTempDirectory("ops-baseline-bench-");
        try (Stream<Path> files = Files.list(stacksConfig)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (int n : sizes) {
            Files.writeString(dir.resolve(name(n) + ".json"), mapper.writeValueAsString(environment(mapper, n)));
        }
        return dir;
    }

    static String name(int services) {
        return "bench-" + services;
    }

    static ObjectNode environment(ObjectMapper mapper, int services) {
        String account = "777788889999";
        String region = "ap-southeast-1";
        ObjectNode env = mapper.createObjectNode();
        env.put("extends", "prod");
        // prod's own composite rules name prod's services, which a generated workload does not have
        env.putObject("monitoring").putArray("compositeRules");
        ObjectNode workload = env.putObject("workload");
        workload.putArray("vpcs").addObject().put("name", "main").put("vpcId", "vpc-03c4d5e6f7a8b9c0d");
        workload.putArray("loadBalancers").addObject().put("name", "public").put("arn",
                "arn:aws:elasticloadbalancing:" + region + ":" + account + ":loadbalancer/app/bench-alb/3c4d5e6f7a8b9c0d");
        ArrayNode list = workload.putArray("services");
        for (int i = 0; i < services; i++) {
            String name = String.format(Locale.ROOT, "svc-%04d", i);
            list.addObject()
                    .put("name", name)
                    .put("cluster", "bench")
                    .put("logGroup", "/ecs/bench-" + name)
                    .put("loadBalancer", "public")
                    .put("targetGroupArn", "arn:aws:elasticloadbalancing:" + region + ":" + account + ":targetgroup/"
                            + name + "/" + String.format(Locale.ROOT, "%016x", i))
                    .put("healthUrl", "https://api.example.com/" + name + "/health");
        }
        int stores = Math.max(1, services / 10);
        ArrayNode databases = workload.putArray("databases");
        ArrayNode caches = workload.putArray("caches");
        for (int i = 0; i < stores; i++) {
            databases.addObject().put("name", String.format(Locale.ROOT, "db-%03d", i)).put("engine", "postgres")
                    .put("instanceId", String.format(Locale.ROOT, "bench-db-%03d", i))
                    .put("maxConnections", 1700).put("memoryGiB", 16.0).put("storageGiB", 200);
            caches.addObject().put("name", String.format(Locale.ROOT, "cache-%03d", i))
                    .put("replicationGroupId", String.format(Locale.ROOT, "bench-cache-%03d", i)).put("nodes", 2);
        }
        return env;
    }
}
