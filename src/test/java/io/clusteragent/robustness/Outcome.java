package io.clusteragent.robustness;

/** What one attack met: whether the agent held, and what was seen, in a few words. */
record Outcome(boolean held, String observed) {

    static Outcome held(String observed) {
        return new Outcome(true, observed);
    }

    static Outcome failed(String observed) {
        return new Outcome(false, observed);
    }

    static Outcome when(boolean held, String observed) {
        return new Outcome(held, observed);
    }
}
