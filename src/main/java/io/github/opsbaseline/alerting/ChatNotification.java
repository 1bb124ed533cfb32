package io.github.opsbaseline.alerting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.events.RuleTargetInput;

/**
 * A notification the baseline writes itself, in the custom-notification format of AWS Chatbot (Amazon Q
 * Developer in chat applications). Chatbot forwards CloudWatch alarms and AWS service events as they
 * come, but drops any other message it cannot read, plain text included: a text written for the
 * topic would reach email, SMS and webhooks and never Slack, which is all the info topic has by
 * default. Email and SMS subscribers get this JSON as text.
 *
 * @param title one line, e.g. {@code AWS Backup job failed}
 * @param description what happened and what it means; may hold EventBridge {@code EventField} paths
 * @param nextSteps what a responder does first, in order; default none
 */
public record ChatNotification(String title, String description, List<String> nextSteps) {

    /** The format's version; Chatbot accepts only 1.0. */
    public static final String VERSION = "1.0";

    public ChatNotification {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        nextSteps = nextSteps == null ? List.of() : List.copyOf(nextSteps);
    }

    /** The notification as the format's object: {@code version}, {@code source} custom, {@code content}. */
    public Map<String, Object> toMap() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("textType", "client-markdown");
        content.put("title", title);
        content.put("description", description);
        if (!nextSteps.isEmpty()) {
            content.put("nextSteps", nextSteps);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("version", VERSION);
        message.put("source", "custom");
        message.put("content", content);
        return message;
    }

    /** The notification as an EventBridge target's input (an input transformer for the fields it names). */
    public RuleTargetInput toRuleTargetInput() {
        return RuleTargetInput.fromObject(toMap());
    }
}
