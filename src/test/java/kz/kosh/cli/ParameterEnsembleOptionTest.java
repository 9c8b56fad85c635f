package kz.kosh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --parameter-ensemble on the command line: a bad file is exit 2 with every problem and nothing created. */
class ParameterEnsembleOptionTest {
    static final String B = "scenarios/baseline.yaml";
    static final String N = "scenarios/no-bolashak-obligation.yaml";

    @TempDir
    Path tmp;

    @org.junit.jupiter.api.extension.RegisterExtension
    final StdStreams io = new StdStreams();

    @Test
    void aBadEnsembleIsRefusedBeforeAnyWork() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "set,decision.nope,decision.followThroughAbroad\n1,1,x\n2,1,3\n");
        Path out = tmp.resolve("out");
        Path exp = tmp.resolve("e.yaml");
        Files.writeString(exp, "name: e\nscenarios: [" + Path.of(B).toAbsolutePath() + "]\nreplications: 1\nbaseSeed: 1\nscale: 0.01\n");
        for (String[] args : new String[][]{
                {"compare", B, N, "--reps", "2", "--scale", "0.01", "--out", out.toString(), "--parameter-ensemble", bad.toString()},
                {"experiment", exp.toString(), "--out", out.toString(), "--parameter-ensemble", bad.toString()},
                {"experiment", "slurm-script", exp.toString(), "--tasks", "2", "--out", out.toString(), "--parameter-ensemble",
                        bad.toString()}}) {
            io.err.reset();
            assertEquals(2, Main.execute(args), String.join(" ", args));
            String err = io.err.toString(StandardCharsets.UTF_8);
            assertTrue(err.contains("problem(s) in a parameter ensemble"), err);
            assertTrue(err.contains("column 2 'decision.nope': unknown parameter path"), err);
            assertTrue(err.contains("row 2 (set 1), column decision.followThroughAbroad: 'x' is not a number"), err);
            assertTrue(err.contains("row 3 (set 2), column decision.followThroughAbroad: value 3 is out of range"), err);
            assertFalse(err.contains("Exception"), err);
            assertFalse(Files.exists(out), String.join(" ", args));
        }
    }

    @Test
    void theSlurmScriptPassesTheEnsembleToEveryShard() throws Exception {
        Path ens = tmp.resolve("ens.csv");
        Files.writeString(ens, "set,decision.considerationConstant\n1,-1\n2,1\n");
        Path exp = tmp.resolve("e.yaml");
        Files.writeString(exp, "name: e\nscenarios: [" + Path.of(B).toAbsolutePath() + "]\nreplications: 2\nbaseSeed: 1\nscale: 0.01\n");
        Path out = tmp.resolve("o");
        assertEquals(0, Main.execute("experiment", "slurm-script", exp.toString(), "--tasks", "2", "--out", out.toString(),
                "--jar", "/x/kosh.jar", "--parameter-ensemble", ens.toString()));
        String script = Files.readString(out.resolve("slurm/shards.sbatch"));
        assertTrue(script.contains(" --parameter-ensemble '" + ens.toAbsolutePath().normalize() + "'"), script);
    }
}
