package it.expertfeedback.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import it.expertfeedback.security.ui.LoginView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three filter chains: the stateless REST API (bearer tokens, problem+json errors, never a redirect),
 * the actuator (health is public), and the Vaadin UI (session login through the Italian login view).
 * All three send the same protective headers (CSP, Referrer-Policy, nosniff, HSTS over HTTPS).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class WebSecurityConfiguration {

    /** Nothing in a JSON answer is ever to be run, framed or loaded by a browser. */
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * What Vaadin Flow needs and no more: its bootstrap page has inline scripts and its client runs the server's
     * JavaScript through Function() ('unsafe-inline', 'unsafe-eval': without either the journeys fail, which
     * BrowserTest reports as CSP violations), inline styles, Lumo's data: fonts and icons, and the same origin only
     * for requests (push over ws/wss when enabled). No third-party source of any kind.
     */
    static final String UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self' ws: wss:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** The OpenAPI page's own scripts and styles (Swagger UI), from this origin only. */
    static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * The API's description (/api/v1/openapi.json) and its browsable page (/api/docs, served from /api/swagger-ui):
     * public, like the login they document; the page needs a CSP that lets its own scripts run.
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocsFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/api/v1/openapi.json",
                        "/api/v1/openapi.json/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> protectiveHeaders(headers, DOCS_CSP));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ProblemSecurityHandlers problems,
                                       BearerTokenAuthenticationConverter tokenConverter, RateLimits rateLimits,
                                       ApiKeyService apiKeys, @Value("${efs.cors.allowed-origins:}") String corsOrigins)
            throws Exception {
        http.securityMatcher("/api/**")
                // The assistant's chat client runs on another origin (§9): its preflights are answered here, before
                // authentication, and only for the origins the operator listed.
                .cors(cors -> cors.configurationSource(apiCors(corsOrigins)))
                // The assistant's API keys (efs_ak_...) next to login tokens; the JWT resolver skips them.
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/refresh").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/password").authenticated()
                        // An account with a one-time password may do nothing else until it changed it.
                        .anyRequest().access(authenticatedWithoutOneTimePassword()))
                .requestCache(cache -> cache.disable());
        statelessWithBearerTokens(http, problems, tokenConverter)
                .addFilterAfter(new ApiRateLimitFilter(rateLimits, problems), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /** EFS_CORS_ALLOWED_ORIGINS, comma-separated; none by default (then no cross-origin call is allowed). */
    static CorsConfigurationSource apiCors(String allowedOrigins) {
        List<String> origins = Arrays.stream(allowedOrigins.split(",")).map(String::strip)
                .filter(origin -> !origin.isEmpty()).toList();
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!origins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(origins);
            config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
            config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                    HttpHeaders.ACCEPT_LANGUAGE));
            config.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
            // Bearer tokens, not cookies: the browser need not send credentials.
            config.setAllowCredentials(false);
            config.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/api/**", config);
        }
        return source;
    }

    private static AuthorizationManager<RequestAuthorizationContext> authenticatedWithoutOneTimePassword() {
        return (authentication, context) -> {
            Authentication caller = authentication.get();
            boolean allowed = caller != null && caller.isAuthenticated()
                    && !(caller instanceof AnonymousAuthenticationToken)
                    && caller.getAuthorities().stream().noneMatch(authority ->
                            BearerTokenAuthenticationConverter.ONE_TIME_PASSWORD.equals(authority.getAuthority()));
            return new AuthorizationDecision(allowed);
        };
    }

    /**
     * Health (and its liveness/readiness groups) is public; the rest (Prometheus metrics) needs an ADMIN's bearer
     * token, as the API does, unless it is asked on the separate management port (EFS_MANAGEMENT_PORT), which an
     * operator keeps on a private network for the scraper.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http, ProblemSecurityHandlers problems,
                                            BearerTokenAuthenticationConverter tokenConverter,
                                            @Value("${management.server.port:}") String managementPortSetting)
            throws Exception {
        int managementPort = managementPortSetting.isBlank() ? -1 : Integer.parseInt(managementPortSetting.strip());
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(request -> managementPort > 0 && request.getLocalPort() == managementPort)
                        .permitAll()
                        .anyRequest().hasRole(AppRoles.ADMIN));
        statelessWithBearerTokens(http, problems, tokenConverter);
        return http.build();
    }

    /**
     * The API and the actuator answer machines: no session, no CSRF (no cookie to ride on), bearer tokens checked
     * the same way (account version included), and 401/403 as problem+json, never a redirect to the sign-in page.
     */
    private static HttpSecurity statelessWithBearerTokens(HttpSecurity http, ProblemSecurityHandlers problems,
                                                          BearerTokenAuthenticationConverter tokenConverter)
            throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .headers(headers -> protectiveHeaders(headers, API_CSP))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resource -> resource
                        // The assistant's API keys are not JWTs: the resolver leaves them to ApiKeyAuthenticationFilter.
                        .bearerTokenResolver(new ApiKeyAwareBearerTokenResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenConverter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                      RequestUtil vaadinRequests, RateLimits rateLimits,
                                      @Value("${efs.security.login-failure-url:/login?error}") String failureUrl)
            throws Exception {
        // A locked account gets the same answer as a wrong password: a different one would confirm the email.
        // A database that cannot be reached is not a wrong password either.
        ExceptionMappingAuthenticationFailureHandler failureHandler = new ExceptionMappingAuthenticationFailureHandler();
        failureHandler.setDefaultFailureUrl(failureUrl);
        failureHandler.setExceptionMappings(Map.of(InternalAuthenticationServiceException.class.getName(),
                "/login?unavailable"));
        http.authenticationManager(authenticationManager)
                // Public, static script libraries from webjars (ECharts for the dashboard): no data behind them.
                .authorizeHttpRequests(auth -> auth.requestMatchers("/webjars/**").permitAll())
                // Vaadin's own CSRF set-up also exempts the login form; ours keeps only Vaadin's internal requests
                // exempt (they carry Vaadin's own CSRF token), so a cross-site POST to /login is refused. The login
                // form sends the token itself: vaadin-login-form copies the _csrf meta tag Flow writes into the page.
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .enableCsrfConfiguration(false))
                .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest))
                .headers(headers -> protectiveHeaders(headers, UI_CSP))
                .formLogin(form -> form.failureHandler(failureHandler))
                .addFilterBefore(new FormLoginRateLimitFilter(rateLimits), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    private static void protectiveHeaders(HeadersConfigurer<HttpSecurity> headers, String contentSecurityPolicy) {
        // Written before the request goes on, not when the answer is committed: Vaadin answers through a servlet
        // forward, and a forwarded answer is completed by the container without passing the commit hook.
        headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentTypeOptions(Customizer.withDefaults())
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }
}
