package org.geoserver.cluster.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterEventCodecTest {

    private static ClusterEvent event(byte[] styleBody) {
        return new ClusterEvent("e-1", "node-a", "geoserver-cluster", 42, 123456789L, ClusterEvent.Operation.MODIFY, "style",
                "StyleInfoImpl-1", "<style><id>StyleInfoImpl-1</id><name>roads é</name></style>", List.of("name", "filename"), styleBody, false);
    }

    @Test
    void theUserTravelsWithTheEventAndTheFirstFormatIsStillRead() throws Exception {
        ClusterEventCodec codec = new ClusterEventCodec("");
        ClusterEvent byAdmin = new ClusterEvent("e-2", "node-a", "g", 1, 2L, ClusterEvent.Operation.ADD, "workspace", "ws-1", "<workspace/>",
                List.of(), null, false, "admin");
        assertEquals("admin", codec.decode(codec.encode(byAdmin)).user());

        // An event as nodes wrote them before the user travelled (format 1): read, with no user.
        ClusterEvent old = codec.decode(earlierFormat(1, "e-3", ClusterEvent.Operation.REMOVE, null));
        assertEquals(new ClusterEvent("e-3", "node-a", "g", 7, 8L, ClusterEvent.Operation.REMOVE, "workspace", "ws-1", "<workspace/>", List.of(), null, false),
                old);
        assertEquals(null, old.user());
    }

    @Test
    void theKindTravelsWithTheEventAndEventsOfTheSecondFormatAreCatalogEvents() throws Exception {
        ClusterEventCodec codec = new ClusterEventCodec("secret");
        ClusterEvent tileLayer = new ClusterEvent("e-4", "node-a", "g", 3, 4L, ClusterEvent.Operation.ADD, "tileLayer", "gwc:roads", "<tileLayer/>",
                List.of(), null, false, "admin", "gwc");
        ClusterEvent decoded = codec.decode(codec.encode(tileLayer));
        assertEquals("gwc", decoded.kind());
        assertEquals(tileLayer, decoded);
        assertEquals(ClusterEvent.CATALOG, codec.decode(codec.encode(event(null))).kind());

        // An event as nodes wrote them before events named their kind (format 2): a catalog event.
        ClusterEvent second = new ClusterEventCodec("").decode(earlierFormat(2, "e-5", ClusterEvent.Operation.ADD, "admin"));
        assertEquals(ClusterEvent.CATALOG, second.kind());
        assertEquals("admin", second.user());
    }

    /** An unsigned workspace event in an earlier format: 1 has no user, 2 has one. */
    private static byte[] earlierFormat(int format, String id, ClusterEvent.Operation operation, String user) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(0x47534345);
        out.writeByte(format);
        for (String text : List.of(id, "node-a", "g")) {
            writeString(out, text);
        }
        out.writeLong(7);
        out.writeLong(8);
        out.writeByte(operation.ordinal());
        for (String text : List.of("workspace", "ws-1", "<workspace/>")) {
            writeString(out, text);
        }
        out.writeInt(0);
        out.writeInt(-1);
        out.writeBoolean(false);
        if (format >= 2) {
            writeString(out, user);
        }
        out.writeBoolean(false);
        return bytes.toByteArray();
    }

    private static void writeString(java.io.DataOutputStream out, String text) throws java.io.IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    @Test
    void roundTripsEveryField() throws Exception {
        ClusterEventCodec codec = new ClusterEventCodec("");
        ClusterEvent event = event("<sld/>".getBytes(StandardCharsets.UTF_8));
        assertEquals(event, codec.decode(codec.encode(event)));
        ClusterEvent withoutBody = event(null);
        assertEquals(withoutBody, codec.decode(codec.encode(withoutBody)));
    }

    @Test
    void signedEventsAreVerified() throws Exception {
        ClusterEventCodec signer = new ClusterEventCodec("s3cret");
        byte[] signed = signer.encode(event(null));
        assertEquals(event(null), signer.decode(signed));

        InvalidEventException wrongSecret = assertThrows(InvalidEventException.class, () -> new ClusterEventCodec("other").decode(signed));
        assertTrue(wrongSecret.getMessage().contains("wrong signature"), wrongSecret.getMessage());

        byte[] unsigned = new ClusterEventCodec("").encode(event(null));
        InvalidEventException missing = assertThrows(InvalidEventException.class, () -> signer.decode(unsigned));
        assertTrue(missing.getMessage().contains("not signed"), missing.getMessage());

        byte[] tampered = signed.clone();
        int at = new String(tampered, StandardCharsets.ISO_8859_1).indexOf("roads");
        tampered[at] = 'R';
        assertThrows(InvalidEventException.class, () -> signer.decode(tampered));
    }

    @Test
    void garbageIsRefusedWithAReason() {
        ClusterEventCodec codec = new ClusterEventCodec("");
        assertThrows(InvalidEventException.class, () -> codec.decode("hello".getBytes(StandardCharsets.UTF_8)));
        byte[] good = codec.encode(event(null));
        assertThrows(InvalidEventException.class, () -> codec.decode(Arrays.copyOf(good, good.length / 2)));
        byte[] future = good.clone();
        future[4] = 9;
        InvalidEventException e = assertThrows(InvalidEventException.class, () -> codec.decode(future));
        assertTrue(e.getMessage().contains("version 9"), e.getMessage());
    }
}
