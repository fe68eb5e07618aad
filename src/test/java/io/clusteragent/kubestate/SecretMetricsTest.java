package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The secret families against kube-state-metrics' own expectations ({@code internal/store/secret_test.go}). */
class SecretMetricsTest {

    @Test
    void unownedSecretHasEmptyOwnerLabelsAndItsZeroPaddedVersion() {
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName("secret1")
                .withNamespace("ns1")
                .withResourceVersion("000000")
                .endMetadata()
                .withType("Opaque")
                .build();

        assertThat(GoldenScrape.text(SecretMetrics.RESOURCE, secret)).isEqualTo("""
                # HELP kube_secret_info [STABLE] Information about secret.
                # TYPE kube_secret_info gauge
                kube_secret_info{namespace="ns1",secret="secret1"} 1
                # HELP kube_secret_type [STABLE] Type about secret.
                # TYPE kube_secret_type gauge
                kube_secret_type{namespace="ns1",secret="secret1",type="Opaque"} 1
                # HELP kube_secret_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_secret_annotations gauge
                # HELP kube_secret_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_secret_labels gauge
                # HELP kube_secret_created [STABLE] Unix creation timestamp
                # TYPE kube_secret_created gauge
                # HELP kube_secret_metadata_resource_version Resource version representing a specific version of secret.
                # TYPE kube_secret_metadata_resource_version gauge
                kube_secret_metadata_resource_version{namespace="ns1",secret="secret1"} 0
                # HELP kube_secret_owner Information about the Secret's owner.
                # TYPE kube_secret_owner gauge
                kube_secret_owner{namespace="ns1",secret="secret1",owner_kind="",owner_name="",owner_is_controller=""} 1
                """);
    }

    @Test
    void controllerOwnedSecretNamesItsOwnerAndSkipsAnUnparsableVersion() {
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName("secret4")
                .withNamespace("ns4")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withResourceVersion("123456B")
                .addNewOwnerReference()
                .withKind("ManagedSecret")
                .withName("managed-secret4")
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withType("kubernetes.io/tls")
                .build();

        assertThat(FamilyScrape.of(
                        SecretMetrics.RESOURCE,
                        List.of(
                                "kube_secret_type",
                                "kube_secret_created",
                                "kube_secret_metadata_resource_version",
                                "kube_secret_owner"),
                        secret))
                .isEqualTo("""
                        # HELP kube_secret_type [STABLE] Type about secret.
                        # TYPE kube_secret_type gauge
                        kube_secret_type{namespace="ns4",secret="secret4",type="kubernetes.io/tls"} 1
                        # HELP kube_secret_created [STABLE] Unix creation timestamp
                        # TYPE kube_secret_created gauge
                        kube_secret_created{namespace="ns4",secret="secret4"} 1.5e+09
                        # HELP kube_secret_metadata_resource_version Resource version representing a specific version of secret.
                        # TYPE kube_secret_metadata_resource_version gauge
                        # HELP kube_secret_owner Information about the Secret's owner.
                        # TYPE kube_secret_owner gauge
                        kube_secret_owner{namespace="ns4",secret="secret4",owner_kind="ManagedSecret",owner_name="managed-secret4",owner_is_controller="true"} 1
                        """);
    }
}
