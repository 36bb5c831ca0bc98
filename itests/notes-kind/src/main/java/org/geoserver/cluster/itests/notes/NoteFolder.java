package org.geoserver.cluster.itests.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.geoserver.cluster.api.StateFolder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The notes of this node: one file {@code NAME.txt} per note in the folder {@code notes} beside the
 * cluster state, read afresh on every call so that a file edited by hand counts at once.
 */
@Component(service = NoteFolder.class)
public class NoteFolder {

    /** The id prefix of this kind's objects, as the replicated-resource contract asks. */
    static final String ID_PREFIX = NotesResource.KIND + ":";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Path folder;

    @Activate
    public NoteFolder(@Reference StateFolder state) throws IOException {
        this.folder = Files.createDirectories(state.path().resolveSibling("notes"));
    }

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** Every note's text, by object id. */
    synchronized Map<String, String> notes() {
        Map<String, String> notes = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".txt")) {
                    notes.put(ID_PREFIX + name.substring(0, name.length() - 4), Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the notes in " + folder, e);
        }
        return notes;
    }

    synchronized void write(String id, String text) throws IOException {
        Path file = file(id);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    synchronized void delete(String id) throws IOException {
        Files.deleteIfExists(file(id));
    }

    private Path file(String id) {
        String name = id.startsWith(ID_PREFIX) ? id.substring(ID_PREFIX.length()) : "";
        if (!validName(name)) {
            throw new IllegalArgumentException("not a note id: " + id);
        }
        return folder.resolve(name + ".txt");
    }
}
