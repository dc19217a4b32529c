package it.expertfeedback.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The embedded database's cache for a machine's memory: an eighth, between PostgreSQL's 128 MB and 2 GB. */
class EmbeddedDatabaseMemoryTest {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void an_eighth_of_the_memory_between_the_default_and_two_gigabytes() {
        assertThat(EmbeddedDatabaseMemory.settings(8 * GB))
                .containsEntry("shared_buffers", "1024MB").containsEntry("effective_cache_size", "4096MB");
        assertThat(EmbeddedDatabaseMemory.settings(GB / 2))
                .as("never below PostgreSQL's own default").containsEntry("shared_buffers", "128MB")
                .containsEntry("effective_cache_size", "256MB");
        assertThat(EmbeddedDatabaseMemory.settings(64 * GB))
                .as("capped: beyond it the kernel's cache serves as well").containsEntry("shared_buffers", "2048MB")
                .containsEntry("effective_cache_size", "32768MB");
    }
}
