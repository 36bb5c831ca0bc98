package org.geoserver.cluster.rest.internal;

import java.util.List;
import java.util.Map;
import org.geoserver.cluster.catalog.api.UpdateSequence;
import org.geoserver.cluster.catalog.api.XmlElement;
import org.geoserver.cluster.catalog.types.GeoServerTypes;

/**
 * The answers of GeoServer's REST API that are not what the rest of its API would suggest, which
 * clients rely on and this API therefore gives too. This is the one list of them; the code that
 * gives each names its number here, and {@code GeoServerQuirksTest} proves each one.
 *
 * <ol>
 *   <li><b>Unknown workspace, no layers.</b> {@code GET /workspaces/{ws}/layers} of a workspace
 *       that does not exist answers 200 with an empty list ({@code {"layers":""}}, XML
 *       {@code <layers/>}), where every other path below an unknown workspace answers 404: GeoServer
 *       lists the layers of the resources in that namespace and does not look the workspace up
 *       ({@link #EMPTY_LIST_WITHOUT_WORKSPACE}, {@code RestApi}).
 *   <li><b>Empty lists and empty elements are {@code ""} in JSON.</b> An empty collection is its
 *       list element with no content: {@code {"workspaces":""}}, {@code {"layers":""}},
 *       {@code {"styles":""}}, {@code {"layerGroups":""}} (XML {@code <workspaces/>}); so is any
 *       empty element ({@code "contact":""} in {@code /settings/contact} before anything is set),
 *       never {@code []}, {@code {}} or {@code null} ({@code JsonTree}).
 *   <li><b>One item is still a list.</b> A collection with one item is a JSON array all the same
 *       ({@code {"workspaces":{"workspace":[{...}]}}}), as are the model's collection properties
 *       (keywords, styles, ...) ({@code XmlShapes.isList}). Reading, a single object is accepted
 *       where an array is expected and the other way round, and a map as a plain JSON object
 *       ({@code "connectionParameters":{"host":"h"}}) ({@code JsonTree}).
 *   <li><b>Typed JSON scalars.</b> Properties that are booleans or numbers in GeoServer's model are
 *       JSON booleans and numbers, written with the digits stored ({@code XmlShapes}); everything
 *       else is a string.
 *   <li><b>Double underscores.</b> XStream writes a Java field's underscore as two in XML
 *       ({@code <__default>}) but as one in JSON ({@code "_default"}) ({@code XmlShapes.jsonName}).
 *   <li><b>201 with the name.</b> A creation answers 201 with the {@code Location} of the new
 *       object and its bare name as a {@code text/plain} body ({@code Reply.created}).
 *   <li><b>Only a known suffix is a format.</b> {@code .xml}, {@code .json}, {@code .html},
 *       {@code .sld} at the end of the path choose the format, anything else is part of the name
 *       ({@code workspaces/it.geosolutions} is the workspace {@code it.geosolutions}); without one,
 *       the {@code Accept} header, else JSON ({@code RestApi}, {@code Format}).
 *   <li><b>{@code list=available} on feature types and coverages</b> names the native types not
 *       published yet: a node that does not read the stores' data answers the empty
 *       {@code <list/>} ({@code {"list":""}}) ({@code ResourceKind.listsUnpublished}).
 *   <li><b>A bare layer name</b> in {@code /layers/{name}} is looked up in the default workspace,
 *       else among all workspaces when it is unique; {@code ws:name} names it exactly; {@code :}
 *       stays unescaped in links ({@code LayerKind.lookup}, {@code Links.segment}).
 *   <li><b>{@code raw=true}</b> on a style file stores the bytes as sent, without parsing them
 *       ({@code StyleKind}).
 *   <li><b>{@code /reload} and {@code /reset}</b> accept PUT as well as POST and answer 200 even
 *       with nothing to reload or reset ({@code TaskEndpoint}).
 *   <li><b>{@code updateSequence} is the server's.</b> {@code GET /settings} shows the
 *       {@link UpdateSequence} service's value when there is one (the cluster's), else the stored
 *       one; a {@code PUT /settings} carrying {@code updateSequence} (clients send back what they
 *       read) is accepted and that element ignored, unless it is not a number, which is refused
 *       with 400 like any wrongly typed value ({@link #showUpdateSequence},
 *       {@link #withoutServerOwned}).
 *   <li><b>{@code about/version}</b> reports GeoServer 2.26.2, the version whose API this one
 *       follows ({@code AboutEndpoint}).
 *   <li><b>No ids, references by name.</b> A catalog object is shown without its {@code id}, and
 *       every reference to another object as its name with a link ({@code "defaultStyle":{"name":
 *       "line","href":".../styles/line.json"}}); bodies name references the same way
 *       ({@code References}).
 * </ol>
 */
final class GeoServerQuirks {

    /** Quirk 1: routes listing a workspace's objects that answer an empty list (this element) when the workspace does not exist. */
    static final Map<String, String> EMPTY_LIST_WITHOUT_WORKSPACE = Map.of("workspaces/{workspace}/layers", "layers");

    /** Quirk 12: the element of the global settings that the server keeps and clients cannot set. */
    static final String UPDATE_SEQUENCE = "updateSequence";

    private GeoServerQuirks() {}

    /**
     * Quirk 1: the empty list a GET of this route answers for a workspace that does not exist, or
     * null when the route answers 404 then, as all others do.
     */
    static XmlElement emptyListWithoutWorkspace(String route, String method) {
        String element = "GET".equals(method) ? EMPTY_LIST_WITHOUT_WORKSPACE.get(route) : null;
        return element == null ? null : XmlElement.of(element);
    }

    /** Quirk 12: the global settings as served, with the service's update sequence when there is one. */
    static XmlElement showUpdateSequence(XmlElement global, UpdateSequence sequence) {
        return sequence == null ? global : global.withChildText(UPDATE_SEQUENCE, Long.toString(sequence.current()));
    }

    /**
     * Quirk 12: a body for the global settings without what the server keeps to itself. A value
     * GeoServer could not read (not a number) is still refused, as every wrongly typed value is.
     */
    static XmlElement withoutServerOwned(XmlElement global) {
        XmlElement sent = global.child(UPDATE_SEQUENCE);
        if (sent != null) {
            GeoServerTypes.check(XmlElement.of(global.name(), List.of(sent))).ifPresent(violation -> {
                throw RestException.badRequest(violation.message());
            });
        }
        return global.withChild(UPDATE_SEQUENCE, null);
    }
}
