package it.expertfeedback.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** DOMAIN.md §10 hardening over real HTTP: headers on every kind of answer, cookies, CSRF on the login form. */
@IntegrationTest
class SecurityHeadersTest {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    @Test
    void the_login_page_a_view_and_the_api_carry_the_protective_headers() throws Exception {
        HttpResponse<String> login = get("/login", null);
        String session = sessionOf(login);
        HttpResponse<String> view = get("/", signIn(testUsers.create("REVIEWER", "EXPERT").email()));
        HttpResponse<String> api = get("/api/v1/faq?limit=1", null);
        HttpResponse<String> health = get("/actuator/health", null);

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(session).isNotBlank();
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("<html");
        assertThat(api.statusCode()).isEqualTo(401);
        for (HttpResponse<String> response : List.of(login, view, api, health)) {
            String what = response.uri().getPath();
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp ->
                    assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("*"));
            // Plain HTTP from a client: no HSTS (it would be ignored and wrong on a non-TLS port).
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what).isEmpty();
        }
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "object-src 'none'");
        assertThat(api.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("default-src 'none'");
    }

    @Test
    void the_scripts_of_the_page_are_served_with_nosniff_too() throws Exception {
        HttpResponse<String> login = get("/login", null);
        Matcher script = Pattern.compile("<script[^>]+src=\"([^\"]+)\"").matcher(login.body());
        assertThat(script.find()).as("the login page loads a script").isTrue();
        String src = URI.create("http://localhost/login").resolve(script.group(1)).getPath();

        HttpResponse<String> resource = get(src, sessionOf(login));

        assertThat(resource.statusCode()).as(src).isEqualTo(200);
        assertThat(resource.headers().firstValue("X-Content-Type-Options")).as(src).hasValue("nosniff");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax() throws Exception {
        HttpResponse<String> login = get("/login", null);

        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(cookie).doesNotContainIgnoringCase("Secure");
    }

    @Test
    void behind_a_tls_proxy_the_session_cookie_is_secure_and_hsts_is_sent() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7").GET().build();
        HttpResponse<String> login = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                assertThat(hsts).contains("max-age=31536000"));
    }

    @Test
    void a_cross_site_post_to_the_login_form_is_refused_and_signs_nobody_in() throws Exception {
        TestUsers.Created user = testUsers.create("REVIEWER");
        // What a foreign page's auto-submitting form sends: the right fields, no CSRF token, a session the
        // attacker's browser may have (here: a fresh one from the login page).
        String session = sessionOf(get("/login", null));
        HttpResponse<String> forged = postLogin(session, user.email(), TestUsers.PASSWORD, null);

        // Refused before the credentials are even looked at: back to the bare login page (a wrong password
        // would be /login?error, a success the application), and the session stays anonymous.
        assertThat(forged.statusCode()).isIn(302, 403);
        if (forged.statusCode() == 302) {
            assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
        HttpResponse<String> afterwards = get("/", session);
        assertThat(afterwards.statusCode()).as("still anonymous").isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void the_login_form_with_the_token_of_its_page_signs_in() throws Exception {
        TestUsers.Created user = testUsers.create("REVIEWER");

        String session = signIn(user.email());

        assertThat(get("/", session).statusCode()).isEqualTo(200);
    }

    /** Signs in as the browser does: the login page's session and CSRF token, then the form POST. */
    private String signIn(String email) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login", null);
        String session = sessionOf(page);
        Matcher token = CSRF_META.matcher(page.body());
        assertThat(token.find()).as("the login page carries the CSRF token for vaadin-login-form").isTrue();
        HttpResponse<String> posted = postLogin(session, email, TestUsers.PASSWORD, token.group(1));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String renewed = posted.headers().allValues("Set-Cookie").stream().map(SESSION::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(session);
        return renewed;
    }

    private HttpResponse<String> postLogin(String session, String email, String password, String csrf)
            throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .header("Cookie", "JSESSIONID=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionOf(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }
}
