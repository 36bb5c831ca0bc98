package org.geoserver.cluster.management.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.WorkspaceInfo;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    private static WorkspaceInfo workspace(String name) {
        WorkspaceInfo workspace = WorkspaceInfo.named(name);
        workspace.setId("ws-1");
        return workspace;
    }

    @Test
    void aLocalChangeNamesThisNodeAndItsUser() {
        ChangeEvent event = new ChangeEvent(1, ChangeEvent.Kind.ADD, null, workspace("roads"), List.of(), null, null, false, "admin");
        assertEquals("node=node-a user=admin operation=ADD type=workspace id=ws-1 name=roads", AuditLog.line(event, "node-a"));
    }

    @Test
    void anAppliedChangeNamesItsOriginAndItsUserThere() {
        ChangeEvent event = new ChangeEvent(1, ChangeEvent.Kind.REMOVE, workspace("two words \"x\"\nz"), null, List.of(), "node-b", null, false, "ops");
        assertEquals("node=node-b user=ops operation=REMOVE type=workspace id=ws-1 name=\"two words \\\"x\\\"\\nz\" appliedOn=node-a",
                AuditLog.line(event, "node-a"));
    }

    @Test
    void anUnknownUserIsADash() {
        ChangeEvent event = new ChangeEvent(1, ChangeEvent.Kind.MODIFY, workspace("w"), workspace("w"), List.of(), null, null, false);
        assertEquals("node=node-a user=- operation=MODIFY type=workspace id=ws-1 name=w", AuditLog.line(event, "node-a"));
    }
}
