#!/usr/bin/env python3
"""Draws docs/architecture/walk.svg: how a scenario file becomes a CSV row (docs/architecture.md).
Run: python3 docs/architecture/walk.py > docs/architecture/walk.svg (standard library only)."""
from xml.sax.saxutils import escape

STEPS = [
    ("scenarios/x.yaml", "kz.kosh.cli  Main.Run", "the file named on the command line"),
    ("ScenarioLoader.load", "kz.kosh.scenario", "ScenarioFiles + StrictYaml; TreeMerge; ScenarioBinder (Param definitions); checks; Timeline"),
    ("Scenario (immutable)", "kz.kosh.scenario", "run, population, study, decision, regions, destinations, policy, timeline"),
    ("HeadlessRun.run", "kz.kosh.output", "RunDirectory (hidden .incomplete-*), CsvRecorder as YearObserver, KoshSim"),
    ("KoshSim.start", "kz.kosh.sim", "World of the year (world + policy modules), Population arrays, LocationTables (decision)"),
    ("one year = 5 phases", "kz.kosh.sim", "EntryPhase, StudyPhase, LocationPhase, UpdatePhase (Rules, BlockRunner), record"),
    ("YearCounters + Stocks", "kz.kosh.sim", "moves by kind, funding, home region, origin and destination; who is where on 31 Dec"),
    ("CsvRecorder.yearDone", "kz.kosh.output", "flows.csv and stocks.csv rows; Indicators.compute"),
    ("indicators.csv row", "kz.kosh.indicator", "year, indicator, place, value, unit (IndicatorRegistry)"),
]
W, BOX_W, BOX_H, GAP, X = 900, 250, 46, 18, 20
H = len(STEPS) * (BOX_H + GAP) + 20
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
       'font-family="DejaVu Sans, Arial, sans-serif">',
       '<defs><marker id="a" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto">'
       '<path d="M0,0 L10,4 L0,8 z" fill="#444"/></marker></defs>',
       f'<rect width="{W}" height="{H}" fill="white"/>']
for i, (title, pkg, what) in enumerate(STEPS):
    y = 10 + i * (BOX_H + GAP)
    out.append(f'<rect x="{X}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="#e8f0fb" stroke="#2b5c9e"/>')
    out.append(f'<text x="{X + 10}" y="{y + 19}" font-size="14" font-weight="bold" fill="#13325b">{escape(title)}</text>')
    out.append(f'<text x="{X + 10}" y="{y + 37}" font-size="12" fill="#555">{escape(pkg)}</text>')
    out.append(f'<text x="{X + BOX_W + 20}" y="{y + 28}" font-size="13" fill="#222">{escape(what)}</text>')
    if i + 1 < len(STEPS):
        cx = X + BOX_W / 2
        out.append(f'<line x1="{cx}" y1="{y + BOX_H}" x2="{cx}" y2="{y + BOX_H + GAP - 2}" stroke="#444" '
                   'stroke-width="1.5" marker-end="url(#a)"/>')
out.append('</svg>')
print("\n".join(out))
