package kz.kosh.gui;

import kz.kosh.indicator.CoreIndicators;
import kz.kosh.population.Population;
import kz.kosh.scenario.Scenario;
import kz.kosh.sim.KoshSim;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import sim.display.Console;
import sim.display.Controller;
import sim.display.GUIState;
import sim.engine.Stoppable;
import sim.portrayal.Inspector;
import sim.portrayal.SimpleInspector;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import java.awt.BasicStroke;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The MASON GUI of Kosh: a Console with the scenario loaded (stopped until play, so that the
 * Model tab's parameter changes apply to the run) and one main window placed within the screen
 * ({@link WindowLayout}) with two tabs: the map (choropleth, destinations, the year's flows) with
 * the place panel beside it (the clicked place's figures and one of them over all recorded
 * years), and the charts (moves per year; students abroad by destination, Russia on its own
 * axis; non-return by programme; the Docquier-Rapoport share with bands at 15, 20 and 35%),
 * each exportable as tidy CSV. Each recorded year is copied out of the model by an observer and
 * shown on the Swing thread after the step. The "Sample agents" button opens a table of
 * {@value #SAMPLE_SIZE} agents spread evenly over the population (no random numbers drawn),
 * refreshed each year; double-clicking a row opens a MASON inspector of that agent, and
 * "Follow selected agent" records that agent's life history year by year ({@link AgentFollower}).
 *
 * <p>Over 500 lines because MASON's GUIState lifecycle (init, start, finish, quit) and the Swing
 * wiring of the tabs share this object's fields; the chart panels ({@link ChartPanels}), the agent
 * table ({@link AgentTableModel}), the map ({@link MapPanel}, {@link MapRenderer}) and the place
 * panel ({@link PlaceInfo}) live in their own files.
 */
public class KoshWithUI extends GUIState {
    private final ParameterProxy proxy;
    private final int threads;
    private final List<MapData> pending = new ArrayList<>();
    private volatile MapData latest;
    private Stoppable repaintStopper;
    /** Agents shown in the sample table. */
    public static final int SAMPLE_SIZE = 20;
    private volatile List<AgentView> agentSample = List.of();
    /** Where each sampled agent will be at the next recorded year (-1: it ages out). */
    private volatile int[] sampleNext = new int[0];
    /** The followed agent's life history, recorded by the observer. */
    final AgentFollower follower = new AgentFollower();
    final AgentTableModel lifeTable = new AgentTableModel(true);
    JLabel followState;

    JLabel placeInfo;
    JFrame agentFrame;
    private final List<JFrame> agentInspectors = new ArrayList<>();
    final AgentTableModel agentTable = new AgentTableModel();

    MapPanel mapPanel;
    /** The main window: tabs "Map" (map and place panel) and "Charts". */
    JFrame mapFrame;
    JTabbedPane tabs;
    /** Where the windows go on this screen. */
    final WindowLayout layout = WindowLayout.ofScreen();
    final XYSeriesCollection moves = new XYSeriesCollection();
    final XYSeriesCollection studentsAbroad = new XYSeriesCollection();
    final XYSeriesCollection nonReturn = new XYSeriesCollection();
    final XYSeriesCollection drShare = new XYSeriesCollection();
    /** Russia's students, on the students chart's right axis (they dwarf the other destinations). */
    final XYSeriesCollection studentsInRussia = new XYSeriesCollection();
    /** Every recorded year of the run so far (Swing thread): the history of each place. */
    final List<MapData> history = new ArrayList<>();
    /** The selected place's figure over the recorded years (the chart under the place panel). */
    final XYSeriesCollection placeHistory = new XYSeriesCollection();
    JComboBox<String> historyRow;
    /** The four charts of the Charts tab. */
    final List<ChartPanel> chartPanels = new ArrayList<>();
    private final Map<String, XYSeries> series = new LinkedHashMap<>();

    /** The GUI for a scenario file at a scale (null: the file's) and seed (null: the file's). */
    public KoshWithUI(Path file, Double scale, Long seed) {
        this(new ParameterProxy(file, scale, seed), Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public KoshWithUI(ParameterProxy proxy, int threads) {
        super(new KoshSim(proxy.scenario(), threads));
        this.proxy = proxy;
        this.threads = threads;
    }

    public static String getName() {
        return "Kosh: graduate migration in Kazakhstan";
    }

    public static Object getInfo() {
        return "<html><h2>Kosh</h2><p>Agent-based model of graduate migration in Kazakhstan: 20 regions, 14 foreign "
                + "destinations, one step per year.</p><p>Change parameters in the <b>Model</b> tab, then press play. "
                + "The map window shows a choropleth (choose the measure), destinations placed by compass direction and "
                + "the year's largest graduate moves.</p><p>Regions &copy; OpenStreetMap contributors, ODbL 1.0 &middot; "
                + "World outline: Natural Earth</p></html>";
    }

    public ParameterProxy parameters() {
        return proxy;
    }

    /** The simulation of the current (or last) run. */
    public KoshSim sim() {
        return (KoshSim) state;
    }

    /** The last year shown (null before the first recorded year). */
    public MapData latest() {
        return latest;
    }

    public MapPanel mapPanel() {
        return mapPanel;
    }

    @Override
    public Object getSimulationInspectedObject() {
        return proxy;
    }

    @Override
    public Inspector getInspector() {
        Inspector i = super.getInspector();
        i.setVolatile(true);
        return i;
    }

    private void saveMapPng() {
        javax.swing.JFileChooser chooser = new javax.swing.JFileChooser();
        chooser.setSelectedFile(new java.io.File("kosh-map-" + proxy.baseScenario().name() + ".png"));
        if (chooser.showSaveDialog(mapFrame) == javax.swing.JFileChooser.APPROVE_OPTION) {
            MapSnapshot.writePng(mapPanel.snapshot(1400, 900), chooser.getSelectedFile().toPath());
        }
    }

    private void saveScenarioYaml() {
        javax.swing.JFileChooser chooser = new javax.swing.JFileChooser(proxy.file().toAbsolutePath().getParent().toFile());
        chooser.setSelectedFile(new java.io.File(proxy.baseScenario().name() + "-gui.yaml"));
        if (chooser.showSaveDialog(mapFrame) == javax.swing.JFileChooser.APPROVE_OPTION) {
            try {
                proxy.saveScenarioYaml(chooser.getSelectedFile().toPath());
            } catch (java.io.IOException | RuntimeException e) {
                javax.swing.JOptionPane.showMessageDialog(mapFrame, "Could not write: " + e.getMessage());
            }
        }
    }

    @Override
    public void init(Controller c) {
        super.init(c);
        mapPanel = new MapPanel(proxy.baseScenario().name());
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
        top.add(new JLabel("Colour regions by:"));
        JComboBox<Measure> measure = new JComboBox<>(Measure.values());
        measure.setSelectedItem(Measure.RETENTION);
        measure.addActionListener(e -> mapPanel.setMeasure((Measure) measure.getSelectedItem()));
        top.add(measure);
        JButton sample = new JButton("Sample agents");
        sample.setToolTipText(SAMPLE_SIZE + " agents spread evenly over the population, refreshed each year");
        sample.addActionListener(e -> showAgentSample());
        top.add(sample);
        JButton save = new JButton("Save PNG\u2026");
        save.setToolTipText("Write the map as shown to a PNG file (1400 x 900 pixels)");
        save.addActionListener(e -> saveMapPng());
        top.add(save);
        JButton yaml = new JButton("Save as scenario YAML\u2026");
        yaml.setToolTipText("Write the Model tab's changes as a scenario file that extends " + proxy.file().getFileName());
        yaml.addActionListener(e -> saveScenarioYaml());
        top.add(yaml);
        placeInfo = new JLabel(PlaceInfo.html(null, null));
        placeInfo.setVerticalAlignment(SwingConstants.TOP);
        placeInfo.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        JScrollPane infoScroll = new JScrollPane(placeInfo, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        infoScroll.setPreferredSize(new Dimension(WindowLayout.INFO_WIDTH, 300));
        mapPanel.setSelectionListener(id -> refreshPlaceInfo());
        mapPanel.setPreferredSize(new Dimension(600, 500));
        historyRow = new JComboBox<>();
        historyRow.setToolTipText("The figure of the selected place drawn over all recorded years");
        historyRow.addActionListener(e -> refreshPlaceHistory());
        JPanel historyPanel = new JPanel(new BorderLayout());
        historyPanel.add(historyRow, BorderLayout.NORTH);
        ChartPanel historyChart = ChartPanels.chart(null, null, placeHistory, false, null);
        historyChart.getChart().removeLegend();
        historyChart.setPreferredSize(new Dimension(WindowLayout.INFO_WIDTH, 230));
        historyPanel.add(historyChart, BorderLayout.CENTER);
        JPanel info = new JPanel(new BorderLayout());
        info.add(infoScroll, BorderLayout.CENTER);
        info.add(historyPanel, BorderLayout.SOUTH);
        JPanel mapTab = new JPanel(new BorderLayout());
        mapTab.add(top, BorderLayout.NORTH);
        mapTab.add(mapPanel, BorderLayout.CENTER);
        mapTab.add(info, BorderLayout.EAST);

        JPanel grid = new JPanel(new GridLayout(2, 2, 4, 4));
        grid.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        grid.add(ChartPanels.chart("Graduate moves per year", "persons", moves, false, null));
        ChartPanel abroad = ChartPanels.chart("Students abroad by destination (Russia: right axis)", "persons, other destinations",
                studentsAbroad, false, null);
        XYPlot abroadPlot = abroad.getChart().getXYPlot();
        abroadPlot.setDataset(1, studentsInRussia);
        NumberAxis ruAxis = new NumberAxis("persons, Russia");
        ruAxis.setAutoRangeIncludesZero(true);
        abroadPlot.setRangeAxis(1, ruAxis);
        abroadPlot.mapDatasetToRangeAxis(1, 1);
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer ruLine = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
        ruLine.setSeriesPaint(0, Color.BLACK);
        ruLine.setSeriesStroke(0, new BasicStroke(3f));
        abroadPlot.setRenderer(1, ruLine);
        grid.add(abroad);
        grid.add(ChartPanels.chart("First job abroad by programme (graduates of foreign universities)", "share whose first job is abroad", nonReturn, true, null));
        grid.add(ChartPanels.chart("Graduates abroad / all graduates (Docquier-Rapoport)", "share", drShare, true,
                new double[]{0.15, 0.20, 0.35}));

        for (java.awt.Component comp : grid.getComponents()) {
            chartPanels.add((ChartPanel) comp);
        }
        tabs = new JTabbedPane();
        tabs.addTab("Map", mapTab);
        tabs.addTab("Charts", grid);
        mapFrame = new JFrame("Kosh: " + proxy.baseScenario().name());
        mapFrame.getContentPane().add(tabs, BorderLayout.CENTER);
        mapFrame.setBounds(layout.main());
        c.registerFrame(mapFrame);
        mapFrame.setVisible(true);
    }

    @Override
    public void start() {
        // the parameters of the Model tab and the Console's seed make a new simulation each start
        long seed = state != null ? state.seed() : 0;
        Scenario s = proxy.scenario(seed);
        KoshSim sim = new KoshSim(s, threads);
        sim.addObserver((k, year, counters, stocks, previous) -> {
            MapData d = MapData.capture(k, year, counters, stocks, previous);
            // between the phases of a step: the population is not being changed here
            List<AgentView> sample = List.copyOf(AgentView.sample(k, SAMPLE_SIZE, year));
            int[] idx = sample.stream().mapToInt(AgentView::getIndex).toArray();
            sampleNext = AgentFollower.nextIndices(k, idx);
            agentSample = sample;
            follower.observe(k, year);
            synchronized (pending) {
                pending.add(d);
            }
        });
        state = sim;
        latest = null;
        agentSample = List.of();
        follower.clear();
        synchronized (pending) {
            pending.clear();
        }
        super.start();
        onSwing(this::clearCharts);
        int end = s.run().endYear();
        repaintStopper = scheduleRepeatingImmediatelyAfter(st -> {
            List<MapData> years;
            synchronized (pending) {
                years = new ArrayList<>(pending);
                pending.clear();
            }
            if (!years.isEmpty()) {
                latest = years.get(years.size() - 1);
                SwingUtilities.invokeLater(() -> show(years));
            }
            KoshSim k = (KoshSim) st;
            String status = status(s.run(), k.year());
            if (mapPanel != null) {
                SwingUtilities.invokeLater(() -> mapPanel.setStatus(status));
            }
            if (k.year() > end) {
                // the last recorded year is done: an empty schedule makes the Console stop
                k.schedule.clear();
            }
        });
    }

    /**
     * The status before the first recorded year, when the next year to simulate is {@code nextYear}:
     * "press play to run" before the first step, then "spin-up 1993-2014: year N of 22".
     */
    static String status(kz.kosh.scenario.RunSettings run, int nextYear) {
        int first = run.firstSimulatedYear();
        int done = nextYear - first;
        if (done <= 0) {
            return "press play to run (set parameters in the Console's Model tab first)";
        }
        if (run.spinUpYears() > 0 && nextYear <= run.startYear()) {
            return String.format(Locale.ROOT, "spin-up %d-%d: year %d of %d", first, run.startYear() - 1,
                    Math.min(done, run.spinUpYears()), run.spinUpYears());
        }
        return "running";
    }

    private static void onSwing(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
        } else {
            SwingUtilities.invokeLater(r);
        }
    }

    private void clearCharts() {
        for (XYSeriesCollection c : List.of(moves, studentsAbroad, studentsInRussia, nonReturn, drShare)) {
            c.removeAllSeries();
        }
        series.clear();
        history.clear();
        if (mapPanel != null) {
            mapPanel.setData(null);
            mapPanel.setStatus(status(proxy.baseScenario().run(), Integer.MIN_VALUE));
        }
        agentTable.setAgents(List.of());
        refreshLife();
        refreshPlaceInfo();
    }

    private void refreshPlaceInfo() {
        if (placeInfo != null && mapPanel != null && historyRow != null) {
            placeInfo.setText(PlaceInfo.html(mapPanel.data(), mapPanel.selected()));
            List<String> labels = new ArrayList<>();
            for (PlaceInfo.Row r : PlaceInfo.rows(mapPanel.data(), mapPanel.selected())) {
                labels.add(r.label());
            }
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < historyRow.getItemCount(); i++) {
                shown.add(historyRow.getItemAt(i));
            }
            if (!labels.equals(shown)) {
                Object was = historyRow.getSelectedItem();
                historyRow.removeAllItems();
                labels.forEach(historyRow::addItem);
                if (was != null && labels.contains(was)) {
                    historyRow.setSelectedItem(was);
                }
            }
            refreshPlaceHistory();
        }
    }

    /** Draws the selected place's chosen figure over all recorded years so far (Swing thread). */
    void refreshPlaceHistory() {
        placeHistory.removeAllSeries();
        String id = mapPanel == null ? null : mapPanel.selected();
        Object label = historyRow == null ? null : historyRow.getSelectedItem();
        if (id == null || label == null) {
            return;
        }
        XYSeries s = new XYSeries(id + ": " + label, true, false);
        for (double[] pt : PlaceInfo.history(history, id, (String) label)) {
            s.add(pt[0], pt[1]);
        }
        placeHistory.addSeries(s);
    }

    /** The agents sampled at the last recorded year (empty before the first). */
    public List<AgentView> agentSample() {
        return agentSample;
    }

    /** Opens (or brings to front) the table of sampled agents (Swing thread). */
    public JFrame showAgentSample() {
        if (agentFrame == null) {
            agentFrame = new JFrame("Kosh: sampled agents");
            JTable table = new JTable(agentTable);
            table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
            table.setAutoCreateRowSorter(false);
            table.addMouseListener(new MouseAdapter() {
                @Override
                public void mouseClicked(MouseEvent e) {
                    int row = table.rowAtPoint(e.getPoint());
                    if (e.getClickCount() == 2 && row >= 0) {
                        inspectAgent(row);
                    }
                }
            });
            JLabel note = new JLabel(" " + SAMPLE_SIZE + " agents at a fixed stride over the population, refreshed each year;"
                    + " double-click a row for a MASON inspector of that agent.");
            JButton follow = new JButton("Follow selected agent");
            follow.setToolTipText("Record the selected agent's state each year from now on (its life history below)");
            follow.addActionListener(e -> followAgent(table.getSelectedRow()));
            followState = new JLabel(" " + follower.state());
            JPanel north = new JPanel(new BorderLayout());
            north.add(note, BorderLayout.CENTER);
            JPanel followBar = new JPanel(new BorderLayout());
            followBar.add(follow, BorderLayout.WEST);
            followBar.add(followState, BorderLayout.CENTER);
            JPanel lifePanel = new JPanel(new BorderLayout());
            lifePanel.add(followBar, BorderLayout.NORTH);
            lifePanel.add(new JScrollPane(new JTable(lifeTable)), BorderLayout.CENTER);
            javax.swing.JSplitPane split = new javax.swing.JSplitPane(javax.swing.JSplitPane.VERTICAL_SPLIT,
                    new JScrollPane(table), lifePanel);
            split.setResizeWeight(0.5);
            agentFrame.getContentPane().add(north, BorderLayout.NORTH);
            agentFrame.getContentPane().add(split, BorderLayout.CENTER);
            agentFrame.setBounds(layout.agents());
            if (controller != null) {
                controller.registerFrame(agentFrame);
            }
        }
        agentTable.setAgents(agentSample);
        agentFrame.setVisible(true);
        agentFrame.toFront();
        return agentFrame;
    }

    /** Opens a MASON inspector of the sampled agent in a table row (Swing thread); null for no such row. */
    public JFrame inspectAgent(int row) {
        AgentView a = agentTable.agent(row);
        if (a == null) {
            return null;
        }
        SimpleInspector inspector = new SimpleInspector(a, this, "Agent " + a.getIndex() + " in " + a.getYear());
        JFrame f = inspector.createFrame(null);
        f.setTitle("Agent " + a.getIndex() + " (" + a.getYear() + ")");
        agentInspectors.add(f);
        f.setVisible(true);
        return f;
    }

    private XYSeries series(XYSeriesCollection c, String key, String name) {
        return series.computeIfAbsent(key, k -> {
            XYSeries s = new XYSeries(name, true, false);
            c.addSeries(s);
            return s;
        });
    }

    /** Adds recorded years to the charts and the map (Swing thread). */
    void show(List<MapData> years) {
        history.addAll(years);
        for (MapData d : years) {
            int y = d.year();
            series(moves, "m:e", "emigration").add(y, d.national(CoreIndicators.EMIGRATION.name()));
            series(moves, "m:r", "returns").add(y, d.national(CoreIndicators.RETURNS.name()));
            series(moves, "m:i", "internal moves").add(y, d.national(CoreIndicators.INTERNAL_MOVES.name()));
            for (int p = d.regionCount(); p < d.placeCount(); p++) {
                XYSeriesCollection c = "RU".equals(d.id(p)) ? studentsInRussia : studentsAbroad;
                series(c, "s:" + d.id(p), MapRenderer.shortName(d.name(p))).add(y, d.studentsAbroad(p));
            }
            for (String f : Population.FUNDING_NAMES) {
                double v = d.national(CoreIndicators.FIRST_JOB_ABROAD_SHARE_BY_FUNDING.name() + f);
                if (!Double.isNaN(v)) {
                    series(nonReturn, "n:" + f, f).add(y, v);
                }
            }
            series(drShare, "dr", "graduates abroad / all graduates").add(y, d.national(CoreIndicators.DOCQUIER_RAPOPORT_SHARE.name()));
        }
        if (mapPanel != null && !years.isEmpty()) {
            mapPanel.setData(years.get(years.size() - 1));
            refreshPlaceInfo();
        }
        agentTable.setAgents(agentSample);
        refreshLife();
    }

    private void refreshLife() {
        lifeTable.setAgents(follower.life());
        if (followState != null) {
            followState.setText(" " + follower.state());
        }
    }

    /** Follows the sampled agent of a table row from now on (Swing thread); false for no such row. */
    public boolean followAgent(int row) {
        AgentView a = agentTable.agent(row);
        int[] next = sampleNext;
        if (a == null || row >= next.length) {
            return false;
        }
        follower.follow(a, next[row]);
        refreshLife();
        return true;
    }

    @Override
    public void finish() {
        if (repaintStopper != null) {
            repaintStopper.stop();
            repaintStopper = null;
        }
        super.finish();
    }

    @Override
    public void quit() {
        super.quit();
        if (mapFrame != null) {
            mapFrame.dispose();
            mapFrame = null;
        }
        if (agentFrame != null) {
            agentFrame.dispose();
            agentFrame = null;
        }
        for (JFrame f : agentInspectors) {
            f.dispose();
        }
        agentInspectors.clear();
    }

    /** Opens the Console (call on the Swing thread); it stays stopped until play. */
    public Console openConsole() {
        Console c = withoutJava3dWarning(() -> (Console) createController());
        c.setBounds(layout.console());
        return c;
    }

    /**
     * MASON's Console prints "WARNING: Not all classes loaded ... probably no Java3D" when it
     * lists its demo simulations; Kosh excludes Java3D on purpose, so that one line is dropped
     * (everything else written to stderr meanwhile passes through).
     */
    static <T> T withoutJava3dWarning(java.util.function.Supplier<T> body) {
        java.io.PrintStream err = System.err;
        java.io.PrintStream filter = new java.io.PrintStream(err, true) {
            @Override
            public void println(String x) {
                if (x == null || !x.startsWith("WARNING: Not all classes loaded")) {
                    super.println(x);
                }
            }
        };
        System.setErr(filter);
        try {
            return body.get();
        } finally {
            System.setErr(err);
        }
    }

    /** Removes a Console without the MASON quit that would end the JVM (for tests and embedding). */
    public static void closeWithoutExit(Console c) {
        c.pressStop();
        c.getSimulation().quit();
        c.dispose();
        Console.allControllers.remove(c);
    }

}
