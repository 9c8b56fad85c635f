package kz.kosh.gui;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The charts' data as tidy CSV and their colour-blind-safe lines. */
class ChartDataTest {
    @Test
    void csvIsTidyWithPlainYears() {
        XYSeriesCollection c = new XYSeriesCollection();
        XYSeries a = new XYSeries("emigration");
        a.add(2015, 1234.0);
        a.add(2016, 0.25);
        XYSeries b = new XYSeries("Rest of world, other");
        b.add(2015, Double.NaN);
        c.addSeries(a);
        c.addSeries(b);
        XYSeriesCollection ru = new XYSeriesCollection(new XYSeries("Russia"));
        ru.getSeries(0).add(2015, 10000);
        assertEquals("year,series,value\n2015,emigration,1234\n2016,emigration,0.25\n"
                + "2015,\"Rest of world, other\",\n2015,Russia,10000\n", ChartData.csv(c, ru));
    }

    @Test
    void sixteenSeriesHaveDistinctLooks() {
        Set<String> looks = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            looks.add(ChartData.colour(i).getRGB() + "/" + ChartData.stroke(i));
        }
        assertEquals(16, looks.size());
        // the palette is Okabe-Ito
        assertEquals(new Color(0xE6, 0x9F, 0x00), ChartData.colour(0));
        assertNotEquals(ChartData.stroke(0), ChartData.stroke(8));
    }
}
