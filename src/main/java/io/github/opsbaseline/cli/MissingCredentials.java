package io.github.opsbaseline.cli;

/** The one line printed when no credentials can be found: where the SDK looked and how to fix it. */
final class MissingCredentials {

    private static final String CHAIN = "Unable to load credentials from any of the providers in the chain";
    private static final int MAX_DETAIL = 160;

    private MissingCredentials() { }

    static String message(String sdkMessage) {
        String detail = ApiCalls.firstLine(sdkMessage);
        if (detail.startsWith(CHAIN)) {
            // The SDK lists every provider with its own reason: too long for one line, and the fix is the same.
            detail = "none in the default chain (environment variables, AWS_PROFILE or the default profile, SSO, web identity,"
                    + " container or instance role).";
        } else {
            int colon = detail.indexOf(": ProfileFile(");
            detail = colon > 0 ? detail.substring(0, colon) + "." : detail;
            detail = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 3) + "..." : detail;
        }
        return "no AWS credentials: " + detail
                + " Sign in (aws sso login), pass --profile NAME, or set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.";
    }
}
