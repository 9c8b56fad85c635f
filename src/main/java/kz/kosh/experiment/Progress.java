package kz.kosh.experiment;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The progress bar of a command's model runs, on standard error: runs done, runs a minute and the ETA. */
public final class Progress {
    private Progress() {
    }

    /** A bar for {@code total} runs named {@code task}, {@code done} of them already finished (a resumed run). */
    public static ProgressBar runs(String task, int total, int done) {
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUnit(" runs", 1).showSpeed(new java.text.DecimalFormat("0.00"))
                .setSpeedUnit(java.time.temporal.ChronoUnit.MINUTES)
                .build();
        bar.stepTo(done);
        return bar;
    }
}
