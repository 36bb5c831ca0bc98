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
