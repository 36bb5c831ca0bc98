package org.geoserver.cluster.resource.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.geoserver.cluster.catalog.api.CatalogDefaults;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.junit.jupiter.api.Test;

class CatalogDigesterTest {

    private static WorkspaceInfo workspace(String id, String name, boolean nameFirst) {
        XmlElement idElement = XmlElement.text("id", id);
        XmlElement nameElement = XmlElement.text("name", name);
        return new WorkspaceInfo(XmlElement.of("workspace", nameFirst ? List.of(nameElement, idElement) : List.of(idElement, nameElement)));
    }

    @Test
    void equalContentGivesEqualDigestsWhateverTheOrder() {
        CatalogImpl a = new CatalogImpl();
        CatalogImpl b = new CatalogImpl();
        CatalogDefaults defaults = new CatalogDefaults();
        defaults.setDefaultWorkspace("w1");
        a.replaceAll(List.<Info>of(workspace("w1", "one", true), workspace("w2", "two", true), defaults));
        b.replaceAll(List.<Info>of(defaults, workspace("w2", "two", false), workspace("w1", "one", false)));
        assertEquals(new CatalogDigester(a).digest(), new CatalogDigester(b).digest());
        assertEquals(new CatalogDigester(a).digestsById(), new CatalogDigester(b).digestsById());
    }

    @Test
    void anyDifferenceShowsAndNamesItsTypeAndObject() {
        CatalogImpl a = new CatalogImpl();
        CatalogImpl b = new CatalogImpl();
        a.replaceAll(List.<Info>of(workspace("w1", "one", true)));
        b.replaceAll(List.<Info>of(workspace("w1", "uno", true)));
        CatalogDigester da = new CatalogDigester(a);
        CatalogDigester db = new CatalogDigester(b);
        assertNotEquals(da.digest(), db.digest());
        assertNotEquals(da.digestsByType().get("workspace"), db.digestsByType().get("workspace"));
        assertEquals(da.digestsByType().get("global"), db.digestsByType().get("global"));
        assertNotEquals(da.digestsById().get("workspace w1"), db.digestsById().get("workspace w1"));
    }

    @Test
    void resultsAreKeptUntilTheCatalogChanges() {
        CatalogImpl catalog = new CatalogImpl();
        CatalogDigester digester = new CatalogDigester(catalog);
        catalog.addListener(digester);
        String empty = digester.digest();
        assertSame(digester.digestsByType(), digester.digestsByType(), "computed once while nothing changes");
        catalog.add(org.geoserver.cluster.catalog.api.WorkspaceInfo.named("added"));
        String added = digester.digest();
        assertNotEquals(empty, added);
        assertEquals(new CatalogDigester(catalog).digestsById(), digester.digestsById(), "the same as computed afresh");
        catalog.replaceAll(List.<Info>of(workspace("w1", "one", true)));
        assertEquals(new CatalogDigester(catalog).digest(), digester.digest(), "a reload counts as a change");
    }
}
