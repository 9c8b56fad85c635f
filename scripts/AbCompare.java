// Same-process A/B timing of Kosh builds (issue 18): java scripts/AbCompare.java SCALE WARM REPS JAR1 JAR2 ...
// (run from the repository root; each JAR may be "classes-dir:kosh.jar" to overlay changed classes).
// Each build is loaded in a class loader of its own and the replications of the baseline alternate
// between the builds (order reversed every other round), one thread, seeds 1-4 in turn; it prints the
// mean CPU seconds per replication (the thread's own) and per phase. On a shared machine wall time
// means little and separate processes differ by the JIT's compile order (+-7% for one jar here), so
// builds are compared in one process, under the same load, replication by replication.
import java.lang.management.*;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;

public class AbCompare {
  public static void main(String[] a) throws Exception {
    double scale = Double.parseDouble(a[0]); int warm = Integer.parseInt(a[1]); int reps = Integer.parseInt(a[2]);
    int n = a.length - 3;
    Object[] loaded = new Object[n]; Method[] withRun = new Method[n]; Constructor<?>[] sims = new Constructor<?>[n];
    Method[] runYears = new Method[n]; Method[] phases = new Method[n]; Method[] scen = new Method[n];
    for (int k = 0; k < n; k++) {
      String[] parts = a[3 + k].split(":");
      URL[] urls = new URL[parts.length];
      for (int u = 0; u < parts.length; u++) urls[u] = Path.of(parts[u]).toUri().toURL();
      ClassLoader cl = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
      Class<?> sl = cl.loadClass("kz.kosh.scenario.ScenarioLoader");
      loaded[k] = sl.getMethod("load", Path.class).invoke(null, Path.of("scenarios/baseline.yaml"));
      withRun[k] = loaded[k].getClass().getMethod("withRun", long.class, double.class);
      scen[k] = loaded[k].getClass().getMethod("scenario");
      Class<?> ks = cl.loadClass("kz.kosh.sim.KoshSim");
      sims[k] = ks.getConstructors()[0];
      for (Constructor<?> c : ks.getConstructors()) if (c.getParameterCount() == 2) sims[k] = c;
      runYears[k] = cl.loadClass("kz.kosh.output.HeadlessRun").getMethod("runYears", ks, boolean.class);
      phases[k] = ks.getMethod("phaseCpuSeconds");
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] sum = new double[n][6]; double[][] all = new double[n][reps];
    for (int r = 0; r < warm + reps; r++) {
      for (int k0 = 0; k0 < n; k0++) {
        int k = (r % 2 == 0) ? k0 : n - 1 - k0;
        Object l = withRun[k].invoke(loaded[k], (long) (1 + r % 4), scale);
        Object sim = sims[k].newInstance(scen[k].invoke(l), 1);
        long c0 = mx.getCurrentThreadCpuTime();
        runYears[k].invoke(null, sim, false);
        double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        if (r >= warm) { double[] p = (double[]) phases[k].invoke(sim); for (int i = 0; i < 5; i++) sum[k][i] += p[i]; sum[k][5] += cpu; all[k][r - warm] = cpu; }
      }
    }
    String[] names = {"entry", "study", "location", "update", "record"};
    for (int k = 0; k < n; k++) {
      StringBuilder sb = new StringBuilder(String.format("%s cpu/rep %.3f [", a[3 + k].split(":")[0].replaceAll(".*/",""), sum[k][5] / reps));
      for (double t : all[k]) sb.append(String.format(" %.2f", t));
      sb.append(" ]");
      for (int i = 0; i < 5; i++) sb.append(String.format(" %s %.3f", names[i], sum[k][i] / reps));
      System.out.println(sb);
    }
    System.out.printf("load %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
