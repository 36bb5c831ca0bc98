package org.geoserver.cluster.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path root;

    @Test
    void writeReplacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = root.resolve("a/b/c.xml");
        AtomicFiles.write(file, "one".getBytes());
        AtomicFiles.write(file, "two".getBytes());
        assertEquals("two", Files.readString(file));
        assertEquals(Set.of("a/b/c.xml"), files(root));
    }

    @Test
    void aFolderMovedOntoAnExistingOneIsMergedIntoIt() throws IOException {
        AtomicFiles.write(root.resolve("old/featuretype.xml"), "resource".getBytes());
        AtomicFiles.write(root.resolve("old/layer.xml"), "stale layer".getBytes());
        AtomicFiles.write(root.resolve("new/layer.xml"), "new layer".getBytes());

        AtomicFiles.move(root.resolve("old"), root.resolve("new"));

        assertEquals(Set.of("new/featuretype.xml", "new/layer.xml"), files(root));
        assertEquals("stale layer", Files.readString(root.resolve("new/layer.xml")), "what is moved wins");
        assertFalse(Files.exists(root.resolve("old")));
    }

    @Test
    void movingOrDeletingWhatIsGoneDoesNothing() throws IOException {
        AtomicFiles.move(root.resolve("missing"), root.resolve("target"));
        AtomicFiles.delete(root.resolve("missing"));
        assertEquals(Set.of(), files(root));
        assertFalse(Files.exists(root.resolve("target")));
    }

    @Test
    void deleteRemovesAFolderWithEverythingInIt() throws IOException {
        AtomicFiles.write(root.resolve("ws/store/resource/layer.xml"), "x".getBytes());
        AtomicFiles.write(root.resolve("ws/workspace.xml"), "x".getBytes());
        AtomicFiles.delete(root.resolve("ws"));
        assertFalse(Files.exists(root.resolve("ws")));
    }

    @Test
    void aDurableWriteLeavesTheFileAndNoTemporaryOne() throws IOException {
        Path file = root.resolve("state/instance-name");
        AtomicFiles.writeDurably(file, "node-a\n".getBytes());
        assertEquals("node-a\n", Files.readString(file));
        assertEquals(Set.of("state/instance-name"), files(root));
    }

    @Test
    void temporaryNamesAreToldFromTheFilesTheyStandFor() {
        String temp = AtomicFiles.tempName("00000000000000000042.event");
        assertTrue(AtomicFiles.isTemporary(temp));
        assertFalse(AtomicFiles.isTemporary("00000000000000000042.event"));
        assertFalse(AtomicFiles.isTemporary(".hidden.xml"));
    }

    /** The regular files under the root, by path relative to it. */
    private static Set<String> files(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            Set<String> names = new TreeSet<>();
            files.filter(Files::isRegularFile).forEach(f -> names.add(root.relativize(f).toString().replace('\\', '/')));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
