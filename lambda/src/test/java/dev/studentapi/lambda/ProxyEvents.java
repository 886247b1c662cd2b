package dev.studentapi.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** API Gateway proxy event fixtures from {@code src/test/resources/events}, read by the Lambda runtime's serializer. */
final class ProxyEvents {

    private static final PojoSerializer<APIGatewayProxyRequestEvent> SERIALIZER = LambdaEventSerializers
            .serializerFor(APIGatewayProxyRequestEvent.class, ProxyEvents.class.getClassLoader());

    private ProxyEvents() {
    }

    /** The event in {@code events/<name>}, as the runtime hands it to a handler. */
    static APIGatewayProxyRequestEvent load(String name) {
        try (InputStream json = ProxyEvents.class.getResourceAsStream("/events/" + name)) {
            if (json == null) {
                throw new IllegalArgumentException("no fixture events/" + name);
            }
            return SERIALIZER.fromJson(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
