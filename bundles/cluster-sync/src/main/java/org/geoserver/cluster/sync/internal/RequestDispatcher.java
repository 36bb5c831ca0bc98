package org.geoserver.cluster.sync.internal;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.geoserver.cluster.api.RequestChannel;
import org.geoserver.cluster.api.RequestResponder;
import org.geoserver.cluster.api.RequestSubject;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Receives the requests other nodes send this one through the transport and hands each to the
 * {@link RequestResponder} service marked with its {@link RequestSubject} (whiteboard), so that
 * a new kind of request is a new responder, not a new branch here.
 */
@Component(service = {}, immediate = true)
public class RequestDispatcher {

    private final Map<String, RequestResponder> responders = new ConcurrentHashMap<>();
    private final BoundTransport<RequestChannel> transport = new BoundTransport<>(service -> service.serveRequests(this::respond));

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setTransport(RequestChannel service) {
        transport.bind(service);
    }

    void unsetTransport(RequestChannel service) {
        transport.unbind(service);
    }

    /** A bind method takes no component property type (DS 1.4): the properties' map, with the key the type gives. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, target = "(" + RequestSubject.PROPERTY + "=*)")
    void addResponder(RequestResponder responder, Map<String, Object> properties) {
        responders.put(String.valueOf(properties.get(RequestSubject.PROPERTY)), responder);
    }

    void removeResponder(RequestResponder responder, Map<String, Object> properties) {
        responders.remove(String.valueOf(properties.get(RequestSubject.PROPERTY)), responder);
    }

    @Deactivate
    void deactivate() {
        transport.close();
    }

    byte[] respond(String from, String subject, byte[] body) throws Exception {
        RequestResponder responder = responders.get(subject);
        if (responder == null) {
            throw new IllegalArgumentException("unknown request '" + subject + "' (this node answers " + String.join(", ", new TreeSet<>(responders.keySet())) + ")");
        }
        return responder.respond(from, subject, body);
    }
}
