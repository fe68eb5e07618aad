package io.clusteragent.kubestate;

import java.util.ArrayList;
import java.util.List;

/**
 * Every resource that has kube-state-metrics families. One slot per kube-state-metrics resource, each a line of
 * its own between blank lines, so that resources filled in side by side merge without conflicts; the order here
 * does not matter (resources are written sorted by plural, as kube-state-metrics does).
 */
final class KubeStateResources {

    private KubeStateResources() {}

    static List<KubeStateResource<?>> all() {
        List<KubeStateResource<?>> resources = new ArrayList<>();

        // certificatesigningrequests

        resources.add(ConfigMapMetrics.RESOURCE);

        resources.add(CronJobMetrics.RESOURCE);

        resources.add(DaemonSetMetrics.RESOURCE);

        resources.add(DeploymentMetrics.RESOURCE);

        resources.add(EndpointSliceMetrics.RESOURCE);

        resources.add(HorizontalPodAutoscalerMetrics.RESOURCE);

        resources.add(IngressMetrics.RESOURCE);

        resources.add(JobMetrics.RESOURCE);

        resources.add(LeaseMetrics.RESOURCE);

        resources.add(LimitRangeMetrics.RESOURCE);

        // mutatingwebhookconfigurations

        resources.add(NamespaceMetrics.RESOURCE);

        // networkpolicies

        resources.add(NodeMetrics.RESOURCE);

        resources.add(PersistentVolumeClaimMetrics.RESOURCE);

        resources.add(PersistentVolumeMetrics.RESOURCE);

        resources.add(PodDisruptionBudgetMetrics.RESOURCE);

        resources.add(PodMetrics.RESOURCE);

        resources.add(ReplicaSetMetrics.RESOURCE);

        // replicationcontrollers

        resources.add(ResourceQuotaMetrics.RESOURCE);

        resources.add(SecretMetrics.RESOURCE);

        resources.add(ServiceMetrics.RESOURCE);

        resources.add(StatefulSetMetrics.RESOURCE);

        resources.add(StorageClassMetrics.RESOURCE);

        // validatingwebhookconfigurations

        // volumeattachments

        return List.copyOf(resources);
    }
}
