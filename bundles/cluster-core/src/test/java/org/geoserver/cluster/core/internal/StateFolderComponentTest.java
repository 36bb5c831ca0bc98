package org.geoserver.cluster.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFolderComponentTest {

    @TempDir
    Path root;

    @Test
    void theConfiguredFolderWinsOverKarafsDataFolder() {
        Path configured = root.resolve("state");
        assertEquals(configured, StateFolderComponent.resolve(configured.toString(), root.resolve("data").toString()));
        assertEquals(root.resolve("data").resolve("cluster"), StateFolderComponent.resolve("", root.resolve("data").toString()));
        assertEquals(root.resolve("data").resolve("cluster"), StateFolderComponent.resolve("  ", root.resolve("data").toString()));
    }

    @Test
    void withoutEitherNoFolderIsChosenAndTheMessageNamesTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StateFolderComponent.resolve("", null));
        assertTrue(e.getMessage().contains("folder in org.geoserver.cluster.state"), e.getMessage());
        assertTrue(assertThrows(IllegalStateException.class, () -> StateFolderComponent.resolve("relative/state", null))
                .getMessage().contains("not an absolute path"));
    }

    @Test
    void theFolderIsCreated() {
        Path folder = root.resolve("a/b/cluster");
        assertEquals(folder, new StateFolderComponent(folder).path());
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void aFolderThatCannotBeCreatedFailsActivationNamingIt() throws IOException {
        Path file = Files.writeString(root.resolve("plain-file"), "x");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new StateFolderComponent(file.resolve("cluster")));
        assertTrue(e.getMessage().contains(file.resolve("cluster").toString()), e.getMessage());
    }
}
