package io.clusteragent.quantity;

import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "cpu, 250m, 250",
        "cpu, 2, 2000",
        "cpu, 0.5, 500",
        "cpu, 1500u, 2",
        "cpu, 123456789n, 124",
        "cpu, 1e3, 1000000",
        "memory, 512Mi, 536870912",
        "memory, 1G, 1000000000",
        "memory, 1.5Gi, 1610612736",
        "memory, 1000m, 1",
        "memory, 1500m, 2",
        "memory, 16331244Ki, 16723193856",
        "nvidia.com/gpu, 2, 2",
        "pods, 110, 110"
    })
    void scalesToSchedulerUnits(String resource, String text, long expected) {
        assertThat(Quantities.scaled(resource, new Quantity(text))).isEqualTo(expected);
        assertThat(Quantities.scaled(resource, Quantity.parse(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} prints {2}")
    @CsvSource({
        "cpu, 250, 250m",
        "cpu, 2000, 2",
        "memory, 536870912, 512Mi",
        "memory, 1000000000, 1G",
        "memory, 1234567, 1234567",
        "memory, 0, 0",
        "nvidia.com/gpu, 2, 2"
    })
    void formatsAsKubectlPrints(String resource, long amount, String expected) {
        assertThat(Quantities.format(resource, amount)).isEqualTo(expected);
    }
}
