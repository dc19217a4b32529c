package it.expertfeedback.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import it.expertfeedback.security.ui.LoginView;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Three filter chains: the stateless REST API (bearer tokens, problem+json errors, never a redirect),
 * the actuator (health is public), and the Vaadin UI (session login through the Italian login view).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class WebSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ProblemSecurityHandlers problems,
                                       BearerTokenAuthenticationConverter tokenConverter,
                                       ApiKeyService apiKeys) throws Exception {
        http.securityMatcher("/api/**")
                // The assistant's API keys (efs_ak_...) next to login tokens; the JWT resolver skips them.
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, problems), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(resource -> resource
                        .bearerTokenResolver(new ApiKeyAwareBearerTokenResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenConverter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
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
                        .anyRequest().hasRole(AppRoles.ADMIN))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenConverter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain uiFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                      @Value("${efs.security.login-failure-url:/login?error}") String failureUrl)
            throws Exception {
        ExceptionMappingAuthenticationFailureHandler failureHandler = new ExceptionMappingAuthenticationFailureHandler();
        failureHandler.setDefaultFailureUrl(failureUrl);
        failureHandler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        http.authenticationManager(authenticationManager)
                // Public, static script libraries from webjars (ECharts for the dashboard): no data behind them.
                .authorizeHttpRequests(auth -> auth.requestMatchers("/webjars/**").permitAll())
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .formLogin(form -> form.failureHandler(failureHandler));
        return http.build();
    }
}
