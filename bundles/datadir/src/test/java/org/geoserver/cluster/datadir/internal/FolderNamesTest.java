package org.geoserver.cluster.datadir.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.geoserver.cluster.catalog.api.DataStoreInfo;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders named like files ({@code name.xml}) are folders: what was written under such a name loads again. */
class FolderNamesTest {

    @TempDir
    Path root;

    @Test
    void aWorkspaceStoreAndResourceNamedLikeXmlFilesLoadAgain() throws IOException {
        CatalogImpl catalog = new CatalogImpl();
        catalog.setPersistence(Fixtures.persister(root));
        WorkspaceInfo workspace = catalog.add(WorkspaceInfo.named("w.xml"));
        DataStoreInfo store = new DataStoreInfo();
        store.setName("store.xml");
        store.setWorkspace(workspace.getId());
        store = catalog.add(store);
        FeatureTypeInfo featureType = new FeatureTypeInfo();
        featureType.setName("name.xml");
        featureType.setNativeName("x");
        featureType.setStore(store);
        featureType.setNamespace(catalog.getNamespaceByPrefix("w.xml").getId());
        catalog.add(featureType);

        DataDirectoryLoader.Result reloaded = Fixtures.LOADER.load(root);
        assertEquals(List.of(), reloaded.problems());
        CatalogImpl again = new CatalogImpl();
        assertEquals(List.of(), again.replaceAll(reloaded.objects()));
        assertNotNull(again.getResourceByName("w.xml", "name.xml", FeatureTypeInfo.class));
        // The folder holds no service file: on loading, each service GeoServer runs gets its defaults.
        assertEquals(catalog.list(Info.class), again.list(Info.class).stream().filter(info -> !(info instanceof ServiceInfo)).toList(), "the same objects");
        assertEquals(DataDirectoryInitializer.SERVICES, again.list(ServiceInfo.class).stream().map(ServiceInfo::getServiceType).toList());
    }
}
