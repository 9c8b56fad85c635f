package kz.kosh.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Version of the running build and the git commit of the working directory. */
public final class BuildInfo {
    private BuildInfo() {
    }

    /** Adds tool, version, git commit and Java version to a manifest. */
    public static void stamp(com.fasterxml.jackson.databind.node.ObjectNode manifest) {
        manifest.put("tool", "kosh");
        manifest.put("version", version());
        manifest.put("gitCommit", gitCommit());
        manifest.put("javaVersion", System.getProperty("java.version"));
    }

    /** The jar's Implementation-Version, or "dev" when run from classes. */
    public static String version() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** {@code git rev-parse HEAD} (with "-dirty" when there are uncommitted changes), or "unknown". */
    public static String gitCommit() {
        return gitCommit(java.util.List.of());
    }

    /**
     * As {@link #gitCommit()}, but changes to {@code ignored} paths (relative to the working
     * directory, e.g. a generated document about to be rewritten) do not make it "-dirty".
     */
    public static String gitCommit(java.util.List<String> ignored) {
        String head = git("rev-parse", "HEAD");
        if (head == null) {
            return "unknown";
        }
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("status", "--porcelain", "--untracked-files=no"));
        if (!ignored.isEmpty()) {
            args.add("--");
            args.add(".");
            for (String p : ignored) {
                args.add(":(exclude)" + p);
            }
        }
        String status = git(args.toArray(String[]::new));
        return status != null && !status.isBlank() ? head + "-dirty" : head;
    }

    private static String git(String... args) {
        try {
            String[] cmd = new String[args.length + 1];
            cmd[0] = "git";
            System.arraycopy(args, 0, cmd, 1, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
