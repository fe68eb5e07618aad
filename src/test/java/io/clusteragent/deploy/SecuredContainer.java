package io.clusteragent.deploy;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.SecurityContext;

import java.util.List;

/** What the Pod Security Standards look at in a container, init or ephemeral container. */
record SecuredContainer(String name, SecurityContext securityContext, List<ContainerPort> ports) {}
