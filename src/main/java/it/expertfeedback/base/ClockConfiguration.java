package it.expertfeedback.base;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for every timestamp the application writes, so tests can pin time. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        // Day boundaries (filters "from/to", "last 30 days" by date) are Italian days, wherever the server runs.
        return Clock.system(ZoneId.of("Europe/Rome"));
    }
}
