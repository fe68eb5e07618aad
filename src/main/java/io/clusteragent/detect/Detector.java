package io.clusteragent.detect;

import java.util.List;

/**
 * Looks at the cluster and reports what is wrong, one finding per resource at most. Detectors that
 * compare with the past (CPU samples, restart counts, event counts) keep that history themselves;
 * they are called by one cycle at a time.
 */
public interface Detector {

    /** The one type this detector reports: a cycle that ran it may resolve incidents of this type. */
    FindingType type();

    List<Finding> detect(DetectionInput input);
}
