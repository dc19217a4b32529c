package it.expertfeedback.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For test classes that start applications of their own in the test JVM. Each application (Vaadin's security
 * configuration) installs its own SecurityContextHolderStrategy in the static SecurityContextHolder; once they
 * close, the shared test application would read "who is calling" from a dead one. This puts the strategy back.
 */
public class KeepsSecurityContextStrategy implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeepsSecurityContextStrategy.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("strategy", SecurityContextHolder.getContextHolderStrategy());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SecurityContextHolderStrategy strategy = context.getStore(NAMESPACE).get("strategy", SecurityContextHolderStrategy.class);
        if (strategy != null) {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
    }
}
