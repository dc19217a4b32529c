package it.expertfeedback.base.db;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much memory the embedded PostgreSQL keeps for its own cache. PostgreSQL's default (128 MB of shared buffers)
 * is sized for a server nobody configured; at 100× the seed's volume the inbox's claim alone reads indexes of
 * 1M feedback rows, 10,000 experts and 100,000 requests, and with 128 MB its backends kept evicting pages and reading
 * them back from the kernel's cache (measured: {@code IO:DataFileRead} and {@code IPC:BufferIo} in the samples,
 * PostgreSQL CPU per claim 0.40 ms against 0.29 ms on a smaller population).
 * <p>PostgreSQL's guide is a quarter of the memory for a dedicated server; ours shares the machine with the
 * application's JVM (which takes up to a quarter for its heap) and relies on the kernel's cache as well, so an eighth,
 * never below PostgreSQL's default and capped at 2 GB (beyond that the kernel's cache serves as well).
 * {@code effective_cache_size} (a planner estimate, not an allocation) says half of the memory may cache data.
 */
public final class EmbeddedDatabaseMemory {

    static final long MB = 1024L * 1024;
    static final long FLOOR = 128 * MB;
    static final long CAP = 2048 * MB;

    private EmbeddedDatabaseMemory() {
    }

    /** The server settings for a machine with this much physical memory (bytes). */
    public static Map<String, String> settings(long physicalBytes) {
        long sharedBuffers = Math.clamp(physicalBytes / 8, FLOOR, CAP);
        long effectiveCache = Math.max(sharedBuffers, physicalBytes / 2);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("shared_buffers", sharedBuffers / MB + "MB");
        settings.put("effective_cache_size", effectiveCache / MB + "MB");
        return settings;
    }

    /** The settings for this machine (a container's limit where the JVM sees one). */
    public static Map<String, String> forThisMachine() {
        return settings(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize());
    }
}
