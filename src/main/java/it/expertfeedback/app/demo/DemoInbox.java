package it.expertfeedback.app.demo;

import it.expertfeedback.inbox.ContextTurn;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.inbox.ReviewRequestDraft;
import it.expertfeedback.security.AppRoles;
import it.expertfeedback.security.AssistantPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * A living inbox for a newcomer (DOMAIN.md §8): open review requests across topics, some needing two reviews, a few
 * past their due date. Sent through the inbox's own door, as the assistant would, so they obey every rule.
 */
@Component
class DemoInbox {

    static final int REQUESTS = 24;

    private final InboxService inbox;
    private final Clock clock;
    private final SecurityContextHolderStrategy security;

    /**
     * The application's own context strategy (the one its method security reads): with two applications in one JVM
     * (tests) the static holder may belong to the other one.
     */
    DemoInbox(InboxService inbox, Clock clock, ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.inbox = inbox;
        this.clock = clock;
        this.security = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    int seed(Random random) {
        List<ReviewRequestDraft> drafts = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < REQUESTS; i++) {
            String[] template = DemoDataset.QUESTIONS[i % DemoDataset.QUESTIONS.length];
            String topic = template[0].equals("Regime forfettario") ? "forfettario" : template[0].toLowerCase(Locale.ROOT);
            String question = String.format(Locale.ITALIAN, template[1], 10 + random.nextInt(90_000));
            List<ContextTurn> context = List.of(new ContextTurn("user", "Buongiorno, ho un dubbio per un cliente."),
                    new ContextTurn("assistant", "Certo, mi descriva il caso."));
            drafts.add(new ReviewRequestDraft(UUID.nameUUIDFromBytes(("demo-inbox-" + i).getBytes()), question,
                    "Secondo la normativa vigente la risposta dipende dal caso concreto: in generale si applica la regola "
                            + "ordinaria, salvo le eccezioni previste dalla prassi dell'Agenzia delle Entrate.",
                    topic, List.of(template[0]), context, "assistant-2026.11", now.minus(Duration.ofHours(1 + i * 5L)),
                    i % 3 == 0 ? "user_flagged" : i % 3 == 1 ? "low_confidence" : "sampled", 30 + random.nextInt(70),
                    i % 4 == 0 ? 2 : 1, i % 7 == 0 ? now.minus(Duration.ofHours(2)) : now.plus(Duration.ofDays(3))));
        }
        SecurityContext previous = security.getContext();
        // The seeder is the assistant for a moment: the same door and rules as a real request.
        SecurityContext seeding = security.createEmptyContext();
        seeding.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new AssistantPrincipal(null, "demo-data"), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + AppRoles.ASSISTANT))));
        security.setContext(seeding);
        try {
            return (int) inbox.createBatch(drafts).stream().filter(r -> r.result().equals("created")).count();
        } finally {
            security.setContext(previous);
        }
    }
}
