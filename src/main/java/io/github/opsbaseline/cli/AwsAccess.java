package io.github.opsbaseline.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.config.ConfigClient;

/**
 * The SDK clients of one run: one HTTP client (the JDK's URLConnection), the default credential
 * chain or a named profile, the environment's region, and an explicit retry strategy (standard
 * mode, bounded attempts, exponential backoff with jitter, throttling backed off longer).
 */
final class AwsAccess implements AutoCloseable {

    /** Cost Explorer has one endpoint, in us-east-1, whatever the workload's region. */
    static final String COST_EXPLORER_REGION = "us-east-1";

    /**
     * How the run talks to AWS; tests shorten the delays.
     *
     * @param maxAttempts attempts per call, the first included (retries = maxAttempts - 1)
     * @param backoffBase first retry delay of a transient error (doubles per attempt, jittered)
     * @param throttlingBackoffBase first retry delay after throttling
     * @param backoffMax largest delay between attempts
     * @param profileFile the AWS config/credentials file for {@code --profile}; null = the SDK's usual files
     * @param credentials credentials to use instead of the chain or profile (tests); null = chain or profile
     */
    record Settings(int maxAttempts, Duration backoffBase, Duration throttlingBackoffBase, Duration backoffMax,
                    Path profileFile, AwsCredentialsProvider credentials) {

        static Settings defaults() {
            return new Settings(4, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(20), null, null);
        }
    }

    private final String region;
    private final URI endpoint;
    private final Settings settings;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final Map<String, AutoCloseable> clients = new LinkedHashMap<>();

    AwsAccess(String region, String profile, URI endpoint, Settings settings) {
        this.region = region;
        this.endpoint = endpoint;
        this.settings = settings;
        this.credentials = credentials(profile, settings);
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
    }

    private static AwsCredentialsProvider credentials(String profile, Settings settings) {
        if (settings.credentials() != null) {
            return settings.credentials();
        }
        if (profile == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        ProfileCredentialsProvider.Builder builder = ProfileCredentialsProvider.builder().profileName(profile);
        if (settings.profileFile() != null) {
            builder.profileFile(ProfileFile.builder().content(settings.profileFile()).type(ProfileFile.Type.CONFIGURATION).build());
        }
        return builder.build();
    }

    AwsCredentialsProvider credentials() {
        return credentials;
    }

    int maxAttempts() {
        return settings.maxAttempts();
    }

    RetryStrategy retryStrategy() {
        StandardRetryStrategy.Builder builder = AwsRetryStrategy.standardRetryStrategy().toBuilder();
        return builder
                .maxAttempts(settings.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(settings.backoffBase(), settings.backoffMax()))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(settings.throttlingBackoffBase(), settings.backoffMax()))
                // Cost Explorer's rate limit and Logs Insights' concurrent-query limit are
                // LimitExceededException, which the SDK neither retries nor counts as throttling.
                .retryOnException(AwsAccess::rateLimit)
                // treatAsThrottling replaces the SDK's own test: keep it, or its throttling errors would
                // get the short backoff (found by a review helper)
                .treatAsThrottling(AwsAccess::throttling)
                // A CLI run is short: every call gets its full attempts rather than a shared token bucket's.
                .circuitBreakerEnabled(false)
                .build();
    }

    /**
     * Cost Explorer's "too many calls in a short period of time", and Logs Insights' limit on concurrent
     * queries per account (queries of dashboards and other users count).
     */
    static boolean rateLimit(Throwable error) {
        return error instanceof software.amazon.awssdk.services.costexplorer.model.LimitExceededException
                || error instanceof software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
    }

    /** What gets the longer throttling backoff: the SDK's throttling errors, and {@link #rateLimit}. */
    static boolean throttling(Throwable error) {
        return (error instanceof SdkException e && RetryUtils.isThrottlingException(e)) || rateLimit(error);
    }

    CloudWatchClient cloudWatch() {
        return client("cloudwatch", region, () -> configure(CloudWatchClient.builder(), region));
    }

    CloudWatchLogsClient logs() {
        return client("logs", region, () -> configure(CloudWatchLogsClient.builder(), region));
    }

    EcsClient ecs() {
        return client("ecs", region, () -> configure(EcsClient.builder(), region));
    }

    ElasticLoadBalancingV2Client elb() {
        return client("elb", region, () -> configure(ElasticLoadBalancingV2Client.builder(), region));
    }

    RdsClient rds() {
        return client("rds", region, () -> configure(RdsClient.builder(), region));
    }

    ElastiCacheClient elastiCache() {
        return client("elasticache", region, () -> configure(ElastiCacheClient.builder(), region));
    }

    GuardDutyClient guardDuty() {
        return client("guardduty", region, () -> configure(GuardDutyClient.builder(), region));
    }

    ConfigClient config() {
        return client("config", region, () -> configure(ConfigClient.builder(), region));
    }

    /** Backup in a region (null = the home region): the DR vault lives in the DR region. */
    BackupClient backup(String inRegion) {
        String r = inRegion == null ? region : inRegion;
        return client("backup", r, () -> configure(BackupClient.builder(), r));
    }

    CostExplorerClient costExplorer() {
        return client("ce", COST_EXPLORER_REGION, () -> configure(CostExplorerClient.builder(), COST_EXPLORER_REGION));
    }

    @SuppressWarnings("unchecked")
    private <C extends AutoCloseable> C client(String service, String inRegion, Supplier<C> create) {
        return (C) clients.computeIfAbsent(service + "@" + inRegion, k -> create.get());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configure(B builder, String inRegion) {
        builder.region(Region.of(inRegion))
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retryStrategy())
                        .apiCallTimeout(Duration.ofSeconds(120))
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    @Override
    public void close() {
        clients.values().forEach(c -> {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing an idle client cannot lose data
            }
        });
        http.close();
    }
}
