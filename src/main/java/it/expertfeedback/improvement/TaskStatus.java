package it.expertfeedback.improvement;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** A task's {@code status} (V16 check constraint); constant names are the stored codes. */
public enum TaskStatus {
    open,
    in_progress,
    applied,
    wont_fix;

    public String code() {
        return name();
    }

    public String labelKey() {
        return "improvement.status." + name();
    }

    /** Open → in progress → applied / won't fix; an open task may also be closed at once. Closed is final. */
    public Set<TaskStatus> next() {
        return switch (this) {
            case open -> Set.of(in_progress, applied, wont_fix);
            case in_progress -> Set.of(applied, wont_fix, open);
            case applied, wont_fix -> Set.of();
        };
    }

    public static Optional<TaskStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.name().equals(code)).findFirst();
    }
}
