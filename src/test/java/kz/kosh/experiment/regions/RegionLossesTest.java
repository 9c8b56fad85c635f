package kz.kosh.experiment.regions;

import kz.kosh.experiment.regions.RegionLosses.Region;
import kz.kosh.experiment.regions.RegionLosses.Where;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Which regions lose most, and to where" by hand on a small case: region A, city B, region C
 * (no graduates of its own), destinations D and E; two replications at scale 0.5 (an agent is
 * two persons).
 */
class RegionLossesTest {
    static final RegionLosses.Places PLACES = new RegionLosses.Places(List.of("A", "B", "C", "D", "E"),
            List.of("Region A", "City B", "Region C", "Land D", "Land E"), new boolean[]{false, true, false, false, false}, 3);

    /** Replication 1: A 2 home, 1 in B, 1 in C; B 3 home, 1 in D. Replication 2: A one each in A, B, C, D; B 2 home, 2 in E. */
    static RegionLosses twoReplications() {
        RegionLosses l = new RegionLosses(PLACES);
        l.add(new long[][]{{2, 1, 1, 0, 0}, {0, 3, 0, 1, 0}, {0, 0, 0, 0, 0}}, 0.5);
        l.add(new long[][]{{1, 1, 1, 1, 0}, {0, 2, 0, 0, 2}, {0, 0, 0, 0, 0}}, 0.5);
        return l;
    }

    @Test
    void retentionWhereTheOthersLiveAndNetGainByHand() {
        List<Region> regions = twoReplications().regions();
        // lowest retention first: A (0.5, 0.25) before B (0.75, 0.5); C has no graduates of its own: last
        assertEquals(List.of("A", "B", "C"), regions.stream().map(Region::id).toList());
        Region a = regions.get(0);
        assertEquals(0.375, a.retention().mean(), 1e-12);
        // Wilson with the effective sample size: p = 0.375, sd = 0.25/sqrt2, n = 2, z = t(0.975, 1) = 12.706
        assertEquals(0.0123706, a.retention().lo(), 1e-6);
        assertEquals(0.9663766, a.retention().hi(), 1e-6);
        assertEquals(0.25, a.where()[Where.MEGACITY.ordinal()].mean(), 1e-12); // (0.25 + 0.25) / 2
        assertEquals(0.25, a.where()[Where.OTHER_REGION.ordinal()].mean(), 1e-12);
        assertEquals(0.125, a.where()[Where.ABROAD.ordinal()].mean(), 1e-12); // (0 + 0.25) / 2
        assertEquals(8, a.ownGraduates().mean(), 1e-12); // 4 agents x 2 persons in both
        // net gain: living in A minus own: (2 - 4) x 2 = -4 and (1 - 4) x 2 = -6; mean -5, sd sqrt2, t = 12.706
        assertEquals(-5, a.netGain().mean(), 1e-12);
        assertEquals(-5 - 12.7062047, a.netGain().lo(), 1e-6);
        assertEquals(-5 + 12.7062047, a.netGain().hi(), 1e-6);
        assertEquals(1, a.persons()[3].mean(), 1e-12); // in D: 0 and 2 persons
        assertEquals(0.125, a.at()[3].mean(), 1e-12);
        // to where: City B and Region C a quarter each, Land D an eighth; Land E none (left out)
        assertEquals(List.of(1, 2, 3), a.largestElsewhere(3));
        Region b = regions.get(1);
        assertEquals(0.625, b.retention().mean(), 1e-12);
        assertEquals(0.0336234, b.retention().lo(), 1e-6);
        assertEquals(0.375, b.where()[Where.ABROAD.ordinal()].mean(), 1e-12); // (0.25 + 0.5) / 2
        assertEquals(-1, b.netGain().mean(), 1e-12); // (4 - 4) x 2 = 0 and (3 - 4) x 2 = -2
        Region c = regions.get(2);
        assertEquals(0, c.retention().n(), "no graduates of its own: no share, not 0");
        assertTrue(Double.isNaN(c.retention().mean()));
        assertEquals(2, c.netGain().mean(), 1e-12); // one graduate of A lives there in both
        assertEquals(2, c.netGain().lo(), 1e-12); // the same in both replications: a point
    }

    @Test
    void sharesOfARegionAddUpToOneAndNetGainsToMinusTheGraduatesAbroad() {
        RegionLosses l = twoReplications();
        double gains = 0;
        for (Region r : l.regions()) {
            gains += r.netGain().mean();
            if (r.retention().n() == 0) {
                continue;
            }
            double where = 0;
            double at = 0;
            for (Where w : Where.values()) {
                where += r.where()[w.ordinal()].mean();
            }
            for (RegionLosses.Stat s : r.at()) {
                at += s.mean();
            }
            assertEquals(1, where, 1e-12, r.id());
            assertEquals(1, at, 1e-12, r.id());
        }
        // abroad: 1 agent (B in D) in replication 1, 3 (A in D, 2 of B in E) in replication 2: mean 2 agents = 4 persons
        assertEquals(-4, gains, 1e-12);
    }

    @Test
    void theCsvNamesEveryPlaceWithItsUnitAndMarksMissingAsNa() {
        RegionsRun.Result r = new RegionsRun.Result(java.nio.file.Path.of("."), "test", 2045, twoReplications(), 0, 1);
        String csv = RegionsReport.csv(r);
        String[] lines = csv.split("\n");
        assertEquals(RegionsReport.CSV_HEADER, lines[0]);
        // per region: 3 + 4 measures at home and 2 per place (5 places): 17 rows, 3 regions
        assertEquals(1 + 3 * 17, lines.length);
        assertTrue(csv.contains("test,2045,1,A,Region A,retention_own_graduates,A,Region A,region,share,0.375,"), csv);
        assertTrue(csv.contains("test,2045,1,A,Region A,graduates_living_at,D,Land D,destination,persons,1,"), csv);
        assertTrue(csv.contains("test,2045,2,B,City B,share_abroad,B,City B,city,share,0.375,"), csv);
        assertTrue(csv.contains("test,2045,3,C,Region C,retention_own_graduates,C,Region C,region,share,n/a,n/a,n/a,0"), csv);
        List<String> answer = RegionsReport.answer(r, 2);
        assertTrue(answer.get(3).startsWith("1   Region A A"), answer.get(3));
        assertTrue(answer.get(3).contains("City B 25.0%, Region C 25.0%, Land D 12.5%"), answer.get(3));
        assertTrue(answer.get(5).contains("n/a"), answer.get(5));
    }
}
