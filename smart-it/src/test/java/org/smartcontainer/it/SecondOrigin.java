package org.smartcontainer.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A web origin other than the portal's, on loopback (ports {@code it.second-origin.ports}, default
 * 41500-41599): serves the test apps' pages ({@code /raw-app/*.html} from the test resources {@code raw-app/})
 * and a REST app's pages, and records what they report
 * (SMART Connect events, OAuth callbacks). Client side only.
 */
final class SecondOrigin implements AutoCloseable {

    /** Something an app page or the OAuth callback reported. */
    record Event(String name, String detail, String instance) {
    }

    private final HttpServer server;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Map<String, String> config = new LinkedHashMap<>();
    private volatile int from;

    private SecondOrigin(HttpServer server) {
        this.server = server;
        server.createContext("/raw-app/", this::rawApp);
        server.createContext("/rest-app/", this::restApp);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** Starts on the first free port of the range, starting after {@code after} (0 for the first). */
    static SecondOrigin start(int after) throws IOException {
        String[] range = System.getProperty("it.second-origin.ports", "41500-41599").split("-");
        int first = Math.max(Integer.parseInt(range[0]), after + 1);
        for (int port = first; port <= Integer.parseInt(range[1]); port++) {
            try {
                return new SecondOrigin(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16));
            } catch (BindException taken) {
                // try the next port
            }
        }
        throw new IOException("No free port in " + range[0] + "-" + range[1]);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** e.g. http://127.0.0.1:41500 */
    String origin() {
        return "http://127.0.0.1:" + port();
    }

    void configure(String name, String value) {
        config.put(name, value);
    }

    List<Event> events() {
        return new ArrayList<>(events);
    }

    /** From now on, {@link #await} and {@link #has} only see newer events (one test's own). */
    void mark() {
        from = events.size();
    }

    private List<Event> recent() {
        List<Event> all = new ArrayList<>(events);
        return all.subList(Math.min(from, all.size()), all.size());
    }

    /** Waits for an event since the last mark; fails the test when none comes in time. */
    Event await(String name, Predicate<Event> matching, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Event e : recent()) {
                if (e.name().equals(name) && matching.test(e)) {
                    return e;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No '" + name + "' event within " + timeout + "; events: " + recent());
    }

    boolean has(String name, Predicate<Event> matching) {
        return recent().stream().anyMatch(e -> e.name().equals(name) && matching.test(e));
    }

    private void rawApp(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        switch (path) {
            case "/raw-app/icon.svg" -> answer(exchange, 200, "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\""
                    + " viewBox=\"0 0 24 24\"><rect width=\"24\" height=\"24\" rx=\"5\" fill=\"#2e7d32\"/>"
                    + "<path d=\"M10 5h4v5h5v4h-5v5h-4v-5H5v-4h5z\" fill=\"#fff\"/></svg>");
            case "/raw-app/event" -> {
                events.add(new Event(query.getOrDefault("name", ""), query.getOrDefault("detail", ""),
                        query.getOrDefault("instance", "")));
                answer(exchange, 204, "text/plain", "");
            }
            case "/raw-app/config.json" -> {
                StringBuilder json = new StringBuilder("{");
                config.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                        .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
                answer(exchange, 200, "application/json", json.append('}').toString());
            }
            default -> {
                if (path.matches("/raw-app/[a-z-]+\\.html")) {
                    resource(exchange, path.substring(1));
                } else {
                    answer(exchange, 404, "text/plain", "not found");
                }
            }
        }
    }

    private void restApp(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String raw = exchange.getRequestURI().getRawQuery();
        switch (path) {
            case "/rest-app/index.html" -> {
                events.add(new Event("rest-index", raw == null ? "" : raw, ""));
                answer(exchange, 200, "text/html", "<!DOCTYPE html><html><head><title>REST app</title></head><body>"
                        + "<h1>REST app started</h1><p id=\"query\">" + escape(raw) + "</p></body></html>");
            }
            case "/rest-app/after_auth" -> {
                events.add(new Event("callback", raw == null ? "" : raw, ""));
                answer(exchange, 200, "text/html", "<!DOCTYPE html><html><head><title>REST app callback</title></head><body>"
                        + "<h1 id=\"callback\">Back at the app</h1><p id=\"query\">" + escape(raw) + "</p></body></html>");
            }
            default -> answer(exchange, 404, "text/plain", "not found");
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void resource(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = SecondOrigin.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                answer(exchange, 404, "text/plain", "missing " + name);
                return;
            }
            answer(exchange, 200, "text/html; charset=utf-8", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /** Parses a raw query string. */
    static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    static Duration seconds(int s) {
        return Duration.ofSeconds(s);
    }
}
