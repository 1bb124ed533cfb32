package io.github.opsbaseline.cli;

/** The one line printed when no credentials can be found: what was tried and how to fix it. */
final class MissingCredentials {

    private MissingCredentials() { }

    static String message(String sdkMessage) {
        return "no AWS credentials: " + ApiCalls.firstLine(sdkMessage)
                + " Sign in (aws sso login), pass --profile NAME, or set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.";
    }
}
