package dev.autobench.dispatcher.config;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A body naming a field twice is malformed JSON (a 400), not a record Jackson cannot build: without
 * this, {@code {"taskId":…,"model":"a","model":"b"}} reached Quarkus' InvalidDefinitionException
 * mapper and answered 500. It also closes the door on parser differentials (which of the two wins).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }
}
