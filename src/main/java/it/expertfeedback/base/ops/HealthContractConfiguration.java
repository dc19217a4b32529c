package it.expertfeedback.base.ops;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointWebExtension;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointProperties;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the body of {@code /actuator/health} exactly {@code {"status":"UP"}} (DOMAIN.md §7, §10) now that the
 * liveness and readiness groups exist: Spring Boot lists every group's name in the root body ({@code "groups"}),
 * which monitors that compare the body would read as a change of contract. The groups themselves answer at
 * {@code /actuator/health/liveness} and {@code /actuator/health/readiness} as usual; only the list is left out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HealthContractConfiguration {

    @Bean
    HealthEndpointWebExtension healthEndpointWebExtension(HealthContributorRegistry registry,
                                                          ObjectProvider<ReactiveHealthContributorRegistry> reactive,
                                                          HealthEndpointGroups groups,
                                                          HealthEndpointProperties properties) {
        return new StatusOnlyHealthEndpointWebExtension(registry, reactive.getIfAvailable(), groups, properties);
    }

    @EndpointWebExtension(endpoint = HealthEndpoint.class)
    static class StatusOnlyHealthEndpointWebExtension extends HealthEndpointWebExtension {

        StatusOnlyHealthEndpointWebExtension(HealthContributorRegistry registry,
                                             @Nullable ReactiveHealthContributorRegistry reactive,
                                             HealthEndpointGroups groups, HealthEndpointProperties properties) {
            super(registry, reactive, groups, properties.getLogging().getSlowIndicatorThreshold());
        }

        @Override
        protected HealthDescriptor aggregateDescriptors(ApiVersion apiVersion, Map<String, HealthDescriptor> contributions,
                                                        StatusAggregator statusAggregator, boolean showComponents,
                                                        @Nullable Set<String> groupNames) {
            // No group names: the root answers like any composite, status (and components if ever shown) only.
            return super.aggregateDescriptors(apiVersion, contributions, statusAggregator, showComponents, null);
        }
    }
}
