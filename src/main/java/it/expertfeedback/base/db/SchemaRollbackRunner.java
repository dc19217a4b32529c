package it.expertfeedback.base.db;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code ./efs rollback-schema}: starts without the web server, rolls the expert schema back, exits. */
@Component
@ConditionalOnProperty(name = "efs.schema.rollback", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE)
class SchemaRollbackRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SchemaRollbackRunner.class);

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final ConfigurableApplicationContext context;

    SchemaRollbackRunner(DataSource dataSource, TransactionTemplate transaction, ConfigurableApplicationContext context) {
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        var undone = new ExpertSchemaRollback(dataSource, transaction).rollback();
        log.warn("Expert schema rolled back (migrations undone: {}). The next start applies them again.", undone);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
