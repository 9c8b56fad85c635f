package kz.kosh.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kz.kosh.scenario.Fields;
import kz.kosh.scenario.ScenarioLoader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A parameter ensemble: parameter sets that fit the calibration targets within tolerance
 * ({@code kosh calibrate} writes one), so that comparisons carry parameter uncertainty. A tidy
 * CSV without comments (readable by {@code pandas.read_csv}), one row per set:
 * <pre>
 * set,decision.considerationConstant,decision.followThroughAbroad
 * 1,1.25,0.41
 * 2,1.31,0.38
 * </pre>
 * The first column is the set's label (unique; letters, digits, {@code . _ -}), the others are
 * dotted scenario paths of numeric parameters. A set is applied as an overlay of the scenario
 * ({@link ScenarioLoader#load(Path, ObjectNode, String)}), so its values are validated like a
 * scenario file's. Replication r of an experiment uses set {@code r mod K} ({@link #setOf}).
 */
public final class ParameterEnsemble {
    /** The first column's name. */
    public static final String SET_COLUMN = "set";
    /**
     * The baseline's posterior draws ({@code kosh history-match calibration/history-match.yaml}
     * copies them here), which {@code compare}, {@code experiment} and {@code hindcast} use by
     * default when the file exists; relative to the working directory (the project root).
     */
    public static final Path DEFAULT_POSTERIOR = Path.of("calibration", "baseline-posterior.csv");

    /**
     * The ensemble file a command uses: {@code given} (--parameter-ensemble), else, unless
     * {@code noPosterior}, {@code defaultFile} when it exists, else none (null).
     *
     * @throws IllegalArgumentException when both a file and --no-posterior are given
     */
    public static Path choose(Path given, boolean noPosterior, Path defaultFile) {
        if (given != null && noPosterior) {
            throw new IllegalArgumentException("--parameter-ensemble and --no-posterior exclude each other");
        }
        if (given != null) {
            return given;
        }
        return noPosterior || defaultFile == null || !Files.isRegularFile(defaultFile) ? null : defaultFile;
    }
    private static final long MAX_BYTES = 10_000_000;
    /** Most parameter sets (rows) of an ensemble file; checked before the rows are parsed. */
    public static final int MAX_SETS = 10_000;
    /** Up to this many sets, each is loaded as an overlay of the scenario; above, the column-wise extremes first. */
    static final int ROWS_CHECKED_ONE_BY_ONE = 100;
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Path file;
    private final String sha256;
    private final List<String> paths;
    private final List<String> labels;
    private final List<double[]> values;

    /** An invalid ensemble file (exit code 2): every problem, each naming the file, the row and the column. */
    public static final class InvalidEnsembleException extends IllegalArgumentException {
        private final List<String> problems;

        public InvalidEnsembleException(List<String> problems) {
            super(problems.size() + " problem(s) in a parameter ensemble:\n  - "
                    + String.join("\n  - ", problems.subList(0, Math.min(40, problems.size())))
                    + (problems.size() > 40 ? "\n  ... and " + (problems.size() - 40) + " more" : ""));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private ParameterEnsemble(Path file, String sha256, List<String> paths, List<String> labels, List<double[]> values) {
        this.file = file;
        this.sha256 = sha256;
        this.paths = List.copyOf(paths);
        this.labels = List.copyOf(labels);
        this.values = List.copyOf(values);
    }

    /**
     * Reads an ensemble file and validates it against a scenario (the parameter paths must be
     * numbers of its resolved tree, every set must load as an overlay of it); every problem is
     * reported in one pass, each naming the file, the row (1 = the header), the column and what
     * is allowed.
     *
     * @throws InvalidEnsembleException with all the problems
     */
    public static ParameterEnsemble load(Path file, Path scenario) {
        return parse(file, scenario);
    }

    /** Reads an ensemble file, checking its form only (header, numbers, labels). */
    public static ParameterEnsemble read(Path file) {
        return parse(file, null);
    }

    private static ParameterEnsemble parse(Path file, Path scenario) {
        String where = file.toString();
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidEnsembleException(List.of(where + ": parameter ensemble file not found"));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidEnsembleException(List.of(where + ": larger than " + MAX_BYTES / 1_000_000
                        + " MB; a parameter ensemble holds one row per parameter set"));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException ex) {
            throw new InvalidEnsembleException(List.of(where + ": cannot read: " + ex.getMessage()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException ex) {
            throw new InvalidEnsembleException(List.of(where + ": not UTF-8 text; expected a CSV file"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        String expected = "expected a header line 'set,<parameter path>,...' (e.g. set,decision.considerationConstant) "
                + "and one row per parameter set";
        if (lines.isEmpty()) {
            throw new InvalidEnsembleException(List.of(where + ": empty file; " + expected));
        }
        if (lines.size() - 1 > MAX_SETS) {
            throw new InvalidEnsembleException(List.of(where + ": " + (lines.size() - 1) + " parameter sets; at most "
                    + MAX_SETS + " (replication r uses set r mod K, so more sets than replications are never used)"));
        }
        List<String> problems = new ArrayList<>();
        String[] header = cells(lines.get(0));
        if (!header[0].equals(SET_COLUMN)) {
            problems.add(where + ": row 1 (header), column 1: expected '" + SET_COLUMN + "', found '"
                    + Fields.cut(header[0]) + "'; " + expected);
        }
        List<String> paths = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 1; c < header.length; c++) {
            String p = header[c];
            if (!p.matches("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+")) {
                problems.add(where + ": row 1 (header), column " + (c + 1) + ": '" + Fields.cut(p)
                        + "' is not a dotted scenario path; allowed: a numeric parameter such as decision.considerationConstant");
            } else if (p.startsWith("run.")) {
                problems.add(where + ": row 1 (header), column " + (c + 1) + " '" + p
                        + "': run settings (seed, scale, years) cannot vary between parameter sets; allowed: model parameters");
            } else if (!seen.add(p)) {
                problems.add(where + ": row 1 (header), column " + (c + 1) + " '" + p + "': repeated column");
            }
            paths.add(p);
        }
        if (header.length < 2) {
            problems.add(where + ": row 1 (header): no parameter columns; " + expected);
        }
        if (lines.size() < 2) {
            problems.add(where + ": no parameter sets (only the header); " + expected);
        }
        List<String> labels = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        Set<String> seenLabels = new HashSet<>();
        Set<Integer> problemRows = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            int row = i + 1;
            String[] c = cells(lines.get(i));
            if (c.length != header.length) {
                problems.add(where + ": row " + row + ": " + c.length + " cells, expected " + header.length
                        + " (set and " + (header.length - 1) + " parameter" + (header.length == 2 ? "" : "s") + ")");
                labels.add(c[0]);
                values.add(new double[header.length - 1]);
                problemRows.add(values.size() - 1);
                continue;
            }
            String label = c[0];
            if (!LABEL.matcher(label).matches()) {
                problems.add(where + ": row " + row + ", column set: '" + Fields.cut(label)
                        + "' is not a set label; allowed: 1-64 characters A-Z a-z 0-9 . _ -");
            } else if (!seenLabels.add(label)) {
                problems.add(where + ": row " + row + ", column set: label '" + label + "' repeated; each set needs its own");
            }
            double[] v = new double[header.length - 1];
            for (int k = 1; k < c.length; k++) {
                v[k - 1] = number(c[k]);
                if (!Double.isFinite(v[k - 1])) {
                    problemRows.add(values.size());
                    problems.add(where + ": row " + row + " (set " + Fields.cut(label) + "), column " + Fields.cut(header[k])
                            + ": '" + Fields.cut(c[k]) + "' is not a number; allowed: a finite decimal number");
                }
            }
            labels.add(label);
            values.add(v);
        }
        ParameterEnsemble e = new ParameterEnsemble(file.toAbsolutePath().normalize(), sha256(bytes), paths, labels, values);
        if (scenario != null && header[0].equals(SET_COLUMN) && header.length >= 2) {
            // paths and ranges in the same pass; rows with form problems are not loaded
            problems.addAll(new EnsembleCheck(e, scenario).problems(problemRows));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEnsembleException(problems);
        }
        return e;
    }

    private static String[] cells(String line) {
        String[] c = line.split(",", -1);
        for (int i = 0; i < c.length; i++) {
            String s = c[i].trim();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).trim();
            }
            c[i] = s;
        }
        return c;
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private static double number(String s) {
        if (s.isEmpty() || !NUMBER.matcher(s).matches()) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    /**
     * Checks the sets against a scenario: each column must be a number of its resolved tree, and
     * each set must load as an overlay (the scenario's ranges and rules); all problems at once.
     */
    public void validate(Path scenario) {
        List<String> problems = new EnsembleCheck(this, scenario).problems(Set.of());
        if (!problems.isEmpty()) {
            throw new InvalidEnsembleException(problems);
        }
    }

    static String pointer(String dotted) {
        return "/" + dotted.replace('.', '/');
    }

    /** The overlay of set {@code i} (0-based row): its values at their dotted paths. */
    public ObjectNode overlay(int i) {
        return overlay(i, Set.of());
    }

    /** The overlay of set {@code i} without the columns (0-based) in {@code without}. */
    public ObjectNode overlay(int i, Set<Integer> without) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        double[] v = values.get(i);
        for (int c = 0; c < paths.size(); c++) {
            if (!without.contains(c)) {
                Sweep.set(root, paths.get(c), v[c]);
            }
        }
        return root;
    }

    /** The set (0-based row) of replication r: r mod K, the same in every scenario. */
    public int setOf(int replication) {
        return Math.floorMod(replication, values.size());
    }

    /** Number of sets K. */
    public int size() {
        return values.size();
    }

    public Path file() {
        return file;
    }

    /**
     * Writes the ensemble's entry of a run's manifest, {@code "parameterEnsemble": {file, sha256,
     * sets}}, under {@code parent}, and returns it for a command's own fields.
     *
     * @param file the file as the command names it (as given, or the default posterior)
     */
    public com.fasterxml.jackson.databind.node.ObjectNode putManifestEntry(
            com.fasterxml.jackson.databind.node.ObjectNode parent, String file) {
        com.fasterxml.jackson.databind.node.ObjectNode pe = parent.putObject("parameterEnsemble");
        pe.put("file", file);
        pe.put("sha256", sha256);
        pe.put("sets", size());
        return pe;
    }

    /** SHA-256 of the file's bytes. */
    public String sha256() {
        return sha256;
    }

    public List<String> paths() {
        return paths;
    }

    public List<String> labels() {
        return labels;
    }

    public double[] values(int set) {
        return values.get(set).clone();
    }

    /**
     * The rows of a sequence of K draws in an order whose every prefix spreads over the whole
     * sequence: the bit-reversal permutation of 0..2^m−1 (2^m ≥ K) with the indices ≥ K skipped,
     * <pre>
     *   order = [ rev_m(p) for p = 0, 1, ..., 2^m − 1 if rev_m(p) &lt; K ],   rev_m = the m-bit reversal
     * </pre>
     * e.g. K = 74: 0, 64, 32, 16, 48, 8, 72, 40, ... Posterior draws come from Markov chains, whose
     * neighbouring draws are alike (lag-1 autocorrelation 0.6-0.9 in the session-4 posterior);
     * since replication r uses set r mod K, a run with fewer replications than sets would otherwise
     * take one stretch of a chain and understate the parameter spread.
     */
    public static int[] spreadOrder(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k < 0: " + k);
        }
        int m = 0;
        while ((1L << m) < k) {
            m++;
        }
        int[] order = new int[k];
        int n = 0;
        for (int p = 0; p < (1 << m) && n < k; p++) {
            int r = m == 0 ? 0 : Integer.reverse(p) >>> (32 - m);
            if (r < k) {
                order[n++] = r;
            }
        }
        return order;
    }

    /** {@code rows} in {@link #spreadOrder} (a new list). */
    public static <T> List<T> inSpreadOrder(List<T> rows) {
        List<T> out = new java.util.ArrayList<>(rows.size());
        for (int i : spreadOrder(rows.size())) {
            out.add(rows.get(i));
        }
        return out;
    }

    /**
     * Writes an ensemble file: the header {@code set,<paths>} and one row per set labelled
     * 1..K, numbers with up to 17 significant digits (exactly the doubles given).
     */
    public static void write(Path file, List<String> paths, List<double[]> sets) throws IOException {
        StringBuilder sb = new StringBuilder(SET_COLUMN);
        for (String p : paths) {
            sb.append(',').append(p);
        }
        sb.append('\n');
        for (int i = 0; i < sets.size(); i++) {
            sb.append(i + 1);
            for (double v : sets.get(i)) {
                sb.append(',').append(format(v));
            }
            sb.append('\n');
        }
        kz.kosh.output.OutputPaths.write(file, sb.toString());
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "K parameter sets (FILE)". */
    public String describe() {
        return String.format(Locale.ROOT, "%d parameter set%s of %s", size(), size() == 1 ? "" : "s", file.getFileName());
    }
}
