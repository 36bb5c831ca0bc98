package org.geoserver.cluster.api;

import static org.geoserver.cluster.api.WireFields.readBytes;
import static org.geoserver.cluster.api.WireFields.readCount;
import static org.geoserver.cluster.api.WireFields.readString;
import static org.geoserver.cluster.api.WireFields.writeBytes;
import static org.geoserver.cluster.api.WireFields.writeString;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.geoserver.cluster.api.ConfigurationSnapshot.SnapshotObject;
import org.geoserver.cluster.api.ReplicationLedger.Version;

/**
 * The byte form of a {@link ConfigurationSnapshot}: typed fields like events (nothing selects a
 * class), gzip-compressed since XML shrinks about tenfold. Signing is the transport's
 * ({@link ClusterEventCodec#seal}), as for any bytes between nodes.
 */
public final class ConfigurationSnapshotCodec {

    private static final int MAGIC = 0x47534353; // "GSCS"
    /** 2 adds each object's kind; version 1 (catalog objects only) is still read. */
    private static final byte VERSION = 2;
    private static final int MAX_COUNT = 10_000_000;

    /** Pending events are written without signature: the snapshot as a whole is sealed. */
    private final ClusterEventCodec events = new ClusterEventCodec("");

    public byte[] encode(ConfigurationSnapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(bytes), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
            writeString(out, snapshot.origin());
            writeString(out, snapshot.group());
            out.writeLong(snapshot.takenAt());
            out.writeInt(snapshot.objects().size());
            for (SnapshotObject object : snapshot.objects()) {
                writeString(out, object.type());
                writeString(out, object.id());
                writeString(out, object.xml());
                writeBytes(out, object.styleBody());
                writeString(out, object.kind());
            }
            out.writeInt(snapshot.versions().size());
            for (Map.Entry<String, Version> entry : snapshot.versions().entrySet()) {
                writeString(out, entry.getKey());
                out.writeLong(entry.getValue().timestamp());
                writeString(out, entry.getValue().origin());
            }
            out.writeInt(snapshot.progress().size());
            for (Map.Entry<String, Long> entry : snapshot.progress().entrySet()) {
                writeString(out, entry.getKey());
                out.writeLong(entry.getValue());
            }
            out.writeInt(snapshot.pending().size());
            for (ClusterEvent event : snapshot.pending()) {
                writeBytes(out, events.encode(event));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + snapshot, e);
        }
        return bytes.toByteArray();
    }

    public ConfigurationSnapshot decode(byte[] message) throws InvalidEventException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(new ByteArrayInputStream(message)), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new InvalidEventException("not a configuration snapshot (bad magic number)");
            }
            byte version = in.readByte();
            if (version < 1 || version > VERSION) {
                throw new InvalidEventException("snapshot format version " + version + " is not supported (this node reads 1 to " + VERSION + ")");
            }
            String origin = readString(in);
            String group = readString(in);
            long takenAt = in.readLong();
            int count = readCount(in, MAX_COUNT, "objects of the snapshot of " + origin);
            List<SnapshotObject> objects = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String type = readString(in);
                String id = readString(in);
                String xml = readString(in);
                byte[] styleBody = readBytes(in);
                objects.add(new SnapshotObject(type, id, xml, styleBody, version >= 2 ? readString(in) : ClusterEvent.CATALOG));
            }
            count = readCount(in, MAX_COUNT, "versions of the snapshot of " + origin);
            Map<String, Version> versions = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String id = readString(in);
                versions.put(id, new Version(in.readLong(), readString(in)));
            }
            count = readCount(in, MAX_COUNT, "progress of the snapshot of " + origin);
            Map<String, Long> progress = new HashMap<>();
            for (int i = 0; i < count; i++) {
                progress.put(readString(in), in.readLong());
            }
            count = readCount(in, MAX_COUNT, "pending events of the snapshot of " + origin);
            List<ClusterEvent> pending = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                pending.add(events.decode(readBytes(in)));
            }
            return new ConfigurationSnapshot(origin, group, takenAt, objects, versions, progress, pending);
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException("truncated or corrupt configuration snapshot: " + e.getMessage(), e);
        }
    }
}
