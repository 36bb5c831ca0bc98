package org.geoserver.cluster.catalog.internal;

import static org.geoserver.cluster.catalog.api.CatalogException.Reason.DUPLICATE;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.INVALID;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.IN_USE;
import static org.geoserver.cluster.catalog.api.CatalogException.Reason.NOT_FOUND;
import static org.geoserver.cluster.catalog.internal.RuleSupport.require;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.geoserver.cluster.catalog.api.CatalogException;
import org.geoserver.cluster.catalog.api.CatalogInfo;
import org.geoserver.cluster.catalog.api.Info;
import org.geoserver.cluster.catalog.api.InfoType;
import org.geoserver.cluster.catalog.api.StyleInfo;

/**
 * GeoServer's catalog rules: what may be added, saved and removed, and what a change implies for
 * other objects, through the {@link TypeRules} of each type. Changes coming from another node are
 * applied literally: the node they come from already derived and sent the implied changes.
 */
final class CatalogRules {

    /** Global settings and logging: any content, no references. */
    private static final TypeRules<Info> NO_RULES = (state, info, before) -> {};

    private final Clock clock;
    private final Map<InfoType, TypeRules<?>> byType = new EnumMap<>(InfoType.class);

    CatalogRules(Clock clock) {
        this.clock = clock;
        // The rule sets that cascade or validate what they derive reach the other types through this dispatcher.
        LayerGroupRules groups = new LayerGroupRules();
        StoreRules stores = new StoreRules(this);
        ResourceRules resources = new ResourceRules(this);
        for (InfoType type : InfoType.values()) {
            byType.put(type, switch (type) {
                case WORKSPACE -> new WorkspaceRules(this);
                case NAMESPACE -> new NamespaceRules(this);
                case DATASTORE, COVERAGESTORE, WMSSTORE, WMTSSTORE -> stores;
                case FEATURETYPE, COVERAGE, WMSLAYER, WMTSLAYER -> resources;
                case LAYER -> new LayerRules(this, groups);
                case LAYERGROUP -> groups;
                case STYLE -> new StyleRules();
                case SETTINGS -> new SettingsRules();
                case SERVICE -> new ServiceRules();
                case DEFAULTS -> new DefaultsRules();
                case GLOBAL, LOGGING -> NO_RULES;
            });
        }
    }

    /** The rules of the object's type; each type's rules take every object of that type. */
    @SuppressWarnings("unchecked")
    private <T extends Info> TypeRules<T> rulesOf(T info) {
        return (TypeRules<T>) byType.get(info.type());
    }

    // ------------------------------------------------------------------ add

    void add(Transaction tx, Info requested) {
        Info info = requested.copy();
        if (!tx.literal() && info.getId() == null) {
            info.setId(info.type().newId(info));
        }
        require(info.getId() != null && !info.getId().isBlank(), INVALID, info.type() + " to add has no id");
        if (tx.state().get(info.getId()) != null) {
            throw new CatalogException(DUPLICATE, info.type() + " id " + info.getId() + " already exists");
        }
        require(!info.type().isSingleton(), INVALID, info.type() + " always exists: save it instead of adding it");
        TypeRules<Info> rules = rulesOf(info);
        if (!tx.literal()) {
            if (info instanceof CatalogInfo catalogInfo && catalogInfo.getDateCreated() == null) {
                catalogInfo.setXml(catalogInfo.xml().withChildText("dateCreated", RuleSupport.date(clock)));
            }
            rules.complete(tx.state(), info);
        }
        require(!tx.writesStyleBody() || info instanceof StyleInfo, INVALID, "only a style has a style file: " + info);
        rules.validate(tx.state(), info, null);
        tx.add(info);
        if (!tx.literal()) {
            rules.added(tx, info);
        }
    }

    // ------------------------------------------------------------------ save

    void save(Transaction tx, Info requested) {
        Info info = requested.copy();
        Info before = tx.state().get(info.getId());
        TypeRules<Info> rules = rulesOf(info);
        if (info.type() == InfoType.DEFAULTS && before == null) {
            rules.validate(tx.state(), info, null);
            tx.add(info);
            return;
        }
        if (before == null) {
            throw new CatalogException(NOT_FOUND, "cannot save " + info + ": no such object");
        }
        require(before.type() == info.type(), INVALID, "cannot save " + info + " over " + before + ": the type differs");
        boolean newBody = tx.writesStyleBody();
        require(!newBody || info instanceof StyleInfo, INVALID, "only a style has a style file: " + info);
        if (before.xml().equals(info.xml()) && !newBody) {
            return;
        }
        if (!tx.literal() && info instanceof CatalogInfo catalogInfo) {
            catalogInfo.setXml(catalogInfo.xml().withChildText("dateModified", RuleSupport.date(clock)));
        }
        rules.validate(tx.state(), info, before);
        tx.modify(before, info, newBody);
        if (!tx.literal()) {
            rules.saved(tx, before, info);
        }
    }

    // ------------------------------------------------------------------ remove

    void remove(Transaction tx, Info requested, boolean recursive) {
        Info info = tx.state().get(requested.getId());
        if (info == null) {
            throw new CatalogException(NOT_FOUND, "cannot remove " + requested + ": no such object");
        }
        require(!info.type().isSingleton(), INVALID, info.type() + " cannot be removed");
        TypeRules<Info> rules = rulesOf(info);
        rules.requireRemovable(info);
        if (tx.literal()) {
            if (rules.inUse(tx.state(), info)) {
                throw new CatalogException(IN_USE, info + " is still in use here");
            }
            tx.remove(info);
            return;
        }
        rules.remove(tx, info, recursive);
    }

    /** Removes an object found by another type's rules, as its own type's rules remove it. */
    void removeDependent(Transaction tx, Info info, boolean recursive) {
        rulesOf(info).remove(tx, info, recursive);
    }

    // ------------------------------------------------------------------ validation

    /** Checks one object against the state; {@code before} is the stored version when saving. */
    void validate(CatalogState state, Info info, Info before) {
        rulesOf(info).validate(state, info, before);
    }
}
