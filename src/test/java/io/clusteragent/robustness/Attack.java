package io.clusteragent.robustness;

/** One way a client can misbehave, run against the agent's port. */
record Attack(String name, Run run) {

    interface Run {
        Outcome against(int port) throws Exception;
    }
}
