package org.geoserver.cluster.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.geoserver.cluster.catalog.xml.InfoXml;
import org.junit.jupiter.api.Test;

class MergeTest {

    private final InfoXml xml = new InfoXml();

    @Test
    void changesOnlyThePropertiesTheBodyNames() {
        String stored = "<layer><name>roads</name><enabled>true</enabled><attribution><title>t</title><logoWidth>0</logoWidth></attribution>"
                + "<styles><style><id>a</id></style><style><id>b</id></style></styles></layer>";
        String patch = "<layer><enabled>false</enabled><attribution><title>new</title></attribution><styles><style><id>c</id></style></styles><opaque>true</opaque></layer>";
        assertEquals("<layer><name>roads</name><enabled>false</enabled><attribution><title>new</title><logoWidth>0</logoWidth></attribution>"
                        + "<styles><style><id>c</id></style></styles><opaque>true</opaque></layer>",
                Merge.merge(xml.parse(stored), xml.parse(patch)).toString());
    }

    @Test
    void replacesListsAndMapsAsAWhole() {
        String stored = "<featureType><keywords><string>a</string><string>b</string></keywords><metadata><entry key=\"x\">1</entry></metadata></featureType>";
        String patch = "<featureType><keywords><string>c</string></keywords><metadata><entry key=\"y\">2</entry></metadata></featureType>";
        assertEquals(patch, Merge.merge(xml.parse(stored), xml.parse(patch)).toString());
    }
}
