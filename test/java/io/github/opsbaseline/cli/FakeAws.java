package io.github.opsbaseline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS on loopback: an HTTP server on 127.0.0.1 (ephemeral port) that routes each signed SDK request
 * to the IAM action it is (signing name from the SigV4 {@code Authorization} header; the operation
 * from the {@code Action} form parameter for the query protocol, {@code X-Amz-Target} for JSON
 * RPC, method and path for REST-JSON), records it, and answers from a scenario. Faults
 * (AccessDenied, throttling) are injected per action in the protocol's own error shape.
 */
final class FakeAws implements AutoCloseable {

    /** A request as the fake sees it. {@code region} is the SigV4 signing region. */
    record Request(String action, String method, String path, Map<String, String> query, Map<String, String> form,
                   JsonNode json, String region) {

        String param(String name) {
            String v = form.get(name);
            if (v == null) {
                v = query.get(name);
            }
            if (v == null && json != null && json.has(name)) {
                v = json.get(name).asText();
            }
            return v;
        }

        String service() {
            return action.substring(0, action.indexOf(':'));
        }
    }

    /** A response: status, content type, body and extra headers. */
    record Response(int status, String contentType, String body, Map<String, String> headers) {
        static Response xml(String body) {
            return new Response(200, "text/xml", body, Map.of());
        }

        static Response json(String body) {
            return new Response(200, "application/x-amz-json-1.1", body, Map.of());
        }
    }

    /** Services on the query protocol (XML responses, XML errors) in SDK 2.40. */
    static final Set<String> QUERY_SERVICES = Set.of("cloudwatch", "rds", "elasticache", "elasticloadbalancing");

    private static final Map<String, String> SIGNING_TO_IAM = Map.of("monitoring", "cloudwatch", "logs", "logs", "ecs", "ecs",
            "elasticloadbalancing", "elasticloadbalancing", "rds", "rds", "elasticache", "elasticache", "guardduty", "guardduty",
            "config", "config", "backup", "backup", "ce", "ce");
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> signedFor = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Function<Request, Response>> faults = new ConcurrentHashMap<>();
    private final Function<Request, Response> scenario;

    FakeAws(Function<Request, Response> scenario) throws IOException {
        this.scenario = scenario;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every action received, in order (retries included). */
    List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Every request as {@code action@signing-region}, in order. */
    List<String> receivedWithRegions() {
        synchronized (signedFor) {
            return List.copyOf(signedFor);
        }
    }

    /** Answers every call of {@code action} with AccessDenied. */
    void denyAlways(String action) {
        faults.put(action, r -> error(r, "access-denied"));
    }

    /** Throttles the first {@code times} calls of {@code action}, then lets the scenario answer. */
    void throttle(String action, int times) {
        AtomicInteger left = new AtomicInteger(times);
        faults.put(action, r -> left.getAndDecrement() > 0 ? error(r, "throttled") : null);
    }

    void fault(String action, Function<Request, Response> fault) {
        faults.put(action, fault);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Response response;
        try {
            Request request = parse(exchange);
            received.add(request.action());
            signedFor.add(request.action() + "@" + request.region());
            Function<Request, Response> fault = faults.get(request.action());
            Response injected = fault == null ? null : fault.apply(request);
            response = injected != null ? injected : scenario.apply(request);
            if (response == null) {
                response = new Response(500, "text/plain", "no fixture for " + request.action(), Map.of());
            }
        } catch (RuntimeException e) {
            response = new Response(500, "text/plain", "fake AWS failed: " + e, Map.of());
        }
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000");
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Request parse(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher m = CREDENTIAL.matcher(auth == null ? "" : auth);
        if (!m.find()) {
            throw new IllegalStateException("unsigned request: " + exchange.getRequestURI());
        }
        String region = m.group(1);
        String service = SIGNING_TO_IAM.get(m.group(2));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
        Map<String, String> form = Map.of();
        JsonNode json = null;
        String operation;
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (QUERY_SERVICES.contains(service)) {
            form = decode(body);
            operation = form.get("Action");
        } else if (target != null) {
            json = JSON.readTree(body.isEmpty() ? "{}" : body);
            operation = target.substring(target.indexOf('.') + 1);
        } else {
            json = body.isEmpty() ? null : JSON.readTree(body);
            operation = restOperation(service, method, path);
        }
        return new Request(service + ":" + operation, method, path, query, form, json, region);
    }

    /** The REST-JSON operations the CLI calls (GuardDuty, Backup). */
    private static String restOperation(String service, String method, String path) {
        if (service.equals("guardduty")) {
            if (method.equals("GET") && path.equals("/detector")) {
                return "ListDetectors";
            }
            if (method.equals("POST") && path.matches("/detector/[^/]+/findings/statistics")) {
                return "GetFindingsStatistics";
            }
        }
        if (service.equals("backup")) {
            if (path.startsWith("/backup-jobs")) {
                return "ListBackupJobs";
            }
            if (path.startsWith("/copy-jobs")) {
                return "ListCopyJobs";
            }
            if (path.matches("/backup-vaults/[^/]+/recovery-points/?")) {
                return "ListRecoveryPointsByBackupVault";
            }
        }
        return "Unknown(" + method + " " + path + ")";
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    /** An error in the shape of the request's protocol: {@code kind} access-denied or throttled. */
    static Response error(Request request, String kind) {
        String service = request.service();
        boolean denied = kind.equals("access-denied");
        String message = denied
                ? "User: arn:aws:sts::777788889999:assumed-role/operator/alice is not authorized to perform: " + request.action()
                : "Rate exceeded";
        if (QUERY_SERVICES.contains(service)) {
            String code = denied ? "AccessDenied" : service.equals("cloudwatch") ? "Throttling" : "Throttling";
            return new Response(denied ? 403 : 400, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>" + code
                    + "</Code><Message>" + message + "</Message></Error><RequestId>00000000-0000-4000-8000-000000000000</RequestId></ErrorResponse>",
                    Map.of());
        }
        // each service's own rate-limit error: Cost Explorer's is LimitExceededException, which the SDK
        // does not know as throttling by itself
        String type = denied ? "AccessDeniedException" : service.equals("backup") || service.equals("guardduty")
                ? "TooManyRequestsException" : service.equals("ce") ? "LimitExceededException" : "ThrottlingException";
        int status = denied ? (service.equals("backup") || service.equals("guardduty") ? 403 : 400) : (type.equals("TooManyRequestsException") ? 429 : 400);
        return new Response(status, "application/x-amz-json-1.1", "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}",
                Map.of("x-amzn-ErrorType", type));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
