package org.geoserver.cluster.datadir.internal;

import static org.geoserver.cluster.datadir.internal.DataDirectoryLayout.LAYERGROUPS;
import static org.geoserver.cluster.datadir.internal.DataDirectoryLayout.LAYER_FILE;
import static org.geoserver.cluster.datadir.internal.DataDirectoryLayout.NAMESPACE_FILE;
import static org.geoserver.cluster.datadir.internal.DataDirectoryLayout.RESOURCE_TYPES;
import static org.geoserver.cluster.datadir.internal.DataDirectoryLayout.SETTINGS_FILE;
import static org.geoserver.cluster.datadir.internal.DataDirectoryLayout.STORE_TYPES;
import static org.geoserver.cluster.datadir.internal.DataDirectoryLayout.STYLES;
import static org.geoserver.cluster.datadir.internal.DataDirectoryLayout.WORKSPACE_FILE;
import static org.geoserver.cluster.datadir.internal.DataDirectoryLayout.XML;
import static org.geoserver.cluster.datadir.internal.DataDirectoryLayout.fileName;
import static org.geoserver.cluster.datadir.internal.DataDirectoryLayout.serviceFile;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.geoserver.cluster.catalog.api.CatalogDefaults;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.NamespaceInfo;
import org.geoserver.cluster.catalog.api.ServiceInfo;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.geoserver.cluster.catalog.xml.InfoXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every catalog and configuration object of a data directory, tolerantly: a file that cannot
 * be read, is not well-formed, or holds something other than what belongs at its place is logged
 * and skipped, and everything else loads. Files that are not catalog files (templates, data, GWC,
 * security...) are never opened. Folders are listed and files parsed on a small pool of threads.
 */
final class DataDirectoryLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryLoader.class);

    /** Work items per thread: enough to even out folders of unequal size, few enough to keep scheduling cheap. */
    private static final int CHUNKS_PER_THREAD = 8;

    /** An object and the file it was read from (null for a namespace made up for a workspace without one). */
    record Loaded(Path file, Info info) {}

    /** Everything read, in a stable order (so "the first of two duplicates" means the same on every node), and the files left out. */
    record Result(List<Loaded> loaded, List<String> problems) {
        List<Info> objects() {
            return loaded.stream().map(Loaded::info).toList();
        }
    }

    /** Something to read: a catalog file listed in its folder, with the root element that belongs there, or a resource folder. */
    private sealed interface Work permits CatalogFile, ResourceFolder {}

    private record CatalogFile(Path file, String element) implements Work {}

    /**
     * A folder in a store folder, whose files are found when it is read: trying the few names a
     * resource folder may hold costs fewer calls than listing it, and there is one per layer.
     */
    private record ResourceFolder(Path folder) implements Work {}

    private final InfoXml xml;
    private final int threads;

    DataDirectoryLoader(InfoXml xml, int threads) {
        this.xml = xml;
        this.threads = threads;
    }

    Result load(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NotDirectoryException(root + " (the data directory) is not a folder");
        }
        DataDirectoryLayout layout = new DataDirectoryLayout(root);
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads, threadFactory());
        try {
            Walk walk = new Walk(problems);
            List<Work> work = new ArrayList<>(walk.global(root));
            List<Path> workspaceFolders = new ArrayList<>();
            // Folders are told from files by what they are, not by their names: a workspace may be named "name.xml".
            for (String name : walk.list(layout.workspaces())) {
                if (Files.isDirectory(layout.workspaces().resolve(name))) {
                    workspaceFolders.add(layout.workspaces().resolve(name));
                }
            }
            work.addAll(inParallel(pool, workspaceFolders, walk::workspace));
            List<Loaded> loaded = new ArrayList<>(inParallel(pool, work, item -> read(item, problems)));
            loaded.addAll(missingNamespaces(loaded));
            for (Info service : DataDirectoryInitializer.missingServices(loaded.stream().map(Loaded::info).toList(), xml)) {
                LOG.info("{} has no {}.xml: the {} service gets GeoServer's defaults", root, ((ServiceInfo) service).getServiceType(),
                        ((ServiceInfo) service).getServiceType().toUpperCase(java.util.Locale.ROOT));
                loaded.add(new Loaded(null, service));
            }
            loaded.addAll(defaultWorkspace(layout.defaultWorkspaceFile(), loaded, problems));
            return new Result(loaded, List.copyOf(problems));
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Loaded> read(Work work, List<String> problems) {
        if (work instanceof CatalogFile file) {
            return read(file.file(), file.element(), problems);
        }
        Path folder = ((ResourceFolder) work).folder();
        for (InfoType type : RESOURCE_TYPES) {
            Path file = folder.resolve(fileName(type));
            byte[] content;
            try {
                content = contentIfPresent(file);
            } catch (IOException e) {
                unreadable(problems, file, e);
                return List.of();
            }
            if (content != null) {
                List<Loaded> loaded = new ArrayList<>(parse(file, content, type.elementName(), problems));
                loaded.addAll(read(folder.resolve(LAYER_FILE), InfoType.LAYER.elementName(), problems));
                return loaded;
            }
        }
        if (Files.exists(folder.resolve(LAYER_FILE))) {
            problem(problems, folder.resolve(LAYER_FILE) + ": no resource file (featuretype.xml, coverage.xml, wmslayer.xml or wmtslayer.xml) beside it; skipped");
        }
        return List.of();
    }

    /** Reads one file if it exists; nothing (and a problem) when it cannot be read or is not what belongs there. */
    private List<Loaded> read(Path file, String element, List<String> problems) {
        try {
            byte[] content = contentIfPresent(file);
            return content == null ? List.of() : parse(file, content, element, problems);
        } catch (IOException e) {
            unreadable(problems, file, e);
            return List.of();
        }
    }

    private static void unreadable(List<String> problems, Path file, IOException e) {
        problem(problems, file + ": cannot be read (" + e + "); skipped");
    }

    private List<Loaded> parse(Path file, byte[] content, String element, List<String> problems) {
        try {
            Info info = xml.fromBytes(content);
            if (!info.xml().name().equals(element)) {
                problem(problems, file + ": holds a <" + info.xml().name() + ">, but a <" + element + "> belongs there; skipped");
                return List.of();
            }
            return List.of(new Loaded(file, info));
        } catch (RuntimeException e) {
            // XmlFormatException for malformed or refused documents; anything else is a surprise, but still one file only.
            problem(problems, file + ": " + e.getMessage() + "; skipped");
            return List.of();
        }
    }

    /** The file's content, or null when there is no such file (also when its "folder" is a plain file). */
    private static byte[] contentIfPresent(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (FileSystemException e) {
            // ENOTDIR has no exception of its own: a template or data file sitting among the resource folders.
            if (Files.isRegularFile(file.getParent())) {
                return null;
            }
            throw e;
        }
    }

    /** GeoServer creates the namespace of a workspace folder without namespace.xml from the workspace's name. */
    private static List<Loaded> missingNamespaces(List<Loaded> loaded) {
        Set<Path> withNamespace = new HashSet<>();
        for (Loaded entry : loaded) {
            if (entry.info() instanceof NamespaceInfo) {
                withNamespace.add(entry.file().getParent());
            }
        }
        List<Loaded> created = new ArrayList<>();
        for (Loaded entry : loaded) {
            if (entry.info() instanceof WorkspaceInfo workspace && !withNamespace.contains(entry.file().getParent())) {
                NamespaceInfo namespace = NamespaceInfo.of(workspace.getName(), "http://" + workspace.getName());
                // Derived from the workspace id, not random: every node loading this directory makes the same namespace.
                namespace.setId("NamespaceInfoImpl-" + UUID.nameUUIDFromBytes(("namespace of " + workspace.getId()).getBytes(StandardCharsets.UTF_8)));
                LOG.info("{} has no {}: created namespace '{}' ({})", entry.file().getParent(), NAMESPACE_FILE, namespace.getPrefix(), namespace.getURI());
                created.add(new Loaded(null, namespace));
            }
        }
        return created;
    }

    /** workspaces/default.xml is a copy of the default workspace's workspace.xml; like GeoServer, match it by name. */
    private List<Loaded> defaultWorkspace(Path file, List<Loaded> loaded, List<String> problems) {
        for (Loaded copy : read(file, InfoType.WORKSPACE.elementName(), problems)) {
            String name = ((WorkspaceInfo) copy.info()).getName();
            for (Loaded entry : loaded) {
                if (entry.info() instanceof WorkspaceInfo workspace && workspace.getName() != null && workspace.getName().equals(name)) {
                    CatalogDefaults defaults = new CatalogDefaults();
                    defaults.setDefaultWorkspace(workspace.getId());
                    return List.of(new Loaded(file, defaults));
                }
            }
            problem(problems, file + ": names workspace '" + name + "', which is not loaded; the first workspace becomes the default");
        }
        return List.of();
    }

    /** Runs {@code work} over the items on the pool, in chunks; the results keep the order of the items. */
    private <T, R> List<R> inParallel(ExecutorService pool, List<T> items, Function<T, List<R>> work) throws IOException {
        int chunk = Math.max(1, (items.size() + threads * CHUNKS_PER_THREAD - 1) / (threads * CHUNKS_PER_THREAD));
        List<Future<List<R>>> futures = new ArrayList<>();
        for (int from = 0; from < items.size(); from += chunk) {
            List<T> slice = items.subList(from, Math.min(items.size(), from + chunk));
            futures.add(pool.submit(() -> {
                List<R> results = new ArrayList<>();
                for (T item : slice) {
                    results.addAll(work.apply(item));
                }
                return results;
            }));
        }
        List<R> results = new ArrayList<>(items.size());
        try {
            for (Future<List<R>> future : futures) {
                results.addAll(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while loading the data directory");
        } catch (ExecutionException e) {
            // The work items catch their own failures; what gets here is a bug, not a bad file.
            throw new IllegalStateException("loading the data directory failed: " + e.getCause(), e.getCause());
        }
        return results;
    }

    private static void problem(List<String> problems, String problem) {
        LOG.warn("Data directory: {}", problem);
        problems.add(problem);
    }

    private static java.util.concurrent.ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "datadir-loader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Finds the catalog files by GeoServer's layout, listing only the root, workspace and store folders. */
    private static final class Walk {

        private final List<String> problems;

        Walk(List<String> problems) {
            this.problems = problems;
        }

        /** global.xml, logging.xml, the global services, styles/ and layergroups/. */
        List<Work> global(Path root) {
            List<Work> work = new ArrayList<>();
            for (String name : list(root)) {
                if (name.equals(DataDirectoryLayout.GLOBAL_FILE)) {
                    work.add(new CatalogFile(root.resolve(name), InfoType.GLOBAL.elementName()));
                } else if (name.equals(DataDirectoryLayout.LOGGING_FILE)) {
                    work.add(new CatalogFile(root.resolve(name), InfoType.LOGGING.elementName()));
                } else {
                    addScoped(root, name, work);
                }
            }
            return work;
        }

        /** A workspace folder: its own files, styles, groups and stores; nothing when it has no workspace.xml. */
        List<Work> workspace(Path folder) {
            List<String> names = list(folder);
            if (names.isEmpty() && !Files.isDirectory(folder)) {
                return List.of();
            }
            if (!names.contains(WORKSPACE_FILE)) {
                problem(problems, folder + ": has no " + WORKSPACE_FILE + "; folder skipped");
                return List.of();
            }
            List<Work> work = new ArrayList<>();
            for (String name : names) {
                Path path = folder.resolve(name);
                if (name.equals(WORKSPACE_FILE)) {
                    work.add(new CatalogFile(path, InfoType.WORKSPACE.elementName()));
                } else if (name.equals(NAMESPACE_FILE)) {
                    work.add(new CatalogFile(path, InfoType.NAMESPACE.elementName()));
                } else if (name.equals(SETTINGS_FILE)) {
                    work.add(new CatalogFile(path, InfoType.SETTINGS.elementName()));
                } else if (!addScoped(folder, name, work) && Files.isDirectory(path)) {
                    store(path, work);
                }
            }
            return work;
        }

        /** Service files, styles/ and layergroups/, which the root and every workspace folder may hold; false for other names. */
        private boolean addScoped(Path folder, String name, List<Work> work) {
            Path path = folder.resolve(name);
            for (String service : InfoType.SERVICE_ELEMENTS) {
                if (name.equals(serviceFile(service))) {
                    work.add(new CatalogFile(path, service));
                    return true;
                }
            }
            if (name.equals(STYLES) || name.equals(LAYERGROUPS)) {
                String element = name.equals(STYLES) ? InfoType.STYLE.elementName() : InfoType.LAYERGROUP.elementName();
                for (String file : list(path)) {
                    if (file.endsWith(XML)) {
                        work.add(new CatalogFile(path.resolve(file), element));
                    }
                }
                return true;
            }
            return false;
        }

        /** A store folder and its resource folders; skipped when it has no store file (it may be a data folder). */
        private void store(Path folder, List<Work> work) {
            List<String> names = list(folder);
            InfoType storeType = firstPresent(STORE_TYPES, names);
            if (storeType == null) {
                problem(problems, folder + ": has no store file (datastore.xml, coveragestore.xml, wmsstore.xml or wmtsstore.xml); folder skipped");
                return;
            }
            work.add(new CatalogFile(folder.resolve(fileName(storeType)), storeType.elementName()));
            for (String name : names) {
                if (Files.isDirectory(folder.resolve(name))) {
                    work.add(new ResourceFolder(folder.resolve(name)));
                }
            }
        }

        /** The first of these kinds whose file is in the folder, or null. */
        private static InfoType firstPresent(List<InfoType> types, List<String> names) {
            for (InfoType type : types) {
                if (names.contains(fileName(type))) {
                    return type;
                }
            }
            return null;
        }

        /** Names in a folder, sorted so that every node reads in the same order; empty when it is not a folder. */
        List<String> list(Path folder) {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    names.add(entry.getFileName().toString());
                }
            } catch (NotDirectoryException | NoSuchFileException e) {
                return List.of();
            } catch (IOException e) {
                problem(problems, folder + ": cannot be listed (" + e + "); skipped");
                return List.of();
            }
            Collections.sort(names);
            return names;
        }
    }
}
