package org.geoserver.cluster.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.geoserver.cluster.catalog.api.Change;
import org.geoserver.cluster.catalog.api.ChangeEvent;
import org.geoserver.cluster.catalog.api.ChangeEvent.Kind;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.PropertyChange;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.catalog.types.GeoServerTypes;
import org.geoserver.cluster.catalog.types.References;

/**
 * The changes of one {@link org.geoserver.cluster.catalog.api.Change}, applied to the state as they
 * are validated, with what is needed to undo them all when a later step refuses.
 */
final class Transaction {

    private record Step(Kind kind, Info before, Info after) {}

    private final CatalogState state;
    private final Change change;
    private final List<Step> steps = new ArrayList<>();

    Transaction(CatalogState state, Change change) {
        this.state = state;
        this.change = change;
    }

    CatalogState state() {
        return state;
    }

    /** True when the change comes from another node: apply it as sent, derive nothing. */
    boolean literal() {
        return change.origin() != null;
    }

    /** Adds an object as GeoServer presents a new one (older forms upgraded, defaults, one style per group member). */
    void add(Info info) {
        present(info, true);
        state.put(info);
        steps.add(new Step(Kind.ADD, null, info));
    }

    /** Replaces an object; a change that leaves its XML identical records nothing. */
    void modify(Info before, Info after) {
        modify(before, after, false);
    }

    /** Replaces an object; {@code always} records the step even when the XML is identical (a new style body). */
    void modify(Info before, Info after, boolean always) {
        present(after, false);
        if (!always && before.xml().equals(after.xml())) {
            return;
        }
        state.put(after);
        steps.add(new Step(Kind.MODIFY, before, after));
    }

    /** Presents an object as GeoServer does once read ({@code added}: and once added), in place. */
    void present(Info info, boolean added) {
        info.setXml(added ? GeoServerTypes.presentNew(info.xml(), references()) : GeoServerTypes.present(info.xml(), references()));
    }

    /** The root element of each object of the state, for the upgrades that depend on what an id names. */
    private References references() {
        return id -> {
            Info known = state.get(id);
            return known == null ? null : known.xml().name();
        };
    }

    void remove(Info info) {
        state.remove(info.getId());
        steps.add(new Step(Kind.REMOVE, info, null));
    }

    /** True when the change carries a new style file content. */
    boolean writesStyleBody() {
        return change.styleBody() != null;
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Puts the state back as it was before this transaction. */
    void rollback() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            switch (step.kind()) {
                case ADD -> state.remove(step.after().getId());
                case MODIFY, REMOVE -> state.put(step.before());
            }
        }
        steps.clear();
    }

    /**
     * The events of this transaction, numbered from {@code firstSequence}. The style body and purge
     * flag of the change belong to the event of the object the change named.
     */
    List<ChangeEvent> events(long firstSequence) {
        List<ChangeEvent> events = new ArrayList<>(steps.size());
        long sequence = firstSequence;
        String primary = change.info().getId();
        boolean attached = false;
        for (Step step : steps) {
            List<PropertyChange> changes = step.kind() == Kind.MODIFY ? diff(step.before().xml(), step.after().xml()) : List.of();
            Info info = step.after() != null ? step.after() : step.before();
            boolean isPrimary = !attached && (primary == null || info.getId().equals(primary));
            attached |= isPrimary;
            events.add(new ChangeEvent(sequence++, step.kind(), copy(step.before()), copy(step.after()), changes, change.origin(),
                    isPrimary ? change.styleBody() : null, isPrimary && change.purge(), change.user()));
        }
        return events;
    }

    private static Info copy(Info info) {
        return info == null ? null : info.copy();
    }

    /** Top-level children that differ, by element name (repeated names compared as a whole). */
    static List<PropertyChange> diff(XmlElement before, XmlElement after) {
        Map<String, List<XmlElement>> old = byName(before);
        Map<String, List<XmlElement>> now = byName(after);
        LinkedHashMap<String, Boolean> names = new LinkedHashMap<>();
        old.keySet().forEach(n -> names.put(n, true));
        now.keySet().forEach(n -> names.put(n, true));
        List<PropertyChange> changes = new ArrayList<>();
        for (String name : names.keySet()) {
            List<XmlElement> a = old.getOrDefault(name, List.of());
            List<XmlElement> b = now.getOrDefault(name, List.of());
            if (!Objects.equals(a, b)) {
                changes.add(new PropertyChange(name, single(name, a), single(name, b)));
            }
        }
        return changes;
    }

    private static Map<String, List<XmlElement>> byName(XmlElement element) {
        Map<String, List<XmlElement>> map = new LinkedHashMap<>();
        for (XmlElement child : element.children()) {
            map.computeIfAbsent(child.name(), k -> new ArrayList<>()).add(child);
        }
        return map;
    }

    private static XmlElement single(String name, List<XmlElement> elements) {
        if (elements.isEmpty()) {
            return null;
        }
        return elements.size() == 1 ? elements.get(0) : XmlElement.of(name, elements);
    }
}
