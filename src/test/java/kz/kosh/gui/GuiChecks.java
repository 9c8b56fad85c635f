package kz.kosh.gui;

import sim.display.Console;

import javax.swing.SwingUtilities;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * The windowed GUI checks (need a display): Console on the baseline at scale 0.02, five steps,
 * the map panel painted into an image. Run in-process by {@link KoshWithUITest}, or in a child
 * JVM (main) when this JVM already fixed AWT as headless.
 */
final class GuiChecks {
    private GuiChecks() {
    }

    static void run() throws Exception {
        ParameterProxy p = new ParameterProxy(Path.of("scenarios/baseline.yaml"), 0.02, 3L);
        p.setSpinUpYears(2);
        p.setUsWorkAccess(0.0);
        KoshWithUI gui = new KoshWithUI(p, 2);
        Console[] c = new Console[1];
        SwingUtilities.invokeAndWait(() -> c[0] = gui.openConsole());
        try {
            // paused start, then five single steps, as the Console's buttons do
            SwingUtilities.invokeAndWait(() -> c[0].pressPause());
            check(gui.sim().params().destinations().get("US").workAccess() == 0.0, "US work access change not in force");
            for (int i = 0; i < 5; i++) {
                SwingUtilities.invokeAndWait(() -> c[0].pressPlay());
            }
            SwingUtilities.invokeAndWait(() -> { });
            SwingUtilities.invokeAndWait(() -> { });
            MapData d = gui.mapPanel().data();
            check(d != null && d.year() == 2017, "map shows year " + (d == null ? "none" : d.year()));
            check(gui.moves.getSeriesCount() == 3 && gui.moves.getSeries(0).getItemCount() == 3, "moves chart not filled");
            check(gui.drShare.getSeriesCount() == 1, "Docquier-Rapoport chart not filled");
            // the data behind a chart as tidy CSV; Russia on its own axis of the students chart
            String csv = ChartPanels.chartCsv(gui.chartPanels.get(1).getChart());
            check(csv.startsWith("year,series,value\n") && csv.contains("\n2017,Russia,") && csv.contains("\n2015,"),
                    "students chart CSV: " + csv.substring(0, Math.min(200, csv.length())));
            check(gui.studentsInRussia.getSeriesCount() == 1 && gui.studentsAbroad.getSeriesCount() == 13,
                    "Russia split: " + gui.studentsInRussia.getSeriesCount() + " + " + gui.studentsAbroad.getSeriesCount());
            BufferedImage[] img = new BufferedImage[1];
            SwingUtilities.invokeAndWait(() -> img[0] = gui.mapPanel().snapshot());
            MapSnapshot.writePng(img[0], Path.of("target/gui-test-console-map.png"));
            MapRenderer.Layout l = gui.mapPanel().renderer().layout(img[0].getWidth(), img[0].getHeight());
            MapRendererTest.assertRegionsColoured(l, img[0], "console map");
            MapRendererTest.assertArcsDrawn(l, img[0]);
            // the console map's region labels do not overlap (Astana and Akmola did), nor the legend titles
            java.awt.font.FontRenderContext frc = img[0].createGraphics().getFontRenderContext();
            java.util.List<java.awt.geom.Rectangle2D> boxes = gui.mapPanel().renderer()
                    .labels(frc, l, d, gui.mapPanel().measure()).values().stream().map(MapLabels.Label::box).toList();
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    check(!boxes.get(i).intersects(boxes.get(j)), "console map labels " + i + " and " + j + " overlap");
                }
            }
            MapLegend.FooterTitles titles = MapLegend.footerTitles(frc, l, gui.mapPanel().measure());
            check(titles.barRight() < titles.arcLeft(), "console map legend titles overlap: " + titles.bar());
            // clicking a region and a destination shows their figures beside the map
            String[] hit = new String[2];
            String[] info = new String[2];
            int[] historyYears = new int[3];
            java.awt.geom.Point2D almaty = l.labelPoints.get("KZ-75");
            java.awt.geom.Point2D ru = MapHitTest.destinationCentre(l, d, "RU");
            SwingUtilities.invokeAndWait(() -> {
                hit[0] = gui.mapPanel().selectAt(almaty.getX(), almaty.getY());
                info[0] = gui.placeInfo.getText();
                gui.historyRow.setSelectedItem("Retention of own graduates");
                historyYears[0] = gui.placeHistory.getSeries(0).getItemCount();
                historyYears[1] = (int) gui.placeHistory.getSeries(0).getMinX();
                historyYears[2] = (int) gui.placeHistory.getSeries(0).getMaxX();
                hit[1] = gui.mapPanel().selectAt(ru.getX(), ru.getY());
                info[1] = gui.placeInfo.getText();
            });
            check("KZ-75".equals(hit[0]) && info[0].contains("Retention of own graduates") && info[0].contains("2017"),
                    "region click: " + hit[0] + " " + info[0]);
            // one point per recorded year with a value, 2015-2017; a year whose share has no graduates
            // (2015 after two spin-up years at this scale) is n/a and left out, never drawn as 0
            check(historyYears[0] >= 2 && historyYears[0] == historyYears[2] - historyYears[1] + 1
                            && historyYears[1] >= 2015 && historyYears[2] == 2017,
                    "region history: " + historyYears[0] + " years from " + historyYears[1] + " to " + historyYears[2]);
            check("RU".equals(hit[1]) && info[1].contains("Permit refusals"), "destination click: " + hit[1] + " " + info[1]);
            // the place panel's heading wraps within the panel: the longest region name is not cut
            java.awt.geom.Point2D north = l.labelPoints.get("KZ-59");
            int[] widths = new int[2];
            SwingUtilities.invokeAndWait(() -> {
                gui.mapPanel().selectAt(north.getX(), north.getY());
                widths[0] = gui.placeInfo.getPreferredSize().width;
                widths[1] = gui.placeInfo.getParent().getWidth();
            });
            check(widths[0] <= widths[1], "place panel " + widths[0] + " px wide in a " + widths[1] + " px viewport: heading cut");
            // the sampled agents' table and a MASON inspector of one of them
            int[] rows = new int[1];
            boolean[] inspected = new boolean[1];
            SwingUtilities.invokeAndWait(() -> {
                gui.showAgentSample();
                rows[0] = gui.agentTable.getRowCount();
                inspected[0] = gui.inspectAgent(0) != null && gui.followAgent(0) && gui.lifeTable.getRowCount() == 1;
            });
            check(rows[0] == KoshWithUI.SAMPLE_SIZE, "sampled agents shown: " + rows[0]);
            check(inspected[0], "no inspector or life history for a sampled agent");
            check(gui.agentSample().get(0).getYear() == 2017, "sample year " + gui.agentSample().get(0).getYear());
        } finally {
            SwingUtilities.invokeAndWait(() -> KoshWithUI.closeWithoutExit(c[0]));
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }

    public static void main(String[] args) {
        try {
            run();
            System.out.println("GUI checks passed");
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }
}
