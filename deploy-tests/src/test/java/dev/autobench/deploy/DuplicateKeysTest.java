package dev.autobench.deploy;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;
import dev.autobench.deploy.support.Repo;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No manifest repeats a key in one mapping. YAML parsers (kustomize's among them) keep one of the two
 * and drop the other without a word: a second {@code env:} in a container patch silently loses one
 * of the two lists.
 */
class DuplicateKeysTest {

    private static final YAMLMapper STRICT = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @Test
    void noManifestRepeatsAKey() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Repo.k8s())) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            try (MappingIterator<JsonNode> documents = STRICT.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (documents.hasNext()) {
                    documents.next();
                }
            } catch (RuntimeException e) {
                problems.add(Repo.k8s().relativize(file) + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theDetectorFindsARepeatedKey() {
        String patch = """
                containers:
                  - name: arena-service
                    env:
                      - name: A
                    env:
                      - name: B
                """;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> STRICT.readTree(patch))
                .hasMessageContaining("Duplicate").hasMessageContaining("\"env\"");
    }
}
