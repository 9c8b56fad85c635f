package kz.kosh.experiment;

import kz.kosh.output.Fmt;
import kz.kosh.output.Indicators;
import kz.kosh.sim.KoshSim;
import kz.kosh.sim.Stocks;
import kz.kosh.sim.YearCounters;
import kz.kosh.sim.YearObserver;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The indicators of one replication: values by recorded year and key ("indicator|place"),
 * keys in the order the indicators are computed. Also a {@link YearObserver} that fills itself
 * during a run, and a gzip CSV form for resuming experiments.
 */
public final class IndicatorTable implements YearObserver {
    private final List<Integer> years = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new LinkedHashMap<>();
    private final List<double[]> rows = new ArrayList<>();
    /** The replication's per-agent payment ledger, when it recorded one (null otherwise). */
    private kz.kosh.sim.AgentPayments agents;

    /** Attaches the run's per-agent payment ledger: written beside the table ({@link #agentsFile}). */
    public void attach(kz.kosh.sim.AgentPayments ledger) {
        this.agents = ledger;
    }

    /** The per-agent payment ledger of the replication; null when it recorded none. */
    public kz.kosh.sim.AgentPayments agents() {
        return agents;
    }

    @Override
    public void observe(KoshSim sim, int year, YearCounters c, Stocks s, Stocks prev) {
        Map<String, Double> values = new LinkedHashMap<>();
        Indicators.compute(sim, c, s, prev, (indicator, place, value) -> values.put(indicator + "|" + place, value));
        put(year, values);
    }

    /** Adds one year's values. */
    void put(int year, Map<String, Double> values) {
        for (String k : values.keySet()) {
            keyIndex.computeIfAbsent(k, x -> keyIndex.size());
        }
        double[] row = new double[keyIndex.size()];
        java.util.Arrays.fill(row, Double.NaN);
        values.forEach((k, v) -> row[keyIndex.get(k)] = v);
        years.add(year);
        rows.add(row);
    }

    public List<Integer> years() {
        return years;
    }

    /** Keys "indicator|place" in computation order. */
    public List<String> keys() {
        return new ArrayList<>(keyIndex.keySet());
    }

    /** True when the replication wrote this key ("indicator|place"), even if only as NaN (missing). */
    public boolean has(String key) {
        return keyIndex.containsKey(key);
    }

    /** Value of a key in the y-th recorded year (NaN when absent). */
    public double value(int yearIndex, String key) {
        Integer k = keyIndex.get(key);
        double[] row = rows.get(yearIndex);
        return k == null || k >= row.length ? Double.NaN : row[k];
    }

    /** Suffix of the checksum file written beside each replication file. */
    public static final String SUM_SUFFIX = ".sum";

    /** A replication file that is missing its checksum, cut short, edited or unreadable. */
    public static final class DamagedFileException extends IllegalStateException {
        private final Path file;

        DamagedFileException(Path file, String reason, Throwable cause) {
            super("replication file " + file + " is damaged: " + reason, cause);
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }

    /**
     * Writes the table as gzip CSV (year,indicator,place,value), atomically, and beside it
     * {@code <file>.sum}: the SHA-256 of the gzip file and its number of data rows, which
     * {@link #readVerified} checks. The data file is moved into place first, so a kill between
     * the two leaves a file without a checksum, which counts as damaged (recomputed on resume).
     */
    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            long rows = 0;
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(tmp)), StandardCharsets.UTF_8))) {
                w.write("year,indicator,place,value\n");
                List<String> keys = keys();
                for (int y = 0; y < years.size(); y++) {
                    for (String k : keys) {
                        int bar = k.indexOf('|');
                        w.write(years.get(y) + "," + k.substring(0, bar) + "," + k.substring(bar + 1) + ","
                                + Fmt.exact(value(y, k)) + "\n");
                        rows++;
                    }
                }
            }
            String sum = "sha256 " + sha256(tmp) + " rows " + rows;
            Path sumFile = sumFile(file);
            Files.deleteIfExists(sumFile);
            if (agents != null) {
                sum += " ledger " + writeAgents(agentsFile(file));
            }
            sum += "\n";
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Path sumTmp = sumFile.resolveSibling(sumFile.getFileName() + ".tmp");
            Files.writeString(sumTmp, sum);
            Files.move(sumTmp, sumFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The per-agent ledger beside a replication file ({@code rep-000000.agents.csv.gz}): gzip CSV
     * {@code agent,paid_kzt_from_<year>,abroad_at_end}, one row per agent paid or abroad
     * ({@link kz.kosh.sim.AgentPayments}), ascending ids; its SHA-256 is in the checksum file.
     */
    public static Path agentsFile(Path file) {
        String n = file.getFileName().toString();
        return file.resolveSibling((n.endsWith(".csv.gz") ? n.substring(0, n.length() - 7) : n) + ".agents.csv.gz");
    }

    private String writeAgents(Path f) throws IOException {
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        java.util.SortedMap<Integer, Double> paid = agents.paidKzt();
        java.util.Set<Integer> abroad = agents.abroad();
        java.util.TreeSet<Integer> ids = new java.util.TreeSet<>(paid.keySet());
        ids.addAll(abroad);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(tmp)), StandardCharsets.UTF_8))) {
            w.write("agent,paid_kzt_from_" + agents.fromYear() + ",abroad_at_end\n");
            for (int id : ids) {
                w.write(id + "," + Fmt.exact(paid.getOrDefault(id, 0.0)) + "," + (abroad.contains(id) ? 1 : 0) + "\n");
            }
        }
        String sha = sha256(tmp);
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return sha;
    }

    private static kz.kosh.sim.AgentPayments readAgents(Path f) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
            String head = r.readLine();
            java.util.regex.Matcher m = head == null ? null
                    : java.util.regex.Pattern.compile("agent,paid_kzt_from_(-?\\d+),abroad_at_end").matcher(head);
            if (m == null || !m.matches()) {
                throw new IllegalStateException("header is not agent,paid_kzt_from_<year>,abroad_at_end");
            }
            Map<Integer, Double> paid = new java.util.HashMap<>();
            java.util.Set<Integer> abroad = new java.util.HashSet<>();
            String line;
            while ((line = r.readLine()) != null) {
                String[] v = line.split(",", -1);
                if (v.length != 3) {
                    throw new IllegalStateException("a row has " + v.length + " fields, expected 3");
                }
                int id = Integer.parseInt(v[0]);
                double p = Double.parseDouble(v[1]);
                if (p != 0) {
                    paid.put(id, p);
                }
                if (v[2].equals("1")) {
                    abroad.add(id);
                }
            }
            return new kz.kosh.sim.AgentPayments(Integer.parseInt(m.group(1)), paid, abroad);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** The checksum file of a replication file. */
    public static Path sumFile(Path file) {
        return file.resolveSibling(file.getFileName() + SUM_SUFFIX);
    }

    /** Deletes a replication file and its checksum (nothing when absent). */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(sumFile(file));
            Files.deleteIfExists(agentsFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * True when a replication file matches its checksum file (SHA-256 of the bytes), without
     * parsing it: a cut, edited or unchecksummed file is not intact ({@code experiment status}).
     */
    public static boolean intact(Path file) {
        try {
            Path sumFile = sumFile(file);
            if (!Files.isRegularFile(sumFile) || Files.size(sumFile) > 1000) {
                return false;
            }
            String[] f = Files.readString(sumFile).trim().split(" ");
            return sumReadable(f) && f[1].equals(sha256(file))
                    && (f.length == 4 || Files.isRegularFile(agentsFile(file)) && f[5].equals(sha256(agentsFile(file))));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads a replication file after checking it against its checksum file: the SHA-256 of the
     * bytes and the number of rows must match, and the gzip must be complete. Throws
     * {@link DamagedFileException} (naming the file and what is wrong) otherwise.
     */
    public static IndicatorTable readVerified(Path file) {
        Path sumFile = sumFile(file);
        String expectedSha;
        long expectedRows;
        String agentsSha;
        try {
            if (!Files.isRegularFile(sumFile)) {
                throw new DamagedFileException(file, "its checksum file " + sumFile.getFileName()
                        + " is missing (written last, so the run that wrote it was interrupted)", null);
            }
            String[] f = Files.readString(sumFile).trim().split(" ");
            if (!sumReadable(f)) {
                throw new DamagedFileException(file, "its checksum file " + sumFile.getFileName() + " is not readable", null);
            }
            expectedSha = f[1];
            expectedRows = Long.parseLong(f[3]);
            agentsSha = f.length == 6 ? f[5] : null;
            String actual = sha256(file);
            if (!actual.equals(expectedSha)) {
                throw new DamagedFileException(file, "its contents changed since it was written (SHA-256 differs from "
                        + sumFile.getFileName() + ")", null);
            }
        } catch (IOException | NumberFormatException e) {
            throw new DamagedFileException(file, "cannot be checked (" + e.getMessage() + ")", e);
        }
        IndicatorTable t;
        long[] rows = new long[1];
        try {
            t = read(file, rows);
        } catch (IllegalStateException e) {
            throw new DamagedFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (rows[0] != expectedRows) {
            throw new DamagedFileException(file, "it has " + rows[0] + " rows, " + expectedRows + " were written", null);
        }
        if (agentsSha != null) {
            Path af = agentsFile(file);
            try {
                if (!Files.isRegularFile(af) || !agentsSha.equals(sha256(af))) {
                    throw new DamagedFileException(file, "its per-agent ledger " + af.getFileName()
                            + " is missing or changed since it was written (SHA-256 differs from " + sumFile.getFileName() + ")", null);
                }
                t.agents = readAgents(af);
            } catch (IOException | IllegalStateException e) {
                if (e instanceof DamagedFileException d) {
                    throw d;
                }
                throw new DamagedFileException(file, "its per-agent ledger cannot be read: " + e.getMessage(), e);
            }
        }
        return t;
    }

    /** "sha256 X rows N", optionally followed by "ledger Y" (the per-agent ledger's SHA-256). */
    private static boolean sumReadable(String[] f) {
        return (f.length == 4 || f.length == 6 && f[4].equals("ledger")) && f[0].equals("sha256") && f[2].equals("rows");
    }

    /** Reads a table written by {@link #write}. */
    public static IndicatorTable read(Path file) {
        return read(file, new long[1]);
    }

    private static IndicatorTable read(Path file, long[] rowCount) {
        IndicatorTable t = new IndicatorTable();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            int year = Integer.MIN_VALUE;
            Map<String, Double> values = new LinkedHashMap<>();
            while ((line = r.readLine()) != null) {
                String[] f = line.split(",", -1);
                if (f.length != 4) {
                    throw new IllegalStateException("line " + (rowCount[0] + 2) + " has " + f.length + " fields, expected 4");
                }
                rowCount[0]++;
                int y = Integer.parseInt(f[0]);
                if (y != year && !values.isEmpty()) {
                    t.put(year, values);
                    values = new LinkedHashMap<>();
                }
                year = y;
                values.put(f[1] + "|" + f[2], f[3].equals("NA") ? Double.NaN : Double.parseDouble(f[3]));
            }
            if (!values.isEmpty()) {
                t.put(year, values);
            }
            return t;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read replication file " + file + ": "
                    + (e instanceof java.io.EOFException ? "the gzip data ends early (file cut short)" : e.getMessage()), e);
        }
    }
}
