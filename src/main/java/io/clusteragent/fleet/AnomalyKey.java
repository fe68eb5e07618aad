package io.clusteragent.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What an anomaly is about: the rule's grouping values other than the cluster; those it does not group by are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnomalyKey(String namespace, String kind, String name, String reason, String image) {

    static AnomalyKey of(RuleKey key) {
        return new AnomalyKey(key.namespace(), key.kind(), key.name(), key.reason(), key.image());
    }
}
