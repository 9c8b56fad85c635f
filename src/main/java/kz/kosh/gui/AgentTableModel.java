package kz.kosh.gui;

import javax.swing.table.AbstractTableModel;
import java.util.List;

/** The sampled agents as table rows. */
final class AgentTableModel extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    private transient List<AgentView> agents = List.of();
    /** A first column with the year (for a life history). */
    private final boolean withYear;

    AgentTableModel() {
        this(false);
    }

    AgentTableModel(boolean withYear) {
        this.withYear = withYear;
    }

    void setAgents(List<AgentView> a) {
        agents = a;
        fireTableDataChanged();
    }

    AgentView agent(int row) {
        return row >= 0 && row < agents.size() ? agents.get(row) : null;
    }

    @Override
    public int getRowCount() {
        return agents.size();
    }

    @Override
    public int getColumnCount() {
        return AgentView.COLUMNS.length + (withYear ? 1 : 0);
    }

    @Override
    public String getColumnName(int c) {
        return withYear ? (c == 0 ? "year" : AgentView.COLUMNS[c - 1]) : AgentView.COLUMNS[c];
    }

    @Override
    public Object getValueAt(int r, int c) {
        if (withYear) {
            return c == 0 ? Integer.toString(agents.get(r).getYear()) : agents.get(r).row()[c - 1];
        }
        return agents.get(r).row()[c];
    }
}
