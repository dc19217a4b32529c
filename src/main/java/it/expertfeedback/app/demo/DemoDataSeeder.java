package it.expertfeedback.app.demo;

import it.expertfeedback.base.db.EmbeddedDatabase;
import it.expertfeedback.base.db.StartupLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo accounts and a realistic Italian dataset, once, on an empty database. On by default on the
 * embedded database (the README's run command); against an external database only with
 * {@code efs.demo-data=true} (EFS_DEMO_DATA=true). Runs before the admin bootstrap, which then finds accounts.
 * Checks and seeds under {@link StartupLock} in one transaction, so of two instances starting together on an empty
 * database exactly one seeds; readiness waits for this (runners finish before the application accepts traffic).
 */
@Component
@Order(-10)
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final DemoDataset dataset;
    private final DemoInbox inbox;
    private final StartupLock startupLock;
    private final boolean enabled;

    DemoDataSeeder(DemoDataset dataset, DemoInbox inbox, StartupLock startupLock, ObjectProvider<EmbeddedDatabase> embedded,
                   @Value("${efs.demo-data:}") String demoData) {
        this.dataset = dataset;
        this.inbox = inbox;
        this.startupLock = startupLock;
        this.enabled = demoData.isBlank() ? embedded.getIfAvailable() != null : Boolean.parseBoolean(demoData);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        startupLock.acquire();
        if (!dataset.databaseIsEmpty()) {
            log.info("Demo data not seeded: the database already has accounts.");
            return;
        }
        DemoDataset.Summary summary = dataset.seed();
        int requests = inbox.seed(new java.util.Random(2026));
        log.info("Demo inbox: {} open review requests.", requests);
        log.warn("""
                Demo data seeded: {} experts, {} feedback, {} FAQ candidates. Demo logins (change them before real use):
                  admin      {} / {}
                  reviewers  {} , {} / {}
                  experts    {} ... / {}""",
                summary.experts(), summary.feedback(), summary.candidates(),
                DemoDataset.ADMIN_EMAIL, DemoDataset.ADMIN_PASSWORD,
                DemoDataset.REVIEWER_EMAILS.get(0), DemoDataset.REVIEWER_EMAILS.get(1), DemoDataset.REVIEWER_PASSWORD,
                DemoDataset.firstExpertEmail(), DemoDataset.EXPERT_PASSWORD);
    }
}
