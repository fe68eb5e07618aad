package io.clusteragent.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A misspelt field parses silently into the typed model; the render test relies on finding it. */
class UnknownFieldsTest {

    @Test
    void findsAMisspeltFieldDeepInAPodTemplate() {
        Manifests manifests = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  selector:
                    matchLabels: {app: typo}
                  template:
                    metadata:
                      labels: {app: typo}
                    spec:
                      containers:
                        - name: agent
                          image: agent
                          readinesProbe:
                            httpGet: {path: /readyz, port: 8080}
                """);

        assertThat(UnknownFields.of(manifests.objects().get(0)))
                .containsExactly("Deployment.spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void findsNothingInACorrectObject() {
        Manifests manifests = Manifests.parse("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: fine
                spec:
                  selector: {app: fine}
                  ports:
                    - port: 80
                      targetPort: http
                """);

        assertThat(UnknownFields.of(manifests.objects().get(0))).isEmpty();
    }
}
