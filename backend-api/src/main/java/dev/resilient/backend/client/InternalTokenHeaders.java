package dev.resilient.backend.client;

import dev.resilient.kit.secrets.InternalTokenConfig;
import dev.resilient.kit.secrets.InternalTokenHeader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** The one place the internal token is put on downstream calls ({@code X-INTERNAL-TOKEN}). */
@ApplicationScoped
public class InternalTokenHeaders implements ClientHeadersFactory {

    private final InternalTokenConfig config;

    InternalTokenHeaders(InternalTokenConfig config) {
        this.config = config;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(InternalTokenHeader.NAME, config.token());
        return headers;
    }
}
