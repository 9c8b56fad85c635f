package kz.kosh.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Says why a test did not run: Maven's summary counts skipped tests but does not print the
 * reason (a {@code @Disabled}/{@code @EnabledIf} condition, or an assumption such as "no
 * DISPLAY"). Registered for every test run through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}; the lines go to the
 * console of {@code mvn verify}, prefixed {@code SKIPPED}.
 */
public final class SkipReasons implements TestExecutionListener {
    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        System.out.println("SKIPPED " + test.getLegacyReportingName() + " in " + where(test) + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
            System.out.println("SKIPPED " + test.getLegacyReportingName() + " in " + where(test) + ": " + reason);
        }
    }

    private static String where(TestIdentifier test) {
        String id = test.getUniqueId();
        int i = id.indexOf("[class:");
        if (i < 0) {
            return id;
        }
        int j = id.indexOf(']', i);
        return id.substring(i + 7, j < 0 ? id.length() : j);
    }
}
