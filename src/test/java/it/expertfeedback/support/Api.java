package it.expertfeedback.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running test server: no MockMvc, no shortcuts. */
public final class Api {

    private static final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return Api.json.readTree(body);
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response post(String path, String token, String jsonBody) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    public Response put(String path, String token, String jsonBody) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)).build());
    }

    /** A request to build by hand (preflights, forms, custom headers). */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    public Response send(HttpRequest.Builder request) {
        return send(request.build());
    }

    public Response login(String email, String password) {
        return post("/api/v1/auth/login", null,
                json.createObjectNode().put("email", email).put("password", password).toString());
    }

    public String token(String email, String password) {
        Response response = login(email, password);
        if (response.status() != 200) {
            throw new IllegalStateException("Login failed for " + email + ": " + response.status() + " " + response.body());
        }
        return response.json().get("access_token").asString();
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
