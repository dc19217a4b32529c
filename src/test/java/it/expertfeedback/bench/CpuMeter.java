package it.expertfeedback.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU time spent by this JVM and by the embedded PostgreSQL cluster (the postmaster and its children, read from
 * /proc) between start and stop. Unlike a latency, CPU per operation hardly changes when other work shares the
 * machine, so it says what a claim costs even on a busy machine — and what a burst of N costs on 2 cores.
 */
final class CpuMeter {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final long postmaster;
    private final long jvmStart;
    private final long postgresStart;

    private CpuMeter(long postmaster) {
        this.postmaster = postmaster;
        this.jvmStart = jvmNanos();
        this.postgresStart = postgresTicks();
    }

    static CpuMeter start(JdbcTemplate jdbc) {
        long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
        return new CpuMeter(parentOf(backend));
    }

    /** Milliseconds of CPU: {jvm, postgres}. */
    double[] stop() {
        return new double[] {(jvmNanos() - jvmStart) / 1e6, (postgresTicks() - postgresStart) * 1000.0 / TICKS_PER_SECOND};
    }

    private static long jvmNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        String[] stat = stat(p);
                        if (stat == null) {
                            return 0;
                        }
                        long pid = Long.parseLong(p.getFileName().toString());
                        boolean ours = pid == postmaster || Long.parseLong(stat[1]) == postmaster;
                        return ours ? Long.parseLong(stat[11]) + Long.parseLong(stat[12]) : 0;
                    }).sum();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
    }

    private static long parentOf(long pid) {
        return Long.parseLong(stat(Path.of("/proc", Long.toString(pid)))[1]);
    }

    /** The fields of /proc/PID/stat after the command name (state is [0], ppid [1], utime [11], stime [12]). */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException gone) {
            return null;
        }
    }
}
