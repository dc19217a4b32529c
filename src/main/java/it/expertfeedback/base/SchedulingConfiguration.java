package it.expertfeedback.base;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Housekeeping jobs (@Scheduled) run on Spring's single scheduler thread. */
@Configuration
@EnableScheduling
class SchedulingConfiguration {
}
