package dev.autobench.deploy;

import dev.autobench.deploy.support.Manifests;
import dev.autobench.deploy.support.Overlays;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production backs the database up: the Barman Cloud plugin archives the WAL to an ObjectStore whose
 * credentials the example Secret defines, and a ScheduledBackup takes a daily base backup of the
 * same cluster through the same plugin.
 */
class BackupConfigurationTest {

    static final String PLUGIN = "barman-cloud.cloudnative-pg.io";

    private final List<HasMetadata> prod = Overlays.render("prod");

    @Test
    void theClusterArchivesItsWalToTheObjectStore() {
        GenericKubernetesResource cluster = single(prod, "postgresql.cnpg.io/v1", "Cluster");
        List<Map<String, Object>> plugins = cluster.get("spec", "plugins");
        assertThat(plugins).hasSize(1);
        Map<String, Object> plugin = plugins.get(0);
        assertThat(plugin).containsEntry("name", PLUGIN).containsEntry("isWALArchiver", true);
        assertThat(cluster.<Object>get("spec", "backup")).as("the deprecated in-tree barmanObjectStore is not used").isNull();

        GenericKubernetesResource store = single(prod, "barmancloud.cnpg.io/v1", "ObjectStore");
        assertThat(((Map<?, ?>) plugin.get("parameters")).get("barmanObjectName")).isEqualTo(store.getMetadata().getName());
        assertThat(store.<String>get("spec", "configuration", "destinationPath")).startsWith("s3://");
        assertThat(store.<String>get("spec", "retentionPolicy")).matches("\\d+[dwm]");
        assertThat(store.<String>get("spec", "configuration", "wal", "compression")).isNotBlank();
    }

    @Test
    void theBucketCredentialsAreKeysOfTheExampleSecret() {
        GenericKubernetesResource store = single(prod, "barmancloud.cnpg.io/v1", "ObjectStore");
        Map<String, Set<String>> secrets = SecretReferencesTest.exampleSecrets();
        for (String credential : List.of("accessKeyId", "secretAccessKey")) {
            String secret = store.get("spec", "configuration", "s3Credentials", credential, "name");
            String key = store.get("spec", "configuration", "s3Credentials", credential, "key");
            assertThat(secrets).as(credential).containsKey(secret);
            assertThat(secrets.get(secret)).as(credential).contains(key);
        }
    }

    @Test
    void aDailyBaseBackupOfTheClusterIsScheduledThroughThePlugin() {
        GenericKubernetesResource cluster = single(prod, "postgresql.cnpg.io/v1", "Cluster");
        GenericKubernetesResource scheduled = single(prod, "postgresql.cnpg.io/v1", "ScheduledBackup");
        assertThat(scheduled.<String>get("spec", "cluster", "name")).isEqualTo(cluster.getMetadata().getName());
        assertThat(scheduled.<String>get("spec", "method")).isEqualTo("plugin");
        assertThat(scheduled.<String>get("spec", "pluginConfiguration", "name")).isEqualTo(PLUGIN);
        // CloudNativePG's cron has a seconds field: five fields would mean "every minute of hour N".
        String[] schedule = scheduled.<String>get("spec", "schedule").split(" ");
        assertThat(schedule).hasSize(6);
        assertThat(schedule[3]).as("every day").isEqualTo("*");
    }

    @Test
    void theRestoreOverlayRecreatesTheClusterFromTheBackupsAndArchivesElsewhere() {
        List<HasMetadata> restore = Overlays.render("prod-restore");
        GenericKubernetesResource cluster = single(restore, "postgresql.cnpg.io/v1", "Cluster");
        GenericKubernetesResource store = single(restore, "barmancloud.cnpg.io/v1", "ObjectStore");
        String name = cluster.getMetadata().getName();

        assertThat(cluster.<Object>get("spec", "bootstrap", "initdb")).as("never an empty database").isNull();
        String source = cluster.get("spec", "bootstrap", "recovery", "source");
        assertThat(cluster.<String>get("spec", "bootstrap", "recovery", "secret", "name"))
                .isEqualTo(single(prod, "postgresql.cnpg.io/v1", "Cluster").get("spec", "bootstrap", "initdb", "secret", "name"));
        List<Map<String, Object>> external = cluster.get("spec", "externalClusters");
        Map<?, ?> origin = external.stream().filter(e -> source.equals(e.get("name"))).findFirst().orElseThrow();
        Map<?, ?> plugin = (Map<?, ?>) origin.get("plugin");
        assertThat(plugin.get("name")).isEqualTo(PLUGIN);
        Map<?, ?> parameters = (Map<?, ?>) plugin.get("parameters");
        assertThat(parameters.get("barmanObjectName")).isEqualTo(store.getMetadata().getName());
        assertThat(parameters.get("serverName")).as("reads the archive the lost cluster wrote").isEqualTo(name);

        List<Map<String, Object>> plugins = cluster.get("spec", "plugins");
        assertThat(((Map<?, ?>) plugins.get(0).get("parameters")).get("serverName"))
                .as("the restored cluster archives into a folder of its own").isNotNull().isNotEqualTo(name);
        assertThat(plugins.get(0)).containsEntry("isWALArchiver", true);
        assertThat(restore.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList())
                .as("otherwise the same deployment as prod")
                .containsExactlyInAnyOrderElementsOf(prod.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList());
    }

    private static GenericKubernetesResource single(List<HasMetadata> resources, String apiVersion, String kind) {
        List<GenericKubernetesResource> found = Manifests.custom(resources, apiVersion, kind);
        assertThat(found).as("%s %s", apiVersion, kind).hasSize(1);
        return found.get(0);
    }
}
