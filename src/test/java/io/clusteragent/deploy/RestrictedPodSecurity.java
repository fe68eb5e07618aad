package io.clusteragent.deploy;

import io.fabric8.kubernetes.api.model.AppArmorProfile;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The "restricted" Pod Security Standard (which includes "baseline"), as the API server's
 * PodSecurity admission checks it at version latest: each broken control is one line naming it.
 */
final class RestrictedPodSecurity {

    private static final Set<String> VOLUME_TYPES = Set.of(
            "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");
    private static final Set<String> SAFE_SYSCTLS = Set.of(
            "kernel.shm_rmid_forced",
            "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start",
            "net.ipv4.tcp_syncookies",
            "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports",
            "net.ipv4.tcp_keepalive_time",
            "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl",
            "net.ipv4.tcp_keepalive_probes");
    private static final Set<String> SELINUX_TYPES =
            Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");
    private static final Set<String> CONFINED_PROFILES = Set.of("RuntimeDefault", "Localhost");
    private static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

    private RestrictedPodSecurity() {}

    static List<String> violations(Workload workload) {
        List<String> found = new ArrayList<>();
        PodSpec pod = workload.pod();
        PodSecurityContext podContext =
                Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        hostAccess(pod, found);
        volumes(pod, found);
        podContext(podContext, workload.template().getMetadata().getAnnotations(), found);
        for (SecuredContainer container : workload.allContainers()) {
            container(container, podContext, found);
        }
        return found;
    }

    private static void hostAccess(PodSpec pod, List<String> found) {
        check(pod.getHostNetwork(), "hostNetwork", found);
        check(pod.getHostPID(), "hostPID", found);
        check(pod.getHostIPC(), "hostIPC", found);
    }

    private static void check(Boolean hostNamespace, String field, List<String> found) {
        if (Boolean.TRUE.equals(hostNamespace)) {
            found.add("host namespaces: " + field + " is true");
        }
    }

    private static void volumes(PodSpec pod, List<String> found) {
        for (Volume volume : pod.getVolumes()) {
            Map<String, Object> fields = Manifests.SERIALIZATION.convertValue(volume, Map.class);
            fields.keySet().stream()
                    .filter(type -> !type.equals("name") && !VOLUME_TYPES.contains(type))
                    .forEach(type -> found.add("volume types: " + volume.getName() + " is a " + type + " volume"));
        }
    }

    private static void podContext(PodSecurityContext context, Map<String, String> annotations, List<String> found) {
        if (Boolean.FALSE.equals(context.getRunAsNonRoot())) {
            found.add("running as non-root: the pod sets runAsNonRoot: false");
        }
        if (Long.valueOf(0).equals(context.getRunAsUser())) {
            found.add("running as non-root user: the pod sets runAsUser 0");
        }
        if (context.getSeccompProfile() != null && !confined(context.getSeccompProfile())) {
            found.add("seccomp: the pod sets seccompProfile "
                    + context.getSeccompProfile().getType());
        }
        windows(context.getWindowsOptions(), "the pod", found);
        seLinux(context.getSeLinuxOptions(), "the pod", found);
        appArmor(context.getAppArmorProfile(), "the pod", found);
        for (Sysctl sysctl : context.getSysctls()) {
            if (!SAFE_SYSCTLS.contains(sysctl.getName())) {
                found.add("sysctls: " + sysctl.getName() + " is not a safe sysctl");
            }
        }
        Optional.ofNullable(annotations).orElse(Map.of()).forEach((key, value) -> {
            if (key.startsWith(APPARMOR_ANNOTATION)
                    && !value.equals("runtime/default")
                    && !value.startsWith("localhost/")) {
                found.add("AppArmor: annotation " + key + " is " + value);
            }
        });
    }

    private static void container(SecuredContainer container, PodSecurityContext pod, List<String> found) {
        String name = "container " + container.name();
        SecurityContext context =
                Optional.ofNullable(container.securityContext()).orElseGet(SecurityContext::new);
        if (Boolean.TRUE.equals(context.getPrivileged())) {
            found.add("privileged containers: " + name + " is privileged");
        }
        if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
            found.add("privilege escalation: " + name + " does not set allowPrivilegeEscalation: false");
        }
        // A container's own setting wins over the pod's; either may carry it.
        if (!Boolean.TRUE.equals(Optional.ofNullable(context.getRunAsNonRoot()).orElse(pod.getRunAsNonRoot()))) {
            found.add("running as non-root: " + name
                    + " runs without runAsNonRoot: true (neither it nor the pod sets it)");
        }
        if (Long.valueOf(0).equals(context.getRunAsUser())) {
            found.add("running as non-root user: " + name + " sets runAsUser 0");
        }
        if (!confined(Optional.ofNullable(context.getSeccompProfile()).orElse(pod.getSeccompProfile()))) {
            found.add("seccomp: " + name
                    + " runs without a RuntimeDefault or Localhost seccompProfile (its own or the pod's)");
        }
        if (context.getProcMount() != null && !context.getProcMount().equals("Default")) {
            found.add("/proc mount type: " + name + " sets procMount " + context.getProcMount());
        }
        capabilities(context.getCapabilities(), name, found);
        windows(context.getWindowsOptions(), name, found);
        seLinux(context.getSeLinuxOptions(), name, found);
        appArmor(context.getAppArmorProfile(), name, found);
        container.ports().stream()
                .filter(port -> port.getHostPort() != null && port.getHostPort() != 0)
                .forEach(port -> found.add("host ports: " + name + " uses host port " + port.getHostPort()));
    }

    private static void capabilities(Capabilities capabilities, String name, List<String> found) {
        Capabilities declared = Optional.ofNullable(capabilities).orElseGet(Capabilities::new);
        if (!declared.getDrop().contains("ALL")) {
            found.add("capabilities: " + name + " does not drop ALL");
        }
        declared.getAdd().stream()
                .filter(added -> !added.equals("NET_BIND_SERVICE"))
                .forEach(added -> found.add("capabilities: " + name + " adds " + added));
    }

    private static boolean confined(SeccompProfile profile) {
        return profile != null && CONFINED_PROFILES.contains(profile.getType());
    }

    private static void windows(WindowsSecurityContextOptions options, String where, List<String> found) {
        if (options != null && Boolean.TRUE.equals(options.getHostProcess())) {
            found.add("HostProcess: " + where + " runs as a Windows host process");
        }
    }

    private static void seLinux(SELinuxOptions options, String where, List<String> found) {
        if (options == null) {
            return;
        }
        if (!SELINUX_TYPES.contains(Optional.ofNullable(options.getType()).orElse(""))) {
            found.add("SELinux: " + where + " sets type " + options.getType());
        }
        if (!isNullOrEmpty(options.getUser()) || !isNullOrEmpty(options.getRole())) {
            found.add("SELinux: " + where + " sets a user or role");
        }
    }

    private static boolean isNullOrEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static void appArmor(AppArmorProfile profile, String where, List<String> found) {
        if (profile != null && !CONFINED_PROFILES.contains(profile.getType())) {
            found.add("AppArmor: " + where + " sets profile " + profile.getType());
        }
    }
}
