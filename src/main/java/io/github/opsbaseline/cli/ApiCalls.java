package io.github.opsbaseline.cli;

import io.github.opsbaseline.cli.StatusReport.Problem;
import io.github.opsbaseline.operations.StatusReaderPermissions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs each AWS call under the IAM action it needs and turns a failure into one clear line: the
 * missing permission for AccessDenied, the attempts spent for throttling, the missing credentials.
 * Readers catch {@link Failed} per item, record its problem and go on with the next item.
 */
final class ApiCalls {

    private static final List<String> ACCESS_DENIED = List.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedException", "AuthorizationError", "NotAuthorized");
    private static final List<String> NOT_FOUND_SUFFIXES = List.of("NotFound", "NotFoundFault", "NotFoundException");

    /** A call that failed; its problem is already worded for the operator. */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        Failed(Problem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    /** Error codes of credentials AWS does not accept (bad signature, unknown key, expired session). */
    static final List<String> BAD_CREDENTIALS = List.of("InvalidClientTokenId", "SignatureDoesNotMatch",
            "UnrecognizedClientException", "InvalidAccessKeyId", "InvalidSignatureException", "IncompleteSignature",
            "AuthFailure");

    private final String policyName;
    private final int maxAttempts;
    private final List<Problem> problems = new ArrayList<>();

    ApiCalls(String policyName, int maxAttempts) {
        this.policyName = policyName;
        this.maxAttempts = maxAttempts;
    }

    /** Runs {@code call}, which needs {@code action} (one of {@link StatusReaderPermissions}). */
    <T> T call(String section, String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new Failed(problem(section, action, e));
        }
    }

    /** Records a problem (a failed call or something that is not there) for the report. */
    synchronized void report(Problem problem) {
        problems.add(problem);
    }

    synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }

    Problem problem(String section, String action, SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? "" : String.valueOf(service.awsErrorDetails().errorCode());
            // also 403s, but the keys are wrong, not the permissions: pointing at IAM would mislead
            if (BAD_CREDENTIALS.contains(code) || code.startsWith("ExpiredToken")) {
                return new Problem(section, action, "invalid-credentials", code + ": AWS refused these credentials"
                        + " (wrong, expired or for another partition); sign in again (aws sso login) or check --profile"
                        + " and AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN");
            }
            if (ACCESS_DENIED.contains(code) || service.statusCode() == 403) {
                return new Problem(section, action, "access-denied", "AccessDenied: this identity may not call " + action
                        + " (" + usedFor(action) + "); grant " + action + " or attach the " + policyName + " policy");
            }
            if (AwsAccess.throttling(service)) {
                return new Problem(section, action, "throttled", "throttled: " + action + " was still throttled after "
                        + maxAttempts + " attempts with backoff; try again later or with a longer --interval");
            }
            if (NOT_FOUND_SUFFIXES.stream().anyMatch(code::endsWith)) {
                return new Problem(section, action, "not-found", "not found: " + action + ": " + firstLine(service.awsErrorDetails().errorMessage()));
            }
            return new Problem(section, action, "error", action + " failed: " + code + ": "
                    + firstLine(service.awsErrorDetails() == null ? service.getMessage() : service.awsErrorDetails().errorMessage()));
        }
        String message = firstLine(e.getMessage());
        if (e instanceof SdkClientException && message.toLowerCase(Locale.ROOT).contains("unable to load credentials")) {
            return new Problem(section, action, "missing-credentials", MissingCredentials.message(message));
        }
        if (hasCause(e, IOException.class)) {
            return new Problem(section, action, "unreachable", "cannot reach AWS for " + action + ": " + message);
        }
        return new Problem(section, action, "error", action + " failed: " + message);
    }

    private static String usedFor(String action) {
        return StatusReaderPermissions.all().stream().filter(p -> p.action().equals(action))
                .map(StatusReaderPermissions.Permission::usedFor).findFirst().orElse("status");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
