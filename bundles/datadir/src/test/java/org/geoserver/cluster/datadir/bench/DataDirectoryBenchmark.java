package org.geoserver.cluster.datadir.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.geoserver.cluster.catalog.api.FeatureTypeInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.LayerInfo;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.StoreInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.internal.CatalogImpl;
import org.geoserver.cluster.datadir.internal.DataDirectoryPersister;
import org.geoserver.cluster.datadir.internal.DataDirectoryCatalogLoader;
import org.geoserver.cluster.datadir.internal.TestConfigs;

/**
 * Not a unit test (run {@code bench/datadir.sh}). {@code generate WxL DIR} writes a data directory
 * of W workspaces with one store and L feature types and layers each (plus styles and layer groups)
 * unless DIR exists; {@code measure WxL DIR [--header]} loads it through the data directory component
 * as a node starts, then times catalog changes written through the persister, and prints a table
 * row. Measure in a fresh JVM per size, after the generated files are flushed (the script syncs),
 * so that the load is a cold start and does not compete with the kernel's write-back.
 */
public final class DataDirectoryBenchmark {

    private static final int STYLES = 20;
    private static final int GROUP_SIZE = 10;
    private static final int WARM_UP = 50;
    private static final int OPERATIONS = 200;

    private DataDirectoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !(args[0].equals("generate") || args[0].equals("measure"))) {
            System.err.println("usage: DataDirectoryBenchmark generate|measure <workspaces>x<layers per workspace> <folder> [--header]");
            System.exit(2);
        }
        String[] size = args[1].split("x");
        int workspaces = Integer.parseInt(size[0]);
        int layersPerWorkspace = Integer.parseInt(size[1]);
        Path root = Path.of(args[2]);
        if (args[0].equals("generate")) {
            if (!Files.exists(root)) {
                long start = System.nanoTime();
                int files = new DataDirectoryGenerator(root, STYLES, GROUP_SIZE).generate(workspaces, layersPerWorkspace);
                System.out.printf(Locale.ROOT, "generated %,d files in %s in %.1f s%n", files, root, seconds(start));
            }
            return;
        }
        if (args.length > 3 && args[3].equals("--header")) {
            System.out.println("| layers | workspaces x layers | objects loaded | load s | heap after load MB | add ms | save ms | remove ms |");
            System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
        }
        measure(root, workspaces * layersPerWorkspace, args[1].replace("x", " x "));
    }

    private static void measure(Path root, int expectedLayers, String shape) {
        CatalogImpl catalog = new CatalogImpl();
        long start = System.nanoTime();
        new DataDirectoryCatalogLoader(catalog, TestConfigs.path(root.toString()));
        double load = seconds(start);
        int layers = catalog.list(LayerInfo.class).size();
        if (layers != expectedLayers) {
            throw new IllegalStateException("loaded " + layers + " layers of " + expectedLayers + " from " + root);
        }
        double heap = usedHeapMb();

        catalog.setPersistence(new DataDirectoryPersister(() -> root));
        Timings timings = new Timings();
        changes(catalog, WARM_UP, new Timings());
        changes(catalog, OPERATIONS, timings);

        System.out.printf(Locale.ROOT, "| %,d | %s | %,d | %.2f | %.0f | %.2f | %.2f | %.2f |%n",
                layers, shape, catalog.list(Info.class).size(), load, heap,
                timings.add / 1e6 / timings.adds, timings.save / 1e6 / OPERATIONS, timings.remove / 1e6 / OPERATIONS);
    }

    /** Adds feature types with their layers across the workspaces, retitles them, removes them recursively: every change written. */
    private static void changes(CatalogImpl catalog, int count, Timings timings) {
        List<WorkspaceInfo> workspaces = catalog.list(WorkspaceInfo.class);
        List<FeatureTypeInfo> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WorkspaceInfo workspace = workspaces.get(i % workspaces.size());
            NamespaceInfo namespace = catalog.getNamespaceByPrefix(workspace.getName());
            StoreInfo store = catalog.getStoresByWorkspace(workspace.getId()).get(0);
            FeatureTypeInfo featureType = new FeatureTypeInfo();
            featureType.setName("bench_" + System.nanoTime());
            featureType.setNamespace(namespace.getId());
            featureType.setStore(store);
            featureType.setSRS("EPSG:4326");
            long start = System.nanoTime();
            featureType = catalog.add(featureType);
            catalog.add(LayerInfo.publishing(featureType));
            timings.add += System.nanoTime() - start;
            timings.adds += 2;
            added.add(featureType);
        }
        for (FeatureTypeInfo featureType : added) {
            featureType.setTitle("Retitled " + featureType.getName());
            long start = System.nanoTime();
            catalog.save(featureType);
            timings.save += System.nanoTime() - start;
        }
        for (FeatureTypeInfo featureType : added) {
            long start = System.nanoTime();
            catalog.removeRecursively(featureType);
            timings.remove += System.nanoTime() - start;
        }
    }

    /** Nanoseconds spent per kind of change. */
    private static final class Timings {
        long add;
        int adds;
        long save;
        long remove;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double usedHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
