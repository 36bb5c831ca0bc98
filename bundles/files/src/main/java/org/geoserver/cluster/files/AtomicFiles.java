package org.geoserver.cluster.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * File operations that never leave a half-done state behind. A file is written beside its target,
 * forced to disk and renamed over it, so a crash leaves either the old or the new content; its name
 * survives a power failure once its folder is synced ({@link #writeDurably} does both). Moves and
 * deletions of something already gone are no-ops, so replaying an operation is safe.
 */
public final class AtomicFiles {

    /** Suffix of the temporary files: a left-over one is the trace of a write that never finished. */
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {}

    /**
     * Replaces the content of a file (creating its folders) atomically; the content is on disk before
     * the rename, the new name once the caller syncs the folder (several writes share one sync).
     */
    public static void write(Path file, byte[] content) throws IOException {
        Path folder = file.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: it creates owner-only files, and the rename would keep that mode.
        Path temp = folder.resolve(tempName(file.getFileName().toString()));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // On disk before the rename: after a power failure the new name never points at missing data.
                channel.force(false);
            }
            rename(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@link #write} and then a sync of the file's folder: on return the file survives a power failure. */
    public static void writeDurably(Path file, byte[] content) throws IOException {
        write(file, content);
        syncFolder(file.getParent());
    }

    /**
     * A temporary name beside the file: the file's name cut to 50 characters (at most 200 bytes), so
     * that the temporary name fits the file system wherever the file's own name does.
     */
    public static String tempName(String fileName) {
        String start = fileName.codePointCount(0, fileName.length()) <= 50 ? fileName : fileName.substring(0, fileName.offsetByCodePoints(0, 50));
        return "." + start + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX;
    }

    /** True for the name of a temporary file {@link #write} left behind when it was cut off. */
    public static boolean isTemporary(String fileName) {
        return fileName.startsWith(".") && fileName.endsWith(TEMP_SUFFIX);
    }

    /**
     * Moves a file or a folder. A folder moved onto an existing one is merged into it (entries of
     * the source win), so that the files written at the new place earlier in the same change stay.
     * Nothing happens when the source does not exist.
     */
    public static void move(Path source, Path target) throws IOException {
        if (!Files.exists(source)) {
            return;
        }
        // isSameFile: on a case-insensitive file system a rename that only changes case finds the target "existing".
        if (Files.isDirectory(source) && Files.isDirectory(target) && !Files.isSameFile(source, target)) {
            for (Path entry : entries(source)) {
                move(entry, target.resolve(entry.getFileName().toString()));
            }
            Files.delete(source);
            return;
        }
        Files.createDirectories(target.getParent());
        rename(source, target);
    }

    /** Deletes a file, or a folder with everything in it; nothing happens when it does not exist. */
    public static void delete(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            Files.deleteIfExists(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(folder);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Forces a file's content to disk; nothing happens when it is gone (removed since). */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(false);
        } catch (NoSuchFileException e) {
            // removed since: nothing to keep
        }
    }

    /**
     * Puts a folder's entries (names created, renamed or deleted in it) on disk. Nothing happens when
     * the folder is gone (a later operation removed it) or the platform cannot open a folder (there a
     * rename is as durable as the operating system makes it).
     */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (NoSuchFileException e) {
            // removed since: nothing to keep
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            // a platform that does not open folders (Windows)
        }
    }

    private static void rename(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Path> entries(Path folder) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(entries::add);
        }
        return entries;
    }
}
