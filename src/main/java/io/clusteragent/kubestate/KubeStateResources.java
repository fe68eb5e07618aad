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

        // configmaps

        resources.add(CronJobMetrics.RESOURCE);

        resources.add(DaemonSetMetrics.RESOURCE);

        resources.add(DeploymentMetrics.RESOURCE);

        // endpointslices

        resources.add(HorizontalPodAutoscalerMetrics.RESOURCE);

        // ingresses

        resources.add(JobMetrics.RESOURCE);

        // leases

        // limitranges

        // mutatingwebhookconfigurations

        resources.add(NamespaceMetrics.RESOURCE);

        // networkpolicies

        // nodes

        // persistentvolumeclaims

        // persistentvolumes

        resources.add(PodDisruptionBudgetMetrics.RESOURCE);

        // pods

        resources.add(ReplicaSetMetrics.RESOURCE);

        // replicationcontrollers

        // resourcequotas

        // secrets

        // services

        resources.add(StatefulSetMetrics.RESOURCE);

        // storageclasses

        // validatingwebhookconfigurations

        // volumeattachments

        return List.copyOf(resources);
    }
}
