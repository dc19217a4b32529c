package it.expertfeedback.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Authentication and method security: active in every kind of start (web server or command such as the
 * schema rollback). The HTTP filter chains live in {@link WebSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity // @PreAuthorize on services; views use @RolesAllowed for Vaadin navigation only (see DD005)
class SecurityConfiguration {

    /**
     * Every service method is secured, so every call was also a Micrometer observation of its authorization
     * (context, tags, timers): a quarter of the review inbox's claim in the JVM (JFR, docs/PERFORMANCE.md) for a
     * series the product does not publish or alert on (docs/OPERATIONS.md, "Metrics"). Authentications (logins,
     * tokens, API keys) stay observed; the filter chain is not observed by default.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults().shouldObserveAuthorizations(false).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(DatabaseUserDetailsService userDetailsService,
                                                PasswordEncoder passwordEncoder,
                                                ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(userDetailsService);
        provider.setPasswordEncoder(passwordEncoder);
        // The password is checked first, the lock and the enabled flag after: refusing a locked account before the
        // (slow) password check would answer measurably faster and so tell a locked account from an unknown email.
        provider.setPreAuthenticationChecks(account -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        ProviderManager manager = new ProviderManager(provider);
        // Failure/success events drive the lock-out counter, for the browser and the API alike.
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /** HMAC key for bearer tokens: EFS_JWT_SECRET when set (≥ 32 bytes), else random per start. */
    @Bean
    SecretKey tokenSigningKey(@Value("${efs.security.jwt-secret:}") String configuredSecret) {
        byte[] key;
        if (configuredSecret.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        } else {
            key = configuredSecret.getBytes(StandardCharsets.UTF_8);
            if (key.length < 32) {
                throw new IllegalStateException("efs.security.jwt-secret must be at least 32 bytes");
            }
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey tokenSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey));
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey tokenSigningKey) {
        return NimbusJwtDecoder.withSecretKey(tokenSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
    }
}
