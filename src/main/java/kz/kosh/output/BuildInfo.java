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

    /**
     * The files a command itself rewrites (documents with their chart folders beside them, a
     * copied posterior), relative to the working directory when inside it, for
     * {@link #gitCommit(java.util.List)}: their changes are the command's output, not uncommitted
     * changes of the model. A {@code .md} file brings its folder (docs/x.md: docs/x); null entries
     * and files outside the working directory are left out.
     */
    public static java.util.List<String> ownFiles(java.nio.file.Path... files) {
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath().normalize();
        java.util.List<String> out = new java.util.ArrayList<>();
        for (java.nio.file.Path f : files) {
            if (f == null) {
                continue;
            }
            java.nio.file.Path d = f.toAbsolutePath().normalize();
            if (d.startsWith(cwd) && !d.equals(cwd)) {
                String rel = cwd.relativize(d).toString().replace('\\', '/');
                out.add(rel);
                if (rel.endsWith(".md")) {
                    out.add(rel.substring(0, rel.length() - 3));
                }
            }
        }
        return out;
    }
}
