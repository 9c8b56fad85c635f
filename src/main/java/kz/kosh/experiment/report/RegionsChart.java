package kz.kosh.experiment.report;

import org.jfree.chart.JFreeChart;

import java.nio.file.Path;
import java.util.List;

/**
 * The chart of {@code kosh regions}: one horizontal 100% bar per region, stacked by where its
 * graduates live (home, another megacity, another region, abroad), in the order given (the
 * region that loses most on top). Segments of at least 5% carry their share.
 */
public final class RegionsChart {
    /** Height per region bar, pixels (20 regions: 600 px plus title and legend). */
    private static final int BAR_PX = 30;

    private RegionsChart() {
    }

    /**
     * Writes the chart as a PNG 900 px wide.
     *
     * @param regions region names, top to bottom
     * @param codes   short labels of the categories (printed in the segments)
     * @param labels  the categories' legend labels
     * @param share   share[region][category] in 0..1
     */
    public static void write(Path file, String title, List<String> regions, List<String> codes, List<String> labels,
                             double[][] share) {
        JFreeChart chart = Charts.stackedShares(title, null, "share of the region's own graduates", regions, codes,
                labels, share);
        Charts.save(chart, file, Charts.WIDTH, Math.max(Charts.HEIGHT, 160 + BAR_PX * regions.size()));
    }
}
