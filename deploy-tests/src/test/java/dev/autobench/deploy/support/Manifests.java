package dev.autobench.deploy.support;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads multi-document Kubernetes YAML into fabric8's typed models. Typed parsing alone forgives
 * typos (unknown fields land in {@code additionalProperties}), so {@link #strict} also rejects any
 * field the model does not know: a misspelt {@code readinessProbes} fails here, not in the cluster.
 */
public final class Manifests {

    public static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    /** Every non-empty YAML document of the text, as a tree. */
    public static List<JsonNode> documents(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                if (node != null && !node.isNull() && !node.isMissingNode() && !node.isEmpty()) {
                    docs.add(node);
                }
            }
        }
        return docs;
    }

    public static List<HasMetadata> parse(Path file) {
        return parse(Repo.read(file));
    }

    /** Typed resources; kinds fabric8 has no model for (CRDs) come back as GenericKubernetesResource. */
    public static List<HasMetadata> parse(String yaml) {
        return documents(yaml).stream().map(Manifests::typed).toList();
    }

    private static HasMetadata typed(JsonNode doc) {
        Object parsed = SERIALIZATION.unmarshal(doc.toString());
        if (!(parsed instanceof HasMetadata resource)) {
            throw new AssertionError("Not a Kubernetes resource: " + doc);
        }
        return resource;
    }

    /** Field paths the typed model did not recognise (empty when the manifest is well-formed). */
    public static List<String> unknownFields(HasMetadata resource) {
        List<String> unknown = new ArrayList<>();
        if (resource instanceof GenericKubernetesResource) {
            unknown.addAll(unknownIn(resource.getMetadata(), "metadata"));
            return unknown;
        }
        collect(resource, resource.getKind(), unknown);
        return unknown;
    }

    private static List<String> unknownIn(Object model, String path) {
        List<String> unknown = new ArrayList<>();
        collect(model, path, unknown);
        return unknown;
    }

    private static final Set<String> SKIPPED_GETTERS = Set.of("getClass", "getAdditionalProperties",
            "getAdditionalPropertiesNode", "getMetadata");

    private static void collect(Object model, String path, List<String> unknown) {
        if (model == null) {
            return;
        }
        if (model instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collect(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (model instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(v, path + "." + k, unknown));
            return;
        }
        if (!model.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        Object extra = invoke(model, "getAdditionalProperties");
        if (extra instanceof Map<?, ?> map && !map.isEmpty()) {
            map.keySet().forEach(k -> unknown.add(path + "." + k));
        }
        for (Method getter : model.getClass().getMethods()) {
            if (getter.getParameterCount() == 0 && getter.getName().startsWith("get")
                    && !Modifier.isStatic(getter.getModifiers()) && !SKIPPED_GETTERS.contains(getter.getName())) {
                collect(invoke(model, getter.getName()), path + "." + getter.getName().substring(3), unknown);
            }
        }
        if (model instanceof HasMetadata withMeta) {
            collect(withMeta.getMetadata(), path + ".metadata", unknown);
        }
    }

    private static Object invoke(Object target, String getter) {
        try {
            return target.getClass().getMethod(getter).invoke(target);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T extends HasMetadata> Stream<T> ofType(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast);
    }

    public static <T extends HasMetadata> T named(List<HasMetadata> resources, Class<T> type, String name) {
        return ofType(resources, type).filter(r -> name.equals(r.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " named " + name));
    }

    public static List<GenericKubernetesResource> custom(List<HasMetadata> resources, String apiVersion, String kind) {
        return ofType(resources, GenericKubernetesResource.class)
                .filter(r -> apiVersion.equals(r.getApiVersion()) && kind.equals(r.getKind())).toList();
    }
}
