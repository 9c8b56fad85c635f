package kz.kosh.experiment.dose;

import kz.kosh.experiment.CellStats;
import kz.kosh.experiment.ExperimentDirectory;
import kz.kosh.experiment.ExperimentSpec;
import kz.kosh.experiment.IndicatorTable;
import kz.kosh.experiment.report.FalseDiscovery;
import kz.kosh.experiment.report.Headline;
import kz.kosh.experiment.report.KeyIndicator;
import kz.kosh.output.Fmt;
import kz.kosh.output.OutputPaths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The paired contrast of a lever's highest and lowest dose for each response: per replication r
 * (the same seed and parameter set in both doses), d_r = m_r(highest) − m_r(lowest), m the yearly
 * mean of the indicator over the recorded years (NaN years skipped, as the headline's period
 * mean); the mean of d with its 95% t interval, the two-sided paired t test's p-value and its
 * Benjamini-Hochberg q-value over every contrast of the run; per unit of the lever: the mean of d
 * over (highest − lowest dose). Pairing removes the seed and parameter noise the two doses share,
 * so this is the sharpest test of whether the lever moves the indicator.
 */
public record DoseContrast(DoseResponseSpec.Lever lever, KeyIndicator key, int fromYear, int toYear, long n, double difference,
                           double lo, double hi, double pValue, double qValue) {
    static final String CSV = "dose-contrasts.csv";
    static final String HEADER = "lever,path,dose_low,dose_high,dose_unit,indicator,place,unit,measure,from_year,to_year,"
            + "replications,difference,ci95_low,ci95_high,difference_per_unit_dose,p_value,q_value_bh,fdr_discovery";

    /** The contrast per unit of the lever (difference / (highest − lowest dose)). */
    public double perUnit() {
        double[] d = lever.doses();
        return difference / (d[d.length - 1] - d[0]);
    }

    public boolean discovery() {
        return FalseDiscovery.discovery(qValue);
    }

    /**
     * The contrasts of every lever and response, from the replications kept in {@code expDir}/runs;
     * {@code first} is the experiment's index of each lever's first dose.
     */
    static List<DoseContrast> compute(DoseResponseSpec spec, ExperimentSpec exp, Path expDir, List<Integer> first) {
        List<DoseContrast> out = new ArrayList<>();
        for (int l = 0; l < spec.levers().size(); l++) {
            DoseResponseSpec.Lever lever = spec.levers().get(l);
            int lo = first.get(l);
            int hi = lo + lever.doses().length - 1;
            List<IndicatorTable[]> pairs = new ArrayList<>();
            for (int r = 0; r < exp.replications(); r++) {
                IndicatorTable a = ExperimentDirectory.savedReplication(exp, expDir, lo, r);
                IndicatorTable b = ExperimentDirectory.savedReplication(exp, expDir, hi, r);
                if (a == null || b == null) {
                    throw new IllegalStateException("the replications of " + lever.id() + " were not kept in " + expDir);
                }
                pairs.add(new IndicatorTable[]{a, b});
            }
            for (String code : lever.responses()) {
                KeyIndicator key = KeyIndicator.parse(code);
                CellStats d = new CellStats();
                List<Integer> years = pairs.isEmpty() ? List.of() : pairs.get(0)[0].years();
                for (IndicatorTable[] p : pairs) {
                    d.add(mean(p[1], key) - mean(p[0], key));
                }
                double h = d.ci95HalfWidth();
                double m = d.n() == 0 ? Double.NaN : d.mean();
                out.add(new DoseContrast(lever, key, years.isEmpty() ? 0 : years.get(0),
                        years.isEmpty() ? 0 : years.get(years.size() - 1), d.n(), m, m - h, m + h,
                        FalseDiscovery.pValue(m, m - h, m + h, d.n()), Double.NaN));
            }
        }
        double[] p = out.stream().mapToDouble(DoseContrast::pValue).toArray();
        double[] q = FalseDiscovery.adjust(p);
        List<DoseContrast> adjusted = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            DoseContrast c = out.get(i);
            adjusted.add(new DoseContrast(c.lever(), c.key(), c.fromYear(), c.toYear(), c.n(), c.difference(), c.lo(), c.hi(),
                    c.pValue(), q[i]));
        }
        return adjusted;
    }

    /** The yearly mean of an indicator in one replication over its recorded years (NaN years skipped). */
    static double mean(IndicatorTable t, KeyIndicator key) {
        double[] v = new double[t.years().size()];
        for (int y = 0; y < v.length; y++) {
            v[y] = t.value(y, key.tableKey());
        }
        return v.length == 0 ? Double.NaN : Headline.aggregate(v, 0, v.length - 1, Headline.Measure.PERIOD_MEAN);
    }

    static void writeCsv(Path file, List<DoseContrast> contrasts) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (DoseContrast c : contrasts) {
            double[] d = c.lever().doses();
            List<String> cells = List.of(c.lever().id(), c.lever().path(), Fmt.number(d[0]), Fmt.number(d[d.length - 1]),
                    csv(c.lever().unit()), c.key().indicator(), c.key().place(), csv(c.key().unit()), "yearly mean",
                    Integer.toString(c.fromYear()), Integer.toString(c.toYear()), Long.toString(c.n()),
                    Fmt.number(c.difference()), Fmt.number(c.lo()), Fmt.number(c.hi()), Fmt.number(c.perUnit()),
                    Fmt.number(c.pValue()), Fmt.number(c.qValue()), Boolean.toString(c.discovery()));
            sb.append(String.join(",", cells)).append('\n');
        }
        OutputPaths.write(file, sb.toString());
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
