package org.geoserver.cluster.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.geoserver.cluster.api.StateFolder;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state folder from {@value StateFolderConfig#PID}, else {@code ${karaf.data}/cluster}. Without
 * either, or when the folder cannot be created, activation fails naming the setting, so no cluster
 * component starts on a folder nobody chose.
 */
@Component(service = StateFolder.class, configurationPid = StateFolderConfig.PID)
@Designate(ocd = StateFolderConfig.class)
public class StateFolderComponent implements StateFolder {

    private static final Logger LOG = LoggerFactory.getLogger(StateFolderComponent.class);

    private final Path path;

    @Activate
    public StateFolderComponent(StateFolderConfig config, BundleContext context) {
        this(resolve(config.folder(), context.getProperty("karaf.data")));
    }

    StateFolderComponent(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the cluster state folder " + path + " (folder in " + StateFolderConfig.PID + "): " + e, e);
        }
        if (!Files.isWritable(path)) {
            throw new IllegalStateException("the cluster state folder " + path + " (folder in " + StateFolderConfig.PID + ") is not writable");
        }
        this.path = path;
        LOG.info("Cluster state folder: {}", path);
    }

    /** The configured folder, else the one under Karaf's data folder. */
    static Path resolve(String configured, String karafData) {
        if (configured != null && !configured.isBlank()) {
            Path folder = Path.of(configured.trim());
            if (!folder.isAbsolute()) {
                throw new IllegalStateException("folder = " + configured + " in " + StateFolderConfig.PID + " is not an absolute path");
            }
            return folder;
        }
        if (karafData == null || karafData.isBlank()) {
            throw new IllegalStateException("no cluster state folder: set folder in " + StateFolderConfig.PID + " (outside Karaf there is no ${karaf.data} to default to)");
        }
        return Path.of(karafData, "cluster");
    }

    @Override
    public Path path() {
        return path;
    }
}
