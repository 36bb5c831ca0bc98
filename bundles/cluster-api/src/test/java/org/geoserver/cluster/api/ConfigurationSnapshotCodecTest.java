package org.geoserver.cluster.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.geoserver.cluster.api.ConfigurationSnapshot.SnapshotObject;
import org.geoserver.cluster.api.ReplicationLedger.Version;
import org.junit.jupiter.api.Test;

class ConfigurationSnapshotCodecTest {

    private static ConfigurationSnapshot snapshot() {
        ClusterEvent pending = new ClusterEvent("e-9", "node-c", "g", 9, 99L, ClusterEvent.Operation.ADD, "layer", "LayerInfoImpl-9",
                "<layer><id>LayerInfoImpl-9</id></layer>", List.of(), null, false);
        return new ConfigurationSnapshot("node-a", "g", 1234L,
                List.of(new SnapshotObject("workspace", "WorkspaceInfoImpl-1", "<workspace><id>WorkspaceInfoImpl-1</id><name>é</name></workspace>", null),
                        new SnapshotObject("style", "StyleInfoImpl-1", "<style><id>StyleInfoImpl-1</id></style>", "<sld/>".getBytes(StandardCharsets.UTF_8)),
                        new SnapshotObject("tileLayer", "gwc:roads", "<tileLayer/>", null, "gwc")),
                Map.of("WorkspaceInfoImpl-1", new Version(10, "node-a"), "LayerInfoImpl-gone", new Version(11, "node-b")),
                Map.of("node-b", 17L, "node-c", 8L), List.of(pending));
    }

    @Test
    void roundTripsEveryField() throws Exception {
        ConfigurationSnapshotCodec codec = new ConfigurationSnapshotCodec();
        ConfigurationSnapshot decoded = codec.decode(codec.encode(snapshot()));
        ConfigurationSnapshot expected = snapshot();
        assertEquals(expected.origin(), decoded.origin());
        assertEquals(expected.group(), decoded.group());
        assertEquals(expected.takenAt(), decoded.takenAt());
        assertEquals(expected.versions(), decoded.versions());
        assertEquals(expected.progress(), decoded.progress());
        assertEquals(expected.pending(), decoded.pending());
        assertEquals(3, decoded.objects().size());
        assertEquals(List.of(ClusterEvent.CATALOG, ClusterEvent.CATALOG, "gwc"), decoded.objects().stream().map(SnapshotObject::kind).toList());
        assertEquals(expected.objects().get(0).xml(), decoded.objects().get(0).xml());
        assertNull(decoded.objects().get(0).styleBody());
        assertArrayEquals(expected.objects().get(1).styleBody(), decoded.objects().get(1).styleBody());
    }

    @Test
    void corruptSnapshotsAreRefused() {
        ConfigurationSnapshotCodec codec = new ConfigurationSnapshotCodec();
        byte[] bytes = codec.encode(snapshot());
        InvalidEventException cut = assertThrows(InvalidEventException.class, () -> codec.decode(Arrays.copyOf(bytes, bytes.length / 2)));
        assertTrue(cut.getMessage().contains("corrupt configuration snapshot"), cut.getMessage());
        assertThrows(InvalidEventException.class, () -> codec.decode("not a snapshot".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sealedBytesNeedTheSameSecret() throws Exception {
        byte[] content = "digests".getBytes(StandardCharsets.UTF_8);
        ClusterEventCodec signer = new ClusterEventCodec("s3cret");
        assertArrayEquals(content, signer.unseal(signer.seal(content), "reply"));
        InvalidEventException wrong = assertThrows(InvalidEventException.class, () -> new ClusterEventCodec("other").unseal(signer.seal(content), "reply"));
        assertTrue(wrong.getMessage().contains("reply has a wrong signature"), wrong.getMessage());
        InvalidEventException unsigned = assertThrows(InvalidEventException.class, () -> signer.unseal(new ClusterEventCodec("").seal(content), "reply"));
        assertTrue(unsigned.getMessage().contains("not signed"), unsigned.getMessage());
        assertArrayEquals(content, new ClusterEventCodec("").unseal(signer.seal(content), "reply"));
    }
}
