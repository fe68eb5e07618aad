package io.clusteragent.analysis.pods;

/**
 * What a container's exit code usually means. Codes above 128 are "killed by signal (code - 128)"
 * as shells and container runtimes report them; the named ones are those seen in practice.
 */
public enum ExitCodeMeaning {
    SUCCESS(0, "success"),
    APPLICATION_ERROR(1, "application error"),
    MISUSE(2, "invalid arguments or shell misuse"),
    NOT_EXECUTABLE(126, "command found but not executable"),
    NOT_FOUND(127, "command not found in the image"),
    SIGINT(130, "SIGINT: interrupted"),
    SIGABRT(134, "SIGABRT: the process aborted itself"),
    SIGKILL(137, "SIGKILL: killed by the OOM killer or after the termination grace period"),
    SIGSEGV(139, "SIGSEGV: segmentation fault"),
    SIGTERM(143, "SIGTERM: asked to stop"),
    OUT_OF_RANGE(255, "exit status out of range");

    private final int code;
    private final String meaning;

    ExitCodeMeaning(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static String of(int exitCode) {
        for (ExitCodeMeaning known : values()) {
            if (known.code == exitCode) {
                return known.meaning;
            }
        }
        if (exitCode > 128 && exitCode < 160) {
            return "killed by signal " + (exitCode - 128);
        }
        return "application-defined error";
    }
}
