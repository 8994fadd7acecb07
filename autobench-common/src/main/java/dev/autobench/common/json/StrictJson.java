package dev.autobench.common.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Every service's JSON parser refuses a body that names a field twice: such a body is malformed JSON, a 400
 * problem like any other, and never a record Jackson cannot build. It also closes the door on parser
 * differentials (which of the two values a proxy or a second parser would take).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }
}
