package kz.kosh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19: the scripts of {@code experiment slurm-script} carry hostile values safely. Paths
 * with ; $() backticks quotes and spaces are written and then the generated scripts are
 * checked with {@code bash -n} and run in a sandbox folder (sbatch and java replaced by stubs
 * that record their arguments): no injected command runs, every path arrives as one argument,
 * byte for byte. Values that cannot be carried safely (a newline, a directive value that is
 * not a plain token) are refused with exit 2 and nothing written.
 */
class SlurmScriptSafetyTest {
    static final String B = "scenarios/baseline.yaml";

    @TempDir
    Path tmp;

    @org.junit.jupiter.api.extension.RegisterExtension
    final StdStreams io = new StdStreams();

    private static int bash(Path cwd, Path sandbox, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(args).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(sandbox.resolve("bash.log").toFile());
        pb.environment().put("PATH", sandbox.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("SANDBOX", sandbox.toString());
        return pb.start().waitFor();
    }

    private static void stub(Path f, String body) throws IOException {
        Files.writeString(f, "#!/usr/bin/env bash\n" + body);
        assertTrue(f.toFile().setExecutable(true));
    }

    @Test
    void hostilePathsAreQuotedAndNothingInjectedRuns() throws Exception {
        Path sandbox = Files.createDirectories(tmp.resolve("sandbox"));
        Path bin = Files.createDirectories(sandbox.resolve("bin"));
        stub(bin.resolve("sbatch"), "printf '%s\\n' \"$@\" >> \"$SANDBOX/sbatch.args\"\n"
                + "SLURM_ARRAY_TASK_ID=0 SLURM_CPUS_PER_TASK=1 bash \"${@: -1}\"\necho 42\n");
        Path java = bin.resolve("java-stub");
        stub(java, "printf '%s\\n' \"$@\" >> \"$SANDBOX/java.args\"\n");
        String hostile = "out dir; touch PWNED1 $(touch PWNED2) `touch PWNED3` 'q' \"d\" \\x & | > y";
        Path out = sandbox.resolve(hostile);
        Path jar = sandbox.resolve("my jar;touch PWNED4.jar");
        Path exp = sandbox.resolve("e $(touch PWNED5).yaml");
        Files.writeString(exp, "name: e\nscenarios: [" + Path.of(B).toAbsolutePath() + "]\nreplications: 2\nbaseSeed: 1\nscale: 0.01\n");
        assertEquals(0, Main.execute("experiment", "slurm-script", exp.toString(), "--tasks", "2", "--out", out.toString(),
                "--jar", jar.toString(), "--java", java.toString(), "--partition", "short", "--time", "01:00:00",
                "--mem", "4G", "--no-posterior"), io.err.toString(StandardCharsets.UTF_8));
        Path scripts = out.resolve("slurm");
        for (String s : List.of("shards.sbatch", "merge.sbatch", "submit.sh")) {
            assertEquals(0, bash(sandbox, sandbox, "bash", "-n", scripts.resolve(s).toString()), s + " parses");
        }
        int rc = bash(sandbox, sandbox, "bash", scripts.resolve("submit.sh").toString());
        assertEquals(0, rc, Files.readString(sandbox.resolve("bash.log")));
        try (Stream<Path> w = Files.walk(tmp)) {
            List<Path> pwned = w.filter(p -> p.getFileName().toString().startsWith("PWNED")).toList();
            assertTrue(pwned.isEmpty(), "an injected command ran: " + pwned);
        }
        List<String> args = Files.readAllLines(sandbox.resolve("java.args"));
        assertTrue(args.contains(out.toString()), "the output path arrives as one argument: " + args);
        assertTrue(args.contains(jar.toString()), args.toString());
        assertTrue(args.contains(exp.toString()), args.toString());
        assertTrue(args.contains("0/2"), "the shard index is expanded: " + args);
        assertTrue(Files.isDirectory(out.resolve("logs")), "submit.sh made the log folder inside the quoted path");
        assertTrue(Files.readAllLines(sandbox.resolve("sbatch.args")).contains("--output=" + out.resolve("logs") + "/shard-%a.out"));
    }

    @Test
    void valuesThatCannotBeQuotedSafelyAreRefused() {
        Path exp = tmp.resolve("e.yaml");
        try {
            Files.writeString(exp, "name: e\nscenarios: [" + Path.of(B).toAbsolutePath() + "]\nreplications: 2\nbaseSeed: 1\nscale: 0.01\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String o = tmp.resolve("o").toString();
        String[][] bad = {
                {"--partition", "short\n#SBATCH --array=0-99999"}, {"--partition", "a b"}, {"--partition", "p;rm -rf ~"},
                {"--partition", "$(id)"}, {"--time", "1:00;x"}, {"--time", "1:00\n"}, {"--mem", "4G\nrm x"},
                {"--mem", "lots"}, {"--java", "java -Xmx8g"}, {"--java", "ja\nva"}, {"--out", o + "\nnext"},
                {"--jar", "/x/kosh\n.jar"}};
        for (String[] b : bad) {
            io.err.reset();
            String[] args = {"experiment", "slurm-script", exp.toString(), "--tasks", "2", "--out", o, b[0], b[1], "--no-posterior"};
            assertEquals(2, Main.execute(args), String.join(" ", b) + ": " + io.err);
            String err = io.err.toString(StandardCharsets.UTF_8);
            assertFalse(err.contains("Exception"), err);
            assertFalse(Files.exists(tmp.resolve("o")), "nothing written for " + b[0]);
        }
    }
}
