package it.expertfeedback.base.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's OpenAPI 3 description (DOMAIN.md §9) at /api/v1/openapi.json, browsable at /api/docs: property
 * names as on the wire (snake_case, like the application's JSON), bearer authentication, and every error status the
 * API answers as application/problem+json.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "Problem";
    /** Calls that need no token (everything else does). */
    private static final Set<String> PUBLIC_OPERATIONS = Set.of("login", "formLogin", "refresh");

    /** Errors every call may get: the container, the rate limit and the database do not ask which endpoint. */
    private static final Map<String, String> COMMON_ERRORS = Map.of(
            "400", "Unreadable request", "401", "Missing, invalid, expired or revoked token",
            "403", "The role or a workflow rule does not allow it", "404", "Unknown id or path (or not yours to see)",
            "409", "Duplicate or concurrent change", "422", "Invalid fields (per-field messages in errors)",
            "429", "Too many requests (see Retry-After)", "500", "Unexpected error (with a correlation_id)",
            "503", "Database unavailable (see Retry-After)");

    /**
     * swagger-core has its own Jackson 2 mapper, which does not know the application's naming strategy: without
     * this the schemas say camelCase while the API speaks snake_case.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI expertFeedbackOpenApi() {
        Schema<?> problem = new ObjectSchema()
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ObjectSchema().additionalProperties(new StringSchema())
                        .description("field → message, for 422"))
                .addProperty("correlation_id", new StringSchema());
        return new OpenAPI()
                .info(new Info().title("Expert Feedback System API").version("v1")
                        .description("REST API for the assistant and its clients. JSON with snake_case names; errors "
                                + "as application/problem+json. See docs/ASSISTANT.md."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT"))
                        .addSchemas(PROBLEM_SCHEMA, problem))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /** Adds the problem+json answers to every operation and drops the token requirement on the public ones. */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            if (PUBLIC_OPERATIONS.contains(handler.getMethod().getName())
                    && handler.getBeanType().getSimpleName().equals("AuthController")) {
                operation.setSecurity(java.util.List.of());
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            Map<String, String> errors = new LinkedHashMap<>(COMMON_ERRORS);
            errors.forEach((status, description) -> {
                if (!responses.containsKey(status)) {
                    responses.addApiResponse(status, new ApiResponse().description(description)
                            .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
                }
            });
            operation.setResponses(responses);
            return operation;
        };
    }
}
