package it.expertfeedback;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * The structure the project promises in STYLE.md: packages by feature, a feature's service is its only door,
 * repositories stay inside their feature, every route and every service method says who may use it.
 * Plain JUnit tests over one import of the production classes (no ArchUnit engine needed).
 */
class ArchitectureTest {

    private static final String ROOT = "it.expertfeedback";
    private static final List<String> FEATURES = List.of("expert", "feedback", "faq", "analytics", "security", "inbox",
            "improvement");
    /**
     * Only @PreAuthorize is enforced on beans (method security runs without JSR-250, so that Vaadin views are not
     * proxied): a @RolesAllowed on a service would be silently ignored, so it does not count here.
     */
    private static final List<Class<? extends Annotation>> ACCESS_ANNOTATIONS = List.of(PreAuthorize.class);

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void features_do_not_reach_into_each_others_ui_or_api() {
        CompositeArchRule rule = null;
        for (String feature : FEATURES) {
            String home = ROOT + "." + feature;
            ArchRule featureRule = noClasses().that().resideOutsideOfPackage(home + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(home + ".ui..", home + ".api..")
                    .because("a feature is reached through its service, never through another feature's views or controllers");
            rule = rule == null ? CompositeArchRule.of(featureRule) : rule.and(featureRule);
        }
        rule.check(CLASSES);
    }

    @Test
    void repositories_are_not_public() {
        classes().that().areAssignableTo(Repository.class).and().areInterfaces()
                .should().notBePublic()
                .because("a feature's service is its only door (STYLE.md 2)")
                .check(CLASSES);
    }

    @Test
    void repositories_are_used_only_inside_their_own_feature_package() {
        classes().that().areAssignableTo(Repository.class).and().areInterfaces()
                .should(beUsedOnlyFromTheirOwnPackage())
                .check(CLASSES);
    }

    @Test
    void views_and_layouts_state_who_may_open_them() {
        classes().that().areAnnotatedWith(Route.class).or().areAnnotatedWith(Layout.class)
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .because("every route states who may open it (STYLE.md 3)")
                .check(CLASSES);
    }

    @Test
    void rest_controllers_do_not_use_repositories() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("controllers go through the feature's service, where method security applies")
                .check(CLASSES);
    }

    @Test
    void views_do_not_use_repositories() {
        noClasses().that().resideInAPackage("..ui..")
                .or().areAnnotatedWith(Route.class).or().areAnnotatedWith(Layout.class)
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .because("hiding a button is never the protection: views call secured services")
                .check(CLASSES);
    }

    @Test
    void public_service_methods_state_who_may_call_them() {
        methods().that().arePublic()
                .and().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .and().areDeclaredInClassesThat().resideInAPackage(ROOT + "..")
                .should(carryAnAccessAnnotationOnTheMethodOrItsClass())
                .because("every service method states who may call it (STYLE.md 3)")
                .check(CLASSES);
    }

    @Test
    void no_package_slices_form_cycles_base_and_app_included() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void base_depends_on_no_feature_and_not_on_the_shell() {
        noClasses().that().resideInAPackage(ROOT + ".base..")
                .should().dependOnClassesThat().resideInAnyPackage(featuresAndShell())
                .because("base is the ground floor: features build on it, the app shell builds on them")
                .check(CLASSES);
    }

    @Test
    void features_do_not_depend_on_the_shell() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".app..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".app..")
                .because("the shell (layout, home, demo data) is the top floor: it contributes nothing downwards")
                .check(CLASSES);
    }

    @Test
    void only_entities_depend_on_hibernate() {
        noClasses().that().resideInAPackage(ROOT + "..").and().areNotAnnotatedWith(Entity.class)
                .should().dependOnClassesThat().resideInAPackage("org.hibernate..")
                .because("JPA is the API; Hibernate-specific mapping stays on the entities")
                .check(CLASSES);
    }

    @Test
    void services_entities_and_controllers_do_not_depend_on_the_user_interface() {
        noClasses().that().areAnnotatedWith(Service.class).or().areAnnotatedWith(Entity.class)
                .or().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAPackage("com.vaadin.flow.component..")
                .orShould().dependOnClassesThat().resideInAPackage("..ui..")
                .check(CLASSES);
    }

    // ---- SQL: one place per feature, and only the feature's own tables ---------------------------------------

    /** Every table the migrations create, and the feature (or base) that owns it: the only one whose SQL names it. */
    static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("\"user\"", "security"), Map.entry("user_role", "security"),
            Map.entry("expert_profiles", "expert"), Map.entry("expert_trust_history", "expert"),
            Map.entry("expert_feedback", "feedback"),
            Map.entry("expert_faq_candidates", "faq"), Map.entry("expert_faq_candidate_feedback", "faq"),
            Map.entry("faq_auto_approval_settings", "faq"), Map.entry("faq_versions", "faq"),
            Map.entry("analytics_feedback_daily", "analytics"), Map.entry("analytics_expert_activity", "analytics"),
            Map.entry("audit_log", "base"), Map.entry("shedlock", "base"),
            Map.entry("api_key", "security"), Map.entry("review_request", "inbox"), Map.entry("review_slot", "inbox"),
            Map.entry("review_skip", "inbox"), Map.entry("inbox_topic_route", "inbox"),
            Map.entry("review_settlement", "inbox"),
            Map.entry("expert_generated_tasks", "improvement"), Map.entry("refresh_token", "security"));


    /** The read views owners publish (V13, DD007): any feature's SQL may read them. */
    static final Map<String, String> PUBLISHED_VIEWS = Map.ofEntries(
            Map.entry("account_names", "security"), Map.entry("expert_names", "expert"),
            Map.entry("feedback_facts", "feedback"), Map.entry("faq_candidate_facts", "faq"),
            Map.entry("faq_candidate_sources", "faq"), Map.entry("feedback_daily_counts", "analytics"),
            Map.entry("feedback_judged_queries", "feedback"), Map.entry("inbox_request_facts", "inbox"),
            Map.entry("eligible_experts", "expert"));

    @Test
    void services_contain_no_sql() throws IOException {
        List<String> violations = new ArrayList<>();
        for (JavaClass service : CLASSES) {
            if (!service.isAnnotatedWith(Service.class) || service.isNestedClass()) {
                continue;
            }
            for (String literal : SourceLiterals.of(sourceOf(service))) {
                if (SourceLiterals.looksLikeSql(literal)) {
                    violations.add(service.getSimpleName() + ": " + literal.strip().lines().findFirst().orElse(""));
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(violations)
                .as("services hold no SQL: it belongs in the feature's *Queries class").isEmpty();
    }

    @Test
    void no_features_sql_names_another_features_table() throws IOException {
        List<String> violations = new ArrayList<>();
        int sqlSeen = 0;
        for (String feature : FEATURES) {
            try (Stream<Path> files = Files.walk(MAIN_SOURCES.resolve("it/expertfeedback/" + feature))) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    for (String literal : SourceLiterals.of(file)) {
                        if (!SourceLiterals.looksLikeSql(literal)) {
                            continue;
                        }
                        sqlSeen++;
                        TABLE_OWNERS.forEach((table, owner) -> {
                            if (!owner.equals(feature) && SourceLiterals.names(literal, table)) {
                                violations.add(feature + " (" + file.getFileName() + ") names " + owner + "'s table " + table);
                            }
                        });
                    }
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(sqlSeen).as("the scan sees the features' SQL").isGreaterThan(20);
        org.assertj.core.api.Assertions.assertThat(violations)
                .as("cross-feature data comes through the owner's service or a view it publishes (DD007)").isEmpty();
    }

    @Test
    void the_owner_list_covers_every_table_and_view_of_the_migrations() throws IOException {
        Set<String> tables = new TreeSet<>();
        Set<String> views = new TreeSet<>();
        Pattern create = Pattern.compile("(?i)create\\s+(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?(\"user\"|\\w+)");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.toList()) {
                Matcher matcher = create.matcher(Files.readString(file));
                while (matcher.find()) {
                    (matcher.group(1).equalsIgnoreCase("table") ? tables : views).add(matcher.group(2).toLowerCase());
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(tables).containsExactlyInAnyOrderElementsOf(TABLE_OWNERS.keySet());
        org.assertj.core.api.Assertions.assertThat(views).containsExactlyInAnyOrderElementsOf(PUBLISHED_VIEWS.keySet());
    }

    @Test
    void access_rules_are_built_from_the_role_constants() throws IOException {
        List<String> literal = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("@PreAuthorize(\"")) {
                    literal.add(file.getFileName().toString());
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(literal)
                .as("@PreAuthorize takes AppRoles/Access constants, not string literals").isEmpty();
    }

    /** Views are compositions of small components; a view that grows past this is split (issue 11). */
    static final int MAX_UI_LINES = 200;

    @Test
    void views_stay_small_and_styled_by_lumo_utility_classes() throws IOException {
        List<String> tooLong = new ArrayList<>();
        List<String> inlineStyles = new ArrayList<>();
        int views = 0;
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                if (file.getParent().getFileName().toString().equals("ui")) {
                    views++;
                    if (lines.size() > MAX_UI_LINES) {
                        tooLong.add(file.getFileName() + " has " + lines.size() + " lines");
                    }
                }
                if (String.join("\n", lines).contains("getStyle().set(")) {
                    inlineStyles.add(file.getFileName().toString());
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(views).as("the scan sees the ui packages").isGreaterThan(30);
        org.assertj.core.api.Assertions.assertThat(tooLong).as("*/ui/*.java over " + MAX_UI_LINES + " lines").isEmpty();
        org.assertj.core.api.Assertions.assertThat(inlineStyles).as("inline styles instead of Lumo utility classes").isEmpty();
    }

    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    private static Path sourceOf(JavaClass type) {
        return MAIN_SOURCES.resolve(type.getName().replace('.', '/') + ".java");
    }

    @Test
    void the_import_sees_the_application() {
        // Guards every rule above against passing on an empty import.
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain("it.expertfeedback.security.UserAccountService")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain("it.expertfeedback.expert.ExpertProfileRepository")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain("it.expertfeedback.security.ui.UsersView")).isTrue();
    }

    private static String[] featuresAndShell() {
        return java.util.stream.Stream.concat(FEATURES.stream(), java.util.stream.Stream.of("app"))
                .map(name -> ROOT + "." + name + "..").toArray(String[]::new);
    }

    private static ArchCondition<JavaClass> beUsedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be used only from their own feature package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency dependency : repository.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    boolean inside = origin.getPackageName().equals(repository.getPackageName());
                    if (!inside) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaMethod> carryAnAccessAnnotationOnTheMethodOrItsClass() {
        return new ArchCondition<>("carry @PreAuthorize (method or class)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean secured = ACCESS_ANNOTATIONS.stream().anyMatch(annotation ->
                        method.isAnnotatedWith(annotation) || method.getOwner().isAnnotatedWith(annotation));
                if (!secured) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getFullName() + " states nobody who may call it"));
                }
            }
        };
    }
}
