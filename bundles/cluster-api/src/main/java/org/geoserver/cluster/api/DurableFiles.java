package org.geoserver.cluster.api;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Disk syncs for the files the cluster keeps its state in (the outbox, events kept aside): a file
 * survives a power failure once it is forced, and its name (created, renamed) once its folder is.
 */
public final class DurableFiles {

    private DurableFiles() {}

    /** Forces a file's content to disk; nothing happens when it is gone (removed since). */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(false);
        } catch (NoSuchFileException e) {
            // removed since: nothing to keep
        }
    }

    /**
     * Forces a folder's entries to disk. Nothing happens on a platform that cannot open a folder
     * (Windows): there a rename is as durable as the operating system makes it.
     */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            // a platform that does not open folders
        }
    }
}
