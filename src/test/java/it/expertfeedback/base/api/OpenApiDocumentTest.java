package it.expertfeedback.base.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.IntegrationTest;
import it.expertfeedback.support.TestUsers;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OpenAPI document (DOMAIN.md §9) against the code and the wire: every {@code @RequestMapping} of the project's
 * controllers (found by reflection) is in it, its schemas are snake_case, it declares bearer auth and problem+json
 * errors, and real answers validate against the schemas it gives for them.
 */
@IntegrationTest
class OpenApiDocumentTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    TestUsers testUsers;

    Api api;
    JsonNode document;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        Api.Response response = api.get("/api/v1/openapi.json", null);
        assertThat(response.status()).as("public, like the login it documents").isEqualTo(200);
        document = MAPPER.readTree(response.body());
        // Kept for reading when an assertion fails.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/openapi.json"), response.body());
    }

    /** "METHOD /path" for every handler method of every @RestController under it.expertfeedback. */
    static Set<String> mappingsInCode() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<String> mappings = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("it.expertfeedback")) {
            Class<?> controller = Class.forName(candidate.getBeanClassName());
            RequestMapping root = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String[] prefixes = root == null || root.path().length == 0 ? new String[] {""} : root.path();
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String[] paths = mapping.path().length == 0 ? new String[] {""} : mapping.path();
                for (String prefix : prefixes) {
                    for (String path : paths) {
                        for (var verb : mapping.method()) {
                            mappings.add(verb.name() + " " + prefix + path);
                        }
                    }
                }
            }
        }
        return mappings;
    }

    Set<String> mappingsInDocument() {
        Set<String> mappings = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(verb -> mappings.add(verb.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        return mappings;
    }

    @Test
    void the_document_lists_every_request_mapping_of_the_project() throws Exception {
        Set<String> inCode = mappingsInCode();
        assertThat(inCode).as("the scan finds the controllers").hasSizeGreaterThan(20)
                .contains("POST /api/v1/expert-feedback/submit", "GET /api/v1/improvement-tasks", "POST /api/v1/auth/refresh");
        assertThat(mappingsInDocument()).containsAll(inCode);
    }

    @Test
    void the_browsable_page_is_served_without_sign_in() {
        Api.Response docs = api.get("/api/docs", null);
        assertThat(docs.status()).isBetween(300, 399);
        String page = docs.raw().headers().firstValue("Location").orElseThrow();
        Api.Response ui = api.get(page.replaceFirst("^https?://[^/]+", ""), null);
        assertThat(ui.status()).as(page).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(ui.raw().headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        Api.Response config = api.get("/api/v1/openapi.json/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("/api/v1/openapi.json");
    }

    @Test
    void schemas_are_snake_case_with_bearer_auth_and_problem_json_errors() {
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearer")).isTrue();
        JsonNode submit = document.at("/paths/~1api~1v1~1expert-feedback~1submit/post");
        for (String status : new String[] {"401", "403", "409", "422", "429", "500"}) {
            assertThat(submit.at("/responses/" + status + "/content").has("application/problem+json"))
                    .as("status " + status).isTrue();
        }
        JsonNode login = document.at("/paths/~1api~1v1~1auth~1login/post");
        assertThat(login.has("security") && login.get("security").isEmpty()).as("login needs no token").isTrue();
        assertThat(login.at("/requestBody/content").has("application/json")).isTrue();
        assertThat(login.at("/requestBody/content").has("application/x-www-form-urlencoded")).isTrue();

        Set<String> camel = new TreeSet<>();
        document.get("components").get("schemas").fields().forEachRemaining(schema -> {
            JsonNode properties = schema.getValue().get("properties");
            if (properties != null) {
                properties.fieldNames().forEachRemaining(name -> {
                    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                        camel.add(schema.getKey() + "." + name);
                    }
                });
            }
        });
        assertThat(camel).as("property names as on the wire").isEmpty();
        assertThat(document.at("/components/schemas/SubmitResponse/properties").has("generated_task_id")).isTrue();
    }

    @Test
    void real_answers_validate_against_their_schemas() throws Exception {
        TestUsers.Created expert = testUsers.createVerifiedExpert();
        String token = api.token(expert.email(), TestUsers.PASSWORD);
        String body = """
                {"query_id": "%s", "feedback_type": "incorrect", "query_text": "Aliquota IVA sui servizi medici? %s",
                 "original_answer": "Il 22%%.", "expert_answer": "Sono esenti (art. 10 DPR 633/1972).",
                 "confidence_score": 0.9, "time_spent_seconds": 60, "additional_details": "Esenzione dimenticata.",
                 "regulatory_references": ["Art. 10 DPR 633/1972"]}""".formatted(UUID.randomUUID(), UUID.randomUUID());
        Api.Response submitted = api.post("/api/v1/expert-feedback/submit", token, body);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);

        assertValid("/api/v1/expert-feedback/submit", "post", "201", submitted.body());
        assertValid("/api/v1/expert-feedback/history", "get", "200",
                api.get("/api/v1/expert-feedback/history", token).body());
        assertValid("/api/v1/expert-feedback/{id}", "get", "200",
                api.get("/api/v1/expert-feedback/" + MAPPER.readTree(submitted.body()).get("feedback_id").asText(), token).body());
        assertValid("/api/v1/expert-feedback/experts/me/profile", "get", "200",
                api.get("/api/v1/expert-feedback/experts/me/profile", token).body());
        assertValid("/api/v1/auth/login", "post", "200", api.login(expert.email(), TestUsers.PASSWORD).body());
    }

    private void assertValid(String path, String verb, String status, String answer) throws Exception {
        JsonNode content = document.path("paths").path(path).path(verb).path("responses").path(status).path("content");
        assertThat(content.isObject() && content.size() > 0).as(verb + " " + path + " " + status + " has a schema").isTrue();
        JsonNode schema = content.elements().next().get("schema");
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.setAll((ObjectNode) schema.deepCopy());
        ObjectNode components = MAPPER.createObjectNode();
        components.set("schemas", strict(document.get("components").get("schemas").deepCopy()));
        root.set("components", components);
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(strict(root));
        Set<ValidationMessage> problems = validator.validate(MAPPER.readTree(answer));
        assertThat(problems).as(verb + " " + path + ": " + answer).isEmpty();
    }

    /**
     * Objects refuse properties the document does not name (a camelCase schema would fail on a snake_case answer),
     * and any property may be null: the document does not mark nullability, and the contract's nulls
     * (generated_faq_id before approval, a missing category) are valid answers.
     */
    private static JsonNode strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode properties = object.get("properties");
            if (properties instanceof ObjectNode props) {
                object.put("additionalProperties", false);
                for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    ObjectNode nullable = MAPPER.createObjectNode();
                    ArrayNode anyOf = nullable.putArray("anyOf");
                    anyOf.add(strict(property.getValue()));
                    anyOf.addObject().put("type", "null");
                    property.setValue(nullable);
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("properties")) {
                    field.setValue(strict(field.getValue()));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, strict(array.get(i)));
            }
        }
        return node;
    }
}
